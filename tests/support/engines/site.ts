import { createServer, request as forward, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DemoServer, type Route, serveDemo } from '../e2e.js';

/** The council's host; its parent domain, .example-council.test, is shared with SUB_HOST. */
export const HOST = 'www.example-council.test';
export const SUB_HOST = 'sub.example-council.test';
export const ORIGIN = `http://${HOST}`;

/**
 * What a page did, recorded from its first line on by a script put at the top of its <head>:
 * console messages, uncaught errors and Content-Security-Policy violations. WebKitWebDriver has
 * no way to listen to the console nor to run a script before the page's own, so every engine
 * gets the same recorder, the same way, and the journeys read the same record.
 */
const RECORDER = `(() => {
  const record = (window.journeyRecord = { console: [], errors: [], violations: [] });
  for (const type of ['log', 'info', 'warn', 'error', 'debug']) {
    const original = console[type];
    console[type] = function (...args) {
      record.console.push({ type: type === 'warn' ? 'warning' : type, text: args.map(String).join(' ') });
      return original.apply(this, args);
    };
  }
  addEventListener('error', (event) => record.errors.push(String(event.message)));
  addEventListener('unhandledrejection', (event) => record.errors.push(String(event.reason)));
  document.addEventListener('securitypolicyviolation', (event) => record.violations.push(event.violatedDirective + ' ' + event.blockedURI));
})();`;

/** The recorder goes first in <head>, carrying the nonce the page's policy allows. */
function withRecorder(page: string, policy: string | undefined): string {
  const nonce = /'nonce-([^']+)'/.exec(policy ?? '')?.[1];
  const tag = `<script${nonce ? ` nonce="${nonce}"` : ''}>${RECORDER}</script>`;
  return /<head[^>]*>/i.test(page) ? page.replace(/<head[^>]*>/i, (head) => head + tag) : tag + page;
}

export interface JourneySite {
  /** host:port of the HTTP proxy every engine is pointed at. */
  proxy: string;
  /** Requests that reached the site, newest last (method and path), for journeys that check what was sent. */
  requests: { method: string; path: string; body: string }[];
  close(): Promise<void>;
}

/**
 * The demo (plus `routes`) behind a loopback HTTP proxy that answers for *.example-council.test
 * only. Pointing an engine at the proxy gives it real host names, and so real parent-domain
 * cookies, the same way in all three engines with no change to the machine; anything else a
 * browser asks for (updates, telemetry) gets a 502 and never leaves the machine.
 */
export async function startJourneySite(routes: Record<string, Route> = {}): Promise<JourneySite> {
  const demo: DemoServer = await serveDemo(routes);
  const requests: JourneySite['requests'] = [];
  const proxy: Server = createServer((incoming: IncomingMessage, outgoing) => {
    const url = new URL(incoming.url ?? '/', ORIGIN);
    if (url.protocol !== 'http:' || !url.hostname.endsWith('.example-council.test')) {
      outgoing.writeHead(502, { 'content-type': 'text/plain' }).end('journey proxy: only http://*.example-council.test');
      return;
    }
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      requests.push({ method: incoming.method ?? 'GET', path: url.pathname + url.search, body: body.toString('utf8') });
      const upstream = forward(
        { host: '127.0.0.1', port: demo.port, method: incoming.method, path: url.pathname + url.search, headers: incoming.headers },
        (answer) => {
          const headers = { ...answer.headers };
          if (!String(headers['content-type']).startsWith('text/html')) {
            outgoing.writeHead(answer.statusCode ?? 502, headers);
            answer.pipe(outgoing);
            return;
          }
          const parts: Buffer[] = [];
          answer.on('data', (part: Buffer) => parts.push(part));
          answer.on('end', () => {
            delete headers['content-length'];
            const policy = headers['content-security-policy'];
            outgoing.writeHead(answer.statusCode ?? 502, headers);
            outgoing.end(withRecorder(Buffer.concat(parts).toString('utf8'), Array.isArray(policy) ? policy.join(',') : policy));
          });
        },
      );
      upstream.on('error', (error) => outgoing.writeHead(502, { 'content-type': 'text/plain' }).end(String(error)));
      upstream.end(body);
    });
  });
  // Browsers may try HTTPS tunnels for their own background traffic: refuse them.
  proxy.on('connect', (_request, socket) => socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'));
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    proxy: `127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    requests,
    async close() {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
      await demo.close();
    },
  };
}
