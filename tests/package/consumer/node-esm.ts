// The same under Node's own resolution (moduleResolution: nodenext), as a server render sees it.
import { type Catalog, defineCatalog, init, validateCatalog } from 'council-cookie-consent';
import tunbridgeWells from 'council-cookie-consent/catalogs/tunbridge-wells.json' with { type: 'json' };
import { CookieTable } from 'council-cookie-consent/cookie-table';

const catalog: Catalog = defineCatalog(tunbridgeWells);
// On a server this does nothing and returns undefined.
export const api = init({ catalog });
export const valid: boolean = !validateCatalog(catalog).problems;
export const tableClass: typeof CookieTable = CookieTable;
// @ts-expect-error: a lifetime in words is not a Duration
export const wrong: Catalog['categories'][number]['cookies'][number] = { name: 'x', expires: '2 years' };
