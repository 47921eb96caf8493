// Serves the demo: `npm start` (after a build), or startDemoServer() from the tests.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { homePage, indexPage, policyPage, siteIds } from './pages.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
/** Only these folders are served as files. */
const STATIC = ['/dist/', '/cookie-catalogs/', '/demo/'];

/**
 * Starts the demo server. `routes` adds or replaces pages (path → { body, type?, status?, headers? }),
 * which the tests use for pages the demo does not have.
 */
export function startDemoServer({ port = 8080, host = '127.0.0.1', routes = {} } = {}) {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const send = (status, body, type = TYPES['.html'], headers = {}) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      response.end(body);
    };
    const extra = routes[url.pathname];
    if (extra) {
      if (extra.delayMs) await new Promise((resolve) => setTimeout(resolve, extra.delayMs));
      return send(extra.status ?? 200, typeof extra.body === 'function' ? extra.body(url, request) : extra.body, extra.type, extra.headers);
    }
    const options = {
      lang: url.searchParams.get('lang') === 'cy' ? 'cy' : 'en',
      inline: url.searchParams.has('inline'),
      singleFile: url.searchParams.get('build') === 'single',
      theme: url.searchParams.get('theme'),
    };
    const headers = {};
    if (url.searchParams.has('csp')) {
      options.nonce = randomBytes(16).toString('base64');
      headers['content-security-policy'] = `script-src 'nonce-${options.nonce}'; style-src 'self'; object-src 'none'; base-uri 'none'`;
    }
    const [, site, page] = /^\/([a-z-]+)\/(index\.html|cookies\.html)?$/.exec(url.pathname) ?? [];
    if (url.pathname === '/') return send(200, indexPage());
    // The catalogue editor (npm run build writes it), until the docs site serves /docs/ itself.
    if (url.pathname === '/docs/editor') return send(301, '', 'text/plain', { location: '/docs/editor/' });
    if (url.pathname === '/docs/editor/' || url.pathname === '/docs/editor/index.html')
      return readFile(`${root}dist/docs/editor/index.html`).then(
        (body) => send(200, body),
        () => send(404, 'The editor is not built: run npm run build', 'text/plain'),
      );
    if (url.pathname === '/favicon.ico') return send(204, '');
    if (site && siteIds().includes(site))
      return send(200, page === 'cookies.html' ? policyPage(site, options) : homePage(site, options), TYPES['.html'], headers);
    // The documentation site, built by `npm run docs` into dist/docs: a folder's address serves its index.html.
    if (url.pathname === '/docs') return send(301, '', 'text/plain', { location: '/docs/' });
    if (url.pathname.startsWith('/docs/')) {
      const file = normalize(url.pathname)
        .replace(/^\/docs\//, 'dist/docs/')
        .replace(/\/$/, '/index.html');
      try {
        return send(200, await readFile(root + file), TYPES[extname(file)] ?? 'application/octet-stream');
      } catch {
        return send(404, 'Not found: is the documentation built? (npm run docs)', 'text/plain');
      }
    }
    const path = normalize(url.pathname);
    if (!STATIC.some((prefix) => path.startsWith(prefix))) return send(404, 'Not found', 'text/plain');
    try {
      const body = await readFile(root + path.slice(1));
      send(200, body, TYPES[extname(path)] ?? 'application/octet-stream');
    } catch {
      send(404, 'Not found', 'text/plain');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({
        server,
        port: actual,
        url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${actual}`,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  const port = Number(process.env.PORT) || 8080;
  const { url } = await startDemoServer({ port });
  console.log(`council-cookie-consent demo: ${url}/  documentation: ${url}/docs/  (Ctrl+C to stop)`);
}
