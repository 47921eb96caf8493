// A small static server for the benchmark pages (node:http, nothing to install). It serves the
// repository's dist/, cookie-catalogs/, bench/ and the benchmarked packages from node_modules/,
// plus pages given as routes, and logs every request so a run can tell which files a page loaded.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};
const STATIC = [
  '/dist/',
  '/cookie-catalogs/',
  '/bench/',
  '/node_modules/vanilla-cookieconsent/',
  '/node_modules/orejime/',
  '/node_modules/klaro/',
  '/node_modules/tarteaucitronjs/',
  '/node_modules/lit/',
  '/node_modules/lit-html/',
  '/node_modules/lit-element/',
  '/node_modules/@lit/reactive-element/',
  '/node_modules/js-cookie/',
];

/**
 * Starts the server on 127.0.0.1 and a free port. `routes` maps a path to a string body or a
 * function returning one (HTML unless the path says otherwise). Returns { port, log, close }; `log`
 * collects { path, type, bytes } for every request answered from a file.
 */
export function startServer(routes = {}) {
  const log = [];
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    const send = (status, body, contentType = type) => {
      response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-cache' });
      response.end(body);
    };
    const route = routes[path];
    if (route !== undefined) {
      const body = typeof route === 'function' ? await route() : route;
      log.push({ path, type, bytes: Buffer.byteLength(body), route: true });
      return send(200, body);
    }
    if (path === '/favicon.ico') return send(204, '', 'text/plain');
    if (!STATIC.some((prefix) => path.startsWith(prefix))) return send(404, 'Not found', 'text/plain');
    try {
      const body = await readFile(ROOT + path.slice(1));
      log.push({ path, type, bytes: body.length });
      send(200, body);
    } catch {
      send(404, 'Not found', 'text/plain');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () =>
      resolve({ port: server.address().port, log, close: () => new Promise((done) => server.close(done)) }),
    );
  });
}
