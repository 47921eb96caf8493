import type { Catalog, Category } from '../../catalog/definition.js';
import { durationInWords } from '../../catalog/duration.js';
import { pickText } from '../../catalog/local-text.js';
import type { Messages } from '../../wording/wording.js';
import { h, type Tree } from '../element-tree.js';

/** Both a class (for council CSS on static HTML) and a part (for ::part on the element). */
const named = (name: string, extra: Record<string, string> = {}) => ({ class: `cookie-table__${name}`, part: name, ...extra });

function categoryTable(category: Category, lang: string, wording: Messages): Tree {
  const header = h(
    'thead',
    named('head'),
    h(
      'tr',
      {},
      ...[wording.tableName, wording.tablePurpose, wording.tableExpires].map((label) => h('th', named('header', { scope: 'col' }), label)),
    ),
  );
  const rows = category.cookies.map((cookie) => {
    const expires =
      pickText(cookie.expiresText, lang) ||
      (cookie.expires ? durationInWords(cookie.expires, wording.durationUnits, wording.expiresSession, lang) : '');
    return h(
      'tr',
      named('row'),
      h('th', named('name', { scope: 'row' }), pickText(cookie.label, lang) || cookie.name),
      h('td', named('cell'), pickText(cookie.purpose, lang)),
      h('td', named('cell'), expires),
    );
  });
  if (!rows.length) rows.push(h('tr', named('row'), h('td', named('cell', { colspan: '3' }), wording.tableEmpty)));
  return h(
    'table',
    named('table', { 'data-category': category.id }),
    h('caption', named('caption'), pickText(category.title, lang)),
    header,
    h('tbody', named('body'), ...rows),
  );
}

/**
 * The cookie tables of a catalogue (Name | Purpose | Expires), one per category, or only
 * `categoryId`'s. The one renderer behind `<cookie-table>` and the `tables` command.
 */
export function cookieTables(catalog: Catalog, lang: string, wording: Messages, categoryId?: string | null): Tree[] {
  return catalog.categories
    .filter((category) => !categoryId || category.id === categoryId)
    .map((category) => categoryTable(category, lang, wording));
}
