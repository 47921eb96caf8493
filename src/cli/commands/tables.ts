import type { Catalog } from '../../catalog/definition.js';
import { cookieTables } from '../../ui/cookie-table/cookie-table-tree.js';
import { toHtml } from '../../ui/element-tree-html.js';
import '../../wording/cy.js';
import { fallbackLanguage, wordingFor } from '../../wording/wording.js';
import { readCatalogFile } from '../read-catalog.js';
import { UsageError } from './validate.js';

const BUILT_IN_LANGUAGES = ['en', 'cy'];

/** A language the tables can be worded in: built in, or given by the catalogue's `text`. */
function checkLanguage(lang: string, catalog: Catalog, file: string): void {
  if (/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang) && !fallbackLanguage(catalog, lang)) return;
  const added = Object.keys(catalog.text ?? {}).filter((tag) => !BUILT_IN_LANGUAGES.includes(tag));
  throw new UsageError(
    `--lang "${lang}" has no wording: the library has ${BUILT_IN_LANGUAGES.join(' and ')}, and ${file} ` +
      (added.length ? `adds ${added.join(', ')}` : `adds none (its "text" can add a language)`),
  );
}

/** `tables <catalog.json> [--lang cy] [--category ID]`: the `<cookie-table>` markup as static HTML. */
export function tablesCommand(file: string | undefined, options: { lang?: string; category?: string }): string {
  if (!file) throw new UsageError('tables needs a catalogue file');
  const { catalog, problems } = readCatalogFile(file);
  if (!catalog)
    throw new UsageError(
      `${file} is invalid (${problems[0].path}: ${problems[0].message}${problems.length > 1 ? `, and ${problems.length - 1} more: run validate` : ''})`,
    );
  const lang = options.lang ?? 'en';
  checkLanguage(lang, catalog, file);
  if (options.category && !catalog.categories.some((c) => c.id === options.category))
    throw new UsageError(`${file} has no category "${options.category}" (it has: ${catalog.categories.map((c) => c.id).join(', ')})`);
  return cookieTables(catalog, lang, wordingFor(catalog, lang), options.category)
    .map((tree) => toHtml(tree))
    .join('\n');
}
