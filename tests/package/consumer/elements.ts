// The four elements, typed by tag name, with nothing imported but the package's types.
import type { CookieBanner, CookieEmbedPlaceholder, CookiePreferences, CookieTable } from 'council-cookie-consent';
// Registering one element from its own entry.
import 'council-cookie-consent/cookie-table';

const table: CookieTable = document.createElement('cookie-table');
table.category = 'analytics';
table.catalog = '/cookie-catalogs/example.json';
export const banner: CookieBanner = document.createElement('cookie-banner');
export const preferences: CookiePreferences | null = document.querySelector('cookie-preferences');
export const placeholder: CookieEmbedPlaceholder | null = document.querySelector('cookie-embed-placeholder');
// @ts-expect-error: a table's category is a category id, not a number
table.category = 7;

export { table };
