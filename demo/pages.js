// The demo's pages, made from the bundled catalogues so each council's pages always match
// its catalogue. Every string from a catalogue is escaped.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const catalogDir = fileURLToPath(new URL('../cookie-catalogs/', import.meta.url));

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

export const siteIds = () =>
  readdirSync(catalogDir)
    .filter((file) => file.endsWith('.json') && file !== 'catalog.schema.json')
    .map((file) => file.replace(/\.json$/, ''))
    .sort();

/** The council themes under demo/themes/ a page can be shown in (`?theme=drupal`). */
export const themeIds = () =>
  readdirSync(fileURLToPath(new URL('./themes/', import.meta.url)))
    .filter((file) => file.endsWith('.css'))
    .map((file) => file.replace(/\.css$/, ''));

export const readCatalog = (site) => JSON.parse(readFileSync(`${catalogDir}${site}.json`, 'utf8'));

const SECONDS = { Y: 31536000, M: 2592000, W: 604800, D: 86400, H: 3600, m: 60, S: 1 };
function maxAgeSeconds(expires) {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(expires);
  if (!match) return undefined; // session
  return ['Y', 'M', 'W', 'D', 'H', 'm', 'S'].reduce((total, unit, i) => total + (Number(match[i + 1]) || 0) * SECONDS[unit], 0);
}

/** The cookies the stand-in analytics script sets: a category's cookies this site can hold, globs spelled out. */
export function standInCookies(catalog, categoryId) {
  const category = catalog.categories.find((c) => c.id === categoryId);
  return (category?.cookies ?? [])
    .filter((cookie) => !cookie.domain || !/siteimprove\.com$/.test(cookie.domain))
    .flatMap((cookie) => {
      const names = cookie.name.includes('*')
        ? typeof cookie.label === 'string'
          ? cookie.label.split(/,\s*/)
          : [cookie.name.replace(/\*/g, 'demo')]
        : [cookie.name];
      return names.map((name) => ({ name, maxAge: maxAgeSeconds(cookie.expires) }));
    });
}

const staticTables = new Map();
/** The `tables` command's static HTML, pasted inside <cookie-table> as a council would: no shift, no JavaScript needed. */
function tablesHtml(site, category, lang) {
  const key = `${site}/${category}/${lang}`;
  if (!staticTables.has(key))
    staticTables.set(
      key,
      execFileSync(
        process.execPath,
        [
          fileURLToPath(new URL('../dist/cli.js', import.meta.url)),
          'tables',
          `${catalogDir}${site}.json`,
          '--category',
          category,
          '--lang',
          lang,
        ],
        { encoding: 'utf8' },
      ),
    );
  return staticTables.get(key);
}

const text = (value, lang) => (typeof value === 'string' ? value : (value?.[lang] ?? value?.en ?? ''));

/**
 * Options: lang ("en" | "cy"), nonce (adds it to every script, for the CSP mode),
 * inline (the catalogue inline as #cookie-catalog instead of a URL), singleFile (the single-file
 * script-tag build instead of the core that fetches its interface), theme (a council theme from
 * demo/themes/ over the demo's own styles).
 */
function layout(site, catalog, { lang = 'en', nonce, inline, singleFile, theme }, title, body) {
  const n = nonce ? ` nonce="${nonce}"` : '';
  const catalogUrl = `/cookie-catalogs/${site}.json`;
  const catalogTag = inline
    ? `<script type="application/json" id="cookie-catalog">${JSON.stringify(catalog).replace(/</g, '\\u003c')}</script>`
    : `<link rel="preload" as="fetch" crossorigin href="${catalogUrl}">`;
  const query = lang === 'cy' ? '?lang=cy' : '';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – ${escapeHtml(catalog.site.name)}</title>
<link rel="stylesheet" href="/demo/demo.css">
${themeIds().includes(theme) ? `<link rel="stylesheet" href="/demo/themes/${theme}.css">\n` : ''}<link rel="stylesheet" href="/dist/cookie-table.css">
${catalogTag}
<script src="/dist/council-cookie-consent${singleFile ? '.all' : ''}.iife.js" data-catalog="${inline ? '#cookie-catalog' : catalogUrl}" defer${n}></script>
</head>
<body>
<header><a href="/">Demo councils</a> › ${escapeHtml(catalog.site.name)}</header>
<main id="main">
${body}
</main>
<footer><div>
<p><a href="/${site}/${query}">${lang === 'cy' ? 'Hafan' : 'Home'}</a> · <a href="/${site}/cookies.html${query}">${lang === 'cy' ? 'Cwcis' : 'Cookies'}</a> · <a href="/${site}/cookies.html${query}" data-cookie-settings>${lang === 'cy' ? 'Gosodiadau cwcis' : 'Cookie settings'}</a></p>
</div></footer>
</body>
</html>
`;
}

export function homePage(site, options = {}) {
  const catalog = readCatalog(site);
  const lang = options.lang ?? 'en';
  const n = options.nonce ? ` nonce="${options.nonce}"` : '';
  const optional = catalog.categories.filter((c) => c.id !== 'essential');
  const blocked = optional
    .map(
      (
        category,
      ) => `<script type="text/plain" data-cookie-category="${escapeHtml(category.id)}" src="/demo/stand-in-analytics.js" data-cookies="${escapeHtml(JSON.stringify(standInCookies(catalog, category.id)))}"${n}></script>
<script type="text/plain" data-cookie-category="${escapeHtml(category.id)}"${n}>(window.releaseLog ??= []).push('inline-after-${escapeHtml(category.id)}');</script>`,
    )
    .join('\n');
  const body = `<h1>${escapeHtml(catalog.site.name)}</h1>
<p>${lang === 'cy' ? 'Dyma dudalen gartref enghreifftiol.' : 'This is a demo home page.'} ${
    optional.length
      ? lang === 'cy'
        ? 'Mae’n cario sgript dadansoddi ffug sy’n aros nes i chi gytuno.'
        : 'It carries a stand-in analytics script that waits until you agree.'
      : lang === 'cy'
        ? 'Nid yw’r wefan hon yn gosod cwcis dewisol, felly nid oes baner.'
        : 'This site sets no optional cookies, so there is no banner.'
  }</p>
<p class="status" id="analytics-status" role="status">${lang === 'cy' ? 'Nid yw’r dadansoddi ffug wedi rhedeg.' : 'Stand-in analytics has not run.'}</p>
<p><a href="/${site}/cookies.html${lang === 'cy' ? '?lang=cy' : ''}">${lang === 'cy' ? 'Darllenwch ein polisi cwcis' : 'Read our cookie policy'}</a></p>
${blocked}`;
  return layout(site, catalog, options, lang === 'cy' ? 'Hafan' : 'Home', body);
}

export function policyPage(site, options = {}) {
  const catalog = readCatalog(site);
  const lang = options.lang ?? 'en';
  const sections = catalog.categories
    .map(
      (category) => `<h2>${escapeHtml(text(category.title, lang))}</h2>
<p>${escapeHtml(text(category.description, lang))}</p>
<cookie-table category="${escapeHtml(category.id)}">
${tablesHtml(site, category.id, lang)}</cookie-table>`,
    )
    .join('\n');
  const body = `<h1>${lang === 'cy' ? 'Cwcis' : 'Cookies'}</h1>
<p>${lang === 'cy' ? 'Ffeiliau bach yw cwcis sy’n cael eu cadw ar eich dyfais pan fyddwch yn defnyddio gwefan.' : 'Cookies are small files saved on your device when you use a website.'}</p>
${sections}
<p><button type="button" class="settings-button" data-cookie-settings>${lang === 'cy' ? 'Gosodiadau cwcis' : 'Cookie settings'}</button></p>`;
  return layout(site, catalog, options, lang === 'cy' ? 'Cwcis' : 'Cookies', body);
}

export function indexPage() {
  const items = siteIds()
    .map((site) => {
      const catalog = readCatalog(site);
      return `<li><a href="/${site}/">${escapeHtml(catalog.site.name)}</a> (<a href="/${site}/cookies.html">cookie policy</a>, <a href="/${site}/?lang=cy" hreflang="cy">Cymraeg</a>)</li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>council-cookie-consent demo</title><link rel="stylesheet" href="/demo/demo.css"></head>
<body><header>council-cookie-consent</header><main>
<h1>council-cookie-consent demo</h1>
<p>One page per council, each driven by its catalogue in <code>cookie-catalogs/</code>. Add <code>?lang=cy</code> for Welsh, <code>?csp=1</code> for a strict Content-Security-Policy, <code>?inline=1</code> for an inline catalogue, <code>?build=single</code> for the single-file script, <code>?theme=drupal</code> for a typical council theme (a 62.5&nbsp;% root font size, its own buttons and tables, a dark mode).</p>
<ul>
${items}
</ul>
<h2>Documentation</h2>
<p><a href="/docs/">The documentation</a>, with live examples of every element, and the <a href="/docs/editor/">catalogue editor</a>.</p>
<h2>Examples</h2>
<ul>
<li><a href="/demo/examples/embeds.html">Embedded content</a>: a video held back behind a placeholder until video cookies are accepted</li>
</ul>
</main></body></html>
`;
}
