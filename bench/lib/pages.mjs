// The benchmark pages (bench/pages/*.html), assembled: the shared council content and, for
// the inline variant, the catalogue are filled in at run time from the repository's files.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PAGES = fileURLToPath(new URL('../pages/', import.meta.url));
const CATALOGS = fileURLToPath(new URL('../../cookie-catalogs/', import.meta.url));

export function pageHtml(name) {
  const content = readFileSync(`${PAGES}_content.html`, 'utf8');
  return readFileSync(`${PAGES}${name}.html`, 'utf8')
    .replace('<!--bench:content-->', content.trim())
    .replace(/<!--bench:catalog ([a-z-]+)-->/g, (_, site) =>
      JSON.stringify(JSON.parse(readFileSync(`${CATALOGS}${site}.json`, 'utf8'))).replace(/</g, '\\u003c'),
    );
}

/** Routes for every page: /pages/<name>.html. */
export function pageRoutes() {
  const routes = {};
  for (const file of readdirSync(PAGES))
    if (file.endsWith('.html') && !file.startsWith('_')) routes[`/pages/${file}`] = () => pageHtml(file.replace(/\.html$/, ''));
  return routes;
}
