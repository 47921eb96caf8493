import { resolve } from 'node:path';
import type { Plugin } from 'rollup';
import { type AstNode, squeezeCss, walk } from './minify-templates.js';

/** The module whose one css`` literal is the tables' look (it says why). */
export const TABLE_STYLES = 'src/ui/cookie-table/cookie-table.styles.ts';

/**
 * The element, as the page sees it, with an id's weight (`:not(#_)` matches every element
 * without that id): a theme's `table tr:nth-child(even) td` (no id) cannot outrank the
 * tables' rules, as it cannot reach into the shadow root.
 */
export const PAGE_SCOPE = 'cookie-table:not(#_)';

/**
 * In the shadow root a table meets only the browser's own styles and what it inherits; in the
 * page, a theme's rules for table, th, td… too. `all: revert` sends every property the theme
 * sets back to the browser's own (inherited properties: to what the parent has), so the pasted
 * tables start from where the shadow root's do. Before the tables' rules, as weighty: they win.
 */
const AS_IN_A_SHADOW_ROOT = `${PAGE_SCOPE} :is(table,caption,colgroup,col,thead,tbody,tfoot,tr,th,td){all:revert}`;

/**
 * The page's size, as the elements register it from JavaScript (src/ui/page-font-size.ts),
 * registered here too: pasted tables are sized by it before (and without) the script, and do
 * not grow when the script registers it (a layout shift).
 */
const PAGE_FONT_SIZE = "@property --_page-font-size{syntax:'<length>';inherits:true;initial-value:0px}";

const HEADER =
  '/* council-cookie-consent: the look of the tables pasted from `tables` inside <cookie-table>, the same as the tables the element renders. Link it after the theme. */\n';

/** Each selector of each rule under PAGE_SCOPE; `:host` is the element itself. */
const scoped = (css: string) =>
  css.replace(/(^|[{}])([^{}@]+)\{/g, (_, before: string, selectors: string) => {
    const each = selectors.split(',').map((selector) => (selector === ':host' ? PAGE_SCOPE : `${PAGE_SCOPE} ${selector}`));
    return `${before}${each.join(',')}{`;
  });

/**
 * The stylesheet for pasted tables, from the compiled styles module: its css`` literal,
 * squeezed and scoped. A literal with `${…}` is refused: the stylesheet could not hold what
 * the expression gives at run time.
 */
export function tableStylesheetFrom(code: string, parse: (code: string) => AstNode): string {
  const literals = [...walk(parse(code))].filter(
    (node) =>
      node.type === 'TaggedTemplateExpression' &&
      (node.tag as AstNode).type === 'Identifier' &&
      (node.tag as { name?: string }).name === 'css',
  );
  if (literals.length !== 1) throw new Error(`${TABLE_STYLES} must hold exactly one css\`\` literal (it holds ${literals.length})`);
  const quasis = (literals[0].quasi as { quasis: { value: { cooked: string } }[] }).quasis;
  if (quasis.length !== 1)
    throw new Error(`${TABLE_STYLES}: the tables' css\`\` cannot hold \${…}: dist/cookie-table.css is written from its text`);
  return `${HEADER}${PAGE_FONT_SIZE}${AS_IN_A_SHADOW_ROOT}${scoped(squeezeCss(quasis[0].value.cooked).trim())}\n`;
}

/** Writes dist/cookie-table.css beside the ESM build, from the same rules as the elements' shadow roots. */
export function tableStylesheet(): Plugin {
  const source = resolve(TABLE_STYLES);
  let stylesheet: string | undefined;
  return {
    name: 'table-stylesheet',
    transform(code, id) {
      if (resolve(id) === source) stylesheet = tableStylesheetFrom(code, (text) => this.parse(text) as unknown as AstNode);
      return null;
    },
    generateBundle() {
      if (!stylesheet) this.error(`${TABLE_STYLES} was not part of this build: dist/cookie-table.css cannot be written`);
      this.emitFile({ type: 'asset', fileName: 'cookie-table.css', source: stylesheet });
    },
  };
}
