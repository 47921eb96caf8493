import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';

/**
 * The supported browsers (Chrome and Edge 103+, Firefox 100+, Safari 16.4+) all parse ES2022,
 * and not all of them anything newer: every file that runs in a browser must parse as ES2022.
 * The script-tag files are classic scripts; the ESM files are modules (a site's bundler may pass
 * them through untouched). An older browser fails to parse the script tag's file, so nothing of
 * the library runs and every blocked script stays inert: it fails closed.
 */
const BROWSER_LEVEL = 2022;
const browserFiles = [
  ...readdirSync('dist')
    .filter((name) => name.endsWith('.js') && !['cli.js', 'chromium.js'].includes(name))
    .map((name) => `dist/${name}`),
  ...readdirSync('dist/chunks')
    .filter((name) => name.endsWith('.js'))
    .map((name) => `dist/chunks/${name}`),
];
const isScriptTagFile = (file: string) => /\/council-cookie-consent[^/]*\.js$/.test(file);

/** Where acorn stops, with the line it stops on (minified files are one long line: a window of it). */
function parseError(code: string, sourceType: 'script' | 'module', ecmaVersion: 2022 | 2024 = BROWSER_LEVEL) {
  try {
    parse(code, { ecmaVersion, sourceType });
    return undefined;
  } catch (error) {
    const { pos, message } = error as SyntaxError & { pos: number };
    return `${message}: …${code.slice(Math.max(0, pos - 60), pos + 60)}…`;
  }
}

describe(`browser files use no syntax newer than ES${BROWSER_LEVEL}`, () => {
  it('finds every browser file: the script-tag files, their versioned copies, the ESM entries and chunks', () => {
    expect(browserFiles.filter(isScriptTagFile)).toHaveLength(10);
    expect(browserFiles).toContain('dist/index.js');
    expect(browserFiles).toContain('dist/cookie-table.js');
    expect(browserFiles.filter((file) => file.startsWith('dist/chunks/')).length).toBeGreaterThan(0);
  });

  for (const file of browserFiles)
    it(`${file} parses as ES${BROWSER_LEVEL} (${isScriptTagFile(file) ? 'classic script' : 'module'})`, () => {
      expect(parseError(readFileSync(file, 'utf8'), isScriptTagFile(file) ? 'script' : 'module')).toBeUndefined();
    });

  it('refuses newer syntax (the check can fail): a regular expression with the ES2024 v flag', () => {
    const newer = 'const letters = /[\\p{L}--[a-z]]/v;';
    expect(parseError(newer, 'script')).toMatch(/Invalid regular expression flag/);
    expect(parseError(newer, 'script', 2024)).toBeUndefined();
  });
});
