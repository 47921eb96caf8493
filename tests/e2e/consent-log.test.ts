import type { IncomingMessage } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/definition.js';
import { banner, consentReady, demoSession, freshPage, type Route, WWW } from '../support/e2e.js';
import { html, json, testPage, tunbridgeWells } from '../support/test-pages.js';

/** What reached the log: the headers that matter and the body. */
interface Arrival {
  path: string;
  cookie?: string;
  referer?: string;
  origin?: string;
  body: string;
}
const arrivals: Arrival[] = [];
const LOG = 'log.example-council.test';

function receiver(status = 204, headers: Record<string, string> = {}, cors = true): Route {
  return {
    status,
    type: 'text/plain',
    get headers() {
      return { ...(cors ? { 'access-control-allow-origin': `http://${WWW}:${demo.server.port}` } : {}), ...headers };
    },
    body: (url: URL, request: IncomingMessage) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () =>
        arrivals.push({
          path: url.pathname,
          cookie: request.headers.cookie,
          referer: request.headers.referer,
          origin: request.headers.origin,
          body,
        }),
      );
      return '';
    },
  };
}

const withLog = (url: string): Catalog => ({ ...tunbridgeWells(), consentLog: { url } });
const routes: Record<string, Route> = {
  '/same-origin.html': html(testPage({ catalog: '/same-origin.json' })),
  '/other-origin.html': html(testPage({ catalog: '/other-origin.json' })),
  '/failing.html': html(testPage({ catalog: '/failing.json' })),
  '/redirecting.html': html(testPage({ catalog: '/redirecting.json' })),
  '/beacon-endpoint.html': html(testPage({ catalog: '/beacon-endpoint.json' })),
  '/log': receiver(),
  '/log-500': receiver(500),
  '/collect': receiver(),
  // A log written for beacons (the transport before this change): it takes the POST and sends no CORS headers.
  '/log-without-cors': receiver(204, {}, false),
};
const demo = demoSession(routes);
beforeAll(() => {
  const port = demo.server.port;
  routes['/same-origin.json'] = json(withLog(`http://${WWW}:${port}/log`));
  routes['/other-origin.json'] = json(withLog(`http://${LOG}:${port}/log`));
  routes['/failing.json'] = json(withLog(`http://${LOG}:${port}/log-500`));
  routes['/redirecting.json'] = json(withLog(`http://${LOG}:${port}/log-redirect`));
  routes['/beacon-endpoint.json'] = json(withLog(`http://${LOG}:${port}/log-without-cors`));
  routes['/log-redirect'] = receiver(302, { location: `http://evil.example-council.test:${port}/collect` });
});

type Api = { CookieConsent: { acceptAll(): void; rejectAll(): void } };

describe('the consent log receives the receipt and nothing else', () => {
  it('on the council’s own origin: no referrer (the page address and its query stay home), only a receipt per real change', async () => {
    arrivals.length = 0;
    const { context, page } = await freshPage(demo.browser);
    await context.addCookies([{ name: 'session', value: 'resident-session', domain: '.example-council.test', path: '/' }]);
    await page.goto(`${demo.origin}/same-origin.html?email=resident%40example.org`);
    await consentReady(page);
    // Twenty clicks in a second: one real change.
    await page.evaluate(() => {
      for (let click = 0; click < 20; click++) (window as unknown as Api).CookieConsent.acceptAll();
    });
    await page.evaluate(() => (window as unknown as Api).CookieConsent.rejectAll());
    await expect.poll(() => arrivals.length).toBe(2);
    expect(arrivals.map((arrival) => JSON.parse(arrival.body).categories)).toEqual([{ analytics: true }, { analytics: false }]);
    expect(arrivals.every((arrival) => arrival.referer === undefined)).toBe(true);
    // Its own origin may keep the council's cookies (a receiver there can renew the consent cookie).
    expect(arrivals[0].cookie).toContain('session=resident-session');
    await context.close();
  });

  it('on another origin: no cookies and no referrer', async () => {
    arrivals.length = 0;
    const { context, page } = await freshPage(demo.browser);
    await context.addCookies([{ name: 'session', value: 'resident-session', domain: '.example-council.test', path: '/' }]);
    await page.goto(`${demo.origin}/other-origin.html?email=resident%40example.org`);
    await banner(page).getByRole('button', { name: 'Accept analytics cookies' }).click();
    await expect.poll(() => arrivals.length).toBe(1);
    expect(arrivals[0]).toMatchObject({ cookie: undefined, referer: undefined });
    expect(Object.keys(JSON.parse(arrivals[0].body)).sort()).toEqual(['categories', 'consentId', 'method', 'revision', 'site', 'time']);
    await context.close();
  });

  it('a log that fails says so in the console, and the choice stands', async () => {
    const { context, page, messages } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/failing.html`);
    await banner(page).getByRole('button', { name: 'Accept analytics cookies' }).click();
    await expect.poll(() => messages.some((m) => m.type === 'warning' && m.text.includes('answered HTTP 500'))).toBe(true);
    expect(
      await page.evaluate(() =>
        (window as unknown as { CookieConsent: { hasConsent(id: string): boolean } }).CookieConsent.hasConsent('analytics'),
      ),
    ).toBe(true);
    await context.close();
  });

  it('a log that redirects is not followed, and the console says the log could not be reached', async () => {
    arrivals.length = 0;
    const { context, page, messages } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/redirecting.html`);
    await banner(page).getByRole('button', { name: 'Accept analytics cookies' }).click();
    await expect.poll(() => messages.some((m) => m.type === 'warning' && m.text.includes('could not be reached'))).toBe(true);
    expect(arrivals.filter((arrival) => arrival.path === '/collect')).toEqual([]);
    await context.close();
  });

  it('a log on another origin that takes the receipt but sends no CORS headers: the console names the missing header, not an unreachable log', async () => {
    arrivals.length = 0;
    const { context, page, messages } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/beacon-endpoint.html`);
    await banner(page).getByRole('button', { name: 'Accept analytics cookies' }).click();
    await expect.poll(() => arrivals.filter((arrival) => arrival.path === '/log-without-cors').length).toBe(1);
    // The send has finished in the page (whatever the transport), and its promise reactions have run.
    await expect
      .poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/log-without-cors'))))
      .toBe(true);
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    const logMessages = messages.filter((m) => m.text.includes('the consent log'));
    // The log was reached: a warning, if any, must name the missing CORS header, not the network.
    expect(logMessages.filter((m) => !/CORS|Access-Control-Allow-Origin/.test(m.text))).toEqual([]);
    await context.close();
  });
});
