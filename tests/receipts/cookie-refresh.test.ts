import { createServer, request, type Server } from 'node:http';
import Cookies from 'js-cookie';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshedConsentCookie } from '../../src/receipts/consent-cookie-refresh.js';
import { banner, cookieJar, freshPage, launchChromium, type Route, serveDemo, WWW } from '../support/e2e.js';
import { makeReceipt, postReceipt, type ReceiverProcess, startReceiver } from '../support/receiver-process.mjs';
import { html, json, testPage, tunbridgeWells } from '../support/test-pages.js';
import { embeddedDatabase } from './databases.js';

const DAY = 86_400_000;
const CATALOGUE = 'cookie-catalogs/tunbridge-wells.json';
const { name, expiresDays } = tunbridgeWells().consentCookie;
const SITE = 'https://www.example-council.test';

/** The consent cookie's value for a receipt's choice, as js-cookie writes it into the Cookie header. */
const cookieValue = (receipt: ReturnType<typeof makeReceipt>) =>
  Cookies.converter.write(
    JSON.stringify({
      revision: receipt.revision,
      time: receipt.time,
      consentId: receipt.consentId,
      method: receipt.method,
      categories: receipt.categories,
    }),
    name,
  );

describe('--refresh-cookie: the consent cookie written back with its full lifetime (Safari)', () => {
  const embedded = embeddedDatabase();
  let receiver: ReceiverProcess;
  beforeAll(async () => {
    const { args } = await embedded.fresh();
    receiver = await startReceiver([...args, '--allow-origin', SITE, '--refresh-cookie', CATALOGUE]);
  });
  afterAll(async () => {
    await receiver?.stop();
  });

  it('answers a receipt that comes with the same choice in the consent cookie with a Set-Cookie of the same value, expiring when the catalogue says', async () => {
    const receipt = makeReceipt({ categories: { analytics: true } });
    const value = cookieValue(receipt);
    const answer = await postReceipt(receiver.url, receipt, { headers: { origin: SITE, cookie: `_ga=GA1.1; ${name}=${value}; other=1` } });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('set-cookie')).toBe(
      `${name}=${value}; Expires=${new Date(receipt.time + expiresDays * DAY).toUTCString()}; Path=/; SameSite=Lax; Secure`,
    );
    // A duplicate (a retried beacon) refreshes it too.
    const again = await postReceipt(receiver.url, receipt, { headers: { origin: SITE, cookie: `${name}=${value}` } });
    expect(again.status).toBe(200);
    expect(again.headers.get('set-cookie')).toContain(`${name}=${value}; Expires=`);
  });

  it('writes nothing when the cookie is missing, holds another choice, or is not a choice at all', async () => {
    const receipt = makeReceipt({ categories: { analytics: true } });
    const otherChoice = cookieValue({ ...receipt, categories: { analytics: false } });
    for (const cookie of [
      undefined,
      `${name}=${otherChoice}`,
      `${name}=${cookieValue({ ...receipt, consentId: makeReceipt().consentId })}`,
      `${name}=not-json`,
      `${name}=${encodeURIComponent('{"consentId":')}`,
      `${name}="${cookieValue(receipt)}"`,
    ]) {
      const answer = await postReceipt(
        receiver.url,
        { ...receipt, time: receipt.time + Math.floor(Math.random() * 1000) },
        {
          headers: { origin: SITE, ...(cookie ? { cookie } : {}) },
        },
      );
      expect(answer.status).toBe(201);
      expect(answer.headers.get('set-cookie')).toBeNull();
    }
  });

  it('counts the lifetime from the choice, and writes nothing for a choice already past it', () => {
    const settings = { name, expiresDays, domain: 'example-council.test' };
    const receipt = makeReceipt({ time: Date.UTC(2026, 0, 1), categories: {} });
    const header = `${name}=${cookieValue(receipt)}`;
    expect(refreshedConsentCookie(header, receipt, settings, { secure: false, now: Date.UTC(2026, 0, 2) })).toBe(
      `${name}=${cookieValue(receipt)}; Expires=${new Date(Date.UTC(2026, 0, 1) + expiresDays * DAY).toUTCString()}; Path=/; Domain=example-council.test; SameSite=Lax`,
    );
    expect(
      refreshedConsentCookie(header, receipt, settings, { secure: false, now: Date.UTC(2026, 0, 1) + expiresDays * DAY }),
    ).toBeUndefined();
  });
});

describe('--refresh-cookie in a browser that caps cookies written by script at 7 days, as Safari does', () => {
  const embedded = embeddedDatabase();
  const routes: Record<string, Route> = { '/refresh.html': html(testPage({ catalog: '/refresh.json' })) };
  let site: { port: number; close(): Promise<void> };
  let proxy: Server;
  let receiver: ReceiverProcess;
  let origin = '';
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    // The council's site: pages from the demo server, /receipts from the receiver, on one origin (as nginx would).
    site = await serveDemo(routes);
    proxy = createServer((incoming, outgoing) => {
      const target = incoming.url?.startsWith('/receipts') ? new URL(receiver.url) : new URL(`http://127.0.0.1:${site.port}`);
      const forwarded = request(
        { host: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers: incoming.headers },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      forwarded.on('error', () => outgoing.destroy());
      incoming.pipe(forwarded);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const port = (proxy.address() as { port: number }).port;
    origin = `http://${WWW}:${port}`;
    const { args } = await embedded.fresh();
    receiver = await startReceiver([...args, '--allow-origin', origin, '--refresh-cookie', CATALOGUE]);
    routes['/refresh.json'] = json({ ...tunbridgeWells(), consentLog: { url: `${origin}/receipts` } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await receiver?.stop();
    await new Promise((resolve) => proxy?.close(resolve));
    await site?.close();
  });

  /** Safari's rule for cookies written by script: at most 7 days. */
  const capScriptCookies = (page: Page) =>
    page.addInitScript(() => {
      const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
      Object.defineProperty(Document.prototype, 'cookie', {
        configurable: true,
        get() {
          return cookie.get!.call(this);
        },
        set(value: string) {
          const cap = new Date(Date.now() + 7 * 86_400_000);
          cookie.set!.call(
            this,
            value.replace(/;\s*expires=([^;]*)/i, (attribute, date) =>
              new Date(date) > cap ? `; expires=${cap.toUTCString()}` : attribute,
            ),
          );
        },
      });
    });

  const daysLeft = async (page: Page, cookieName: string) => {
    const cookie = (await cookieJar(page.context())).find((c) => c.name === cookieName);
    return cookie && Math.round((cookie.expires * 1000 - Date.now()) / DAY);
  };

  it('the receipt’s answer gives the consent cookie back its 90 days', async () => {
    const { context, page } = await freshPage(browser);
    await capScriptCookies(page);
    await page.goto(`${origin}/refresh.html`);
    // The cap is real in this browser: a cookie written by script for a year is kept for 7 days.
    await page.evaluate(() => {
      document.cookie = `probe=1; expires=${new Date(Date.now() + 365 * 86_400_000).toUTCString()}; path=/`;
    });
    expect(await daysLeft(page, 'probe')).toBe(7);
    await banner(page)
      .getByRole('button', { name: /^Accept/ })
      .click();
    await expect.poll(() => daysLeft(page, name), { timeout: 15_000 }).toBe(expiresDays);
    await context.close();
  });
});
