/** Where the published catalogue schema lives, for the `$schema` of catalogues the CLI writes. */
export const CATALOG_SCHEMA_URL = 'https://unpkg.com/council-cookie-consent/cookie-catalogs/catalog.schema.json';
