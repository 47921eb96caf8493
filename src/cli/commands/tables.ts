import { cookieTables } from '../../ui/cookie-table/cookie-table-tree.js';
import { toHtml } from '../../ui/element-tree-html.js';
import { wordingFor } from '../../wording/wording.js';
import { readCatalogFile } from '../read-catalog.js';
import { UsageError } from './validate.js';

/** `tables <catalog.json> [--lang cy] [--category ID]`: the `<cookie-table>` markup as static HTML. */
export function tablesCommand(file: string | undefined, options: { lang?: string; category?: string }): string {
  if (!file) throw new UsageError('tables needs a catalogue file');
  const { catalog, problems } = readCatalogFile(file);
  if (!catalog)
    throw new UsageError(
      `${file} is invalid (${problems[0].path}: ${problems[0].message}${problems.length > 1 ? `, and ${problems.length - 1} more: run validate` : ''})`,
    );
  const lang = options.lang ?? 'en';
  if (options.category && !catalog.categories.some((c) => c.id === options.category))
    throw new UsageError(`${file} has no category "${options.category}" (it has: ${catalog.categories.map((c) => c.id).join(', ')})`);
  return cookieTables(catalog, lang, wordingFor(catalog, lang), options.category)
    .map((tree) => toHtml(tree))
    .join('\n');
}
