// The benchmark pages (bench/pages/*.html), assembled at run time from the repository's files:
// each library's page template gets either the council's home page (_content.html) or its
// cookie policy page (_policy.html), and, for the inline variant, the catalogue.
//
// On the policy page every library shows the same tables: the static HTML that
// `council-cookie-consent tables` prints from the catalogue. The peers cannot draw tables on a
// page, so a council pastes that HTML as it is; with ours it goes inside <cookie-table>, as the
// README says (the element keeps it while it matches the catalogue, so nothing moves).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PAGES = fileURLToPath(new URL('../pages/', import.meta.url));
const CATALOGS = fileURLToPath(new URL('../../cookie-catalogs/', import.meta.url));
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const POLICY_CATALOG = 'tunbridge-wells';

const staticTables = new Map();
/** The static HTML of one category's table, from the built command line (once per category). */
function staticTable(category) {
  if (!staticTables.has(category))
    staticTables.set(
      category,
      execFileSync(process.execPath, [CLI, 'tables', `${CATALOGS}${POLICY_CATALOG}.json`, '--category', category], {
        encoding: 'utf8',
      }).trim(),
    );
  return staticTables.get(category);
}

/**
 * A page: `name` is the template in bench/pages/; `policy` puts the policy page in it instead of
 * the home page; `tables` is 'elements' (each table inside <cookie-table category>) or 'static'.
 */
export function pageHtml(name, { policy = false, tables = 'static' } = {}) {
  const content = readFileSync(`${PAGES}${policy ? '_policy' : '_content'}.html`, 'utf8').replace(
    /<!--bench:table ([a-z-]+)-->/g,
    (_, category) =>
      tables === 'elements' ? `<cookie-table category="${category}">\n${staticTable(category)}\n</cookie-table>` : staticTable(category),
  );
  return readFileSync(`${PAGES}${name}.html`, 'utf8')
    .replace('<!--bench:content-->', content.trim())
    .replace(/<!--bench:catalog ([a-z-]+)-->/g, (_, site) =>
      JSON.stringify(JSON.parse(readFileSync(`${CATALOGS}${site}.json`, 'utf8'))).replace(/</g, '\\u003c'),
    );
}

/** Where a library's page is: /pages/<name>.html (home) and /pages/<name>.policy.html. */
export const pagePath = (lib, policy = false) => `/pages/${lib.page}${policy ? '.policy' : ''}.html`;

/** Routes for every library's two pages, built on each request (so an edited template shows at once). */
export function pageRoutes(libraries) {
  const templates = new Set(readdirSync(PAGES).filter((file) => file.endsWith('.html') && !file.startsWith('_')));
  const routes = {};
  for (const lib of libraries) {
    if (!templates.has(`${lib.page}.html`)) throw new Error(`bench/pages/${lib.page}.html is missing`);
    routes[pagePath(lib)] = () => pageHtml(lib.page);
    routes[pagePath(lib, true)] = () => pageHtml(lib.page, { policy: true, tables: lib.tables });
  }
  return routes;
}
