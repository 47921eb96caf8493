import { readFileSync } from 'node:fs';
import { parseAst } from 'rollup/parseAst';
import { describe, expect, it } from 'vitest';
import type { AstNode } from '../../build/minify-templates.js';
import { PAGE_SCOPE, tableStylesheetFrom } from '../../build/table-stylesheet.js';

const parse = (code: string) => parseAst(code) as unknown as AstNode;

describe('dist/cookie-table.css, the look of pasted tables', () => {
  it('is the tables’ shadow-root rules, every selector under the element with an id’s weight', () => {
    const written = readFileSync('dist/cookie-table.css', 'utf8');
    expect(written).not.toContain(':host');
    const rules = written
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/@property[^{]*\{[^}]*\}/g, '')
      .replace(/@media[^{]*\{/g, '');
    // Split at the commas between selectors, not those inside :is(…) or :not(…).
    const selectors = [...rules.matchAll(/([^{}]+)\{[^{}]*\}/g)].flatMap((rule) => rule[1].replace(/\([^)]*\)/g, '()').split(','));
    expect(selectors.length).toBeGreaterThan(8);
    for (const selector of selectors) expect(selector.trim().startsWith(PAGE_SCOPE.replace(/\([^)]*\)/g, '()')), selector).toBe(true);
    expect(written).toContain(`${PAGE_SCOPE} td{`);
    // The page's size registered as the script registers it: no shift when the script runs.
    expect(written).toContain("@property --_page-font-size{syntax:'<length>';inherits:true;initial-value:0px}");
    // Before any of the tables' own rules: a theme's rules for tables go back to the browser's own.
    expect(written.indexOf('{all:revert}')).toBeLessThan(written.indexOf(`${PAGE_SCOPE} table{`));
  });

  it('refuses a styles module it could not turn into a stylesheet', () => {
    expect(() => tableStylesheetFrom('const a = css`x{}`; const b = css`y{}`;', parse)).toThrow(/exactly one css``/);
    expect(() => tableStylesheetFrom('const size = 1; export const s = css`x{width:${size}px}`;', parse)).toThrow(/cannot hold/);
  });
});
