import type { Catalog, CatalogJson } from './definition.js';

/**
 * For a catalogue imported from JSON (`import catalog from './cookies.json'` with
 * `resolveJsonModule`): TypeScript types its strings as `string`, which `Catalog` refuses where
 * it names the values (`basis`, `expires` …), so this takes the JSON's shape (every key, its
 * nesting and its kind of value are still checked) and returns it as a `Catalog`. It checks
 * nothing at run time and returns its argument: `init()` validates the catalogue in the page
 * and fails closed, naming the JSON path, and `npx council-cookie-consent validate` does in a build.
 */
export const defineCatalog = (catalog: CatalogJson): Catalog => catalog as Catalog;
