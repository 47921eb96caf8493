import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { banner, consentReady, cookieJar, demoSession, freshPage, releaseLog } from '../support/e2e.js';
import { html, json, testPage, tunbridgeWells } from '../support/test-pages.js';

/**
 * A sibling subdomain (evil.example-council.test: a compromised departmental site, say) can
 * set cookies on the parent domain that www.example-council.test is sent too. A consent
 * cookie there, or on a longer path, must never count as the resident's choice.
 */
const demo = demoSession({
  '/catalog.json': json(tunbridgeWells()),
  '/page.html': html(testPage()),
  '/p/page.html': html(testPage()),
  '/evil.html': html('<!doctype html><title>Another site under the same parent domain</title>'),
  // What a server on www receives: the Cookie header, as sent.
  '/cookie-header': { body: (_url, request) => request.headers.cookie ?? '', type: 'text/plain' },
});
const EVIL = 'evil.example-council.test';
const NAME = 'CookieControl';

/** A well-formed stored choice, as the library writes it. */
const record = (categories: Record<string, boolean>, method = 'accept') =>
  encodeURIComponent(
    JSON.stringify({ revision: 1, time: Date.now() - 60000, consentId: '0b7a6c1e-7d3f-4c2a-9e8b-5a4d3c2b1a09', method, categories }),
  );

/** What the sibling does from its own pages: `document.cookie` with `domain=` the shared parent. */
async function setFromSibling(page: Page, cookie: string) {
  await page.goto(`http://${EVIL}:${demo.server.port}/evil.html`);
  await page.evaluate((text) => {
    document.cookie = text;
  }, cookie);
}

const hasConsent = (page: Page, id: string) =>
  page.evaluate(
    (category) => (window as unknown as { CookieConsent: { hasConsent(id: string): boolean } }).CookieConsent.hasConsent(category),
    id,
  );

const copiesOf = async (page: Page) => (await cookieJar(page.context())).filter((cookie) => cookie.name === NAME);

describe('a consent cookie set by a sibling subdomain', () => {
  it('a well-formed grant on the parent domain is not believed: nothing runs, the banner asks, the console says why', async () => {
    const { context, page, messages } = await freshPage(demo.browser);
    await setFromSibling(page, `${NAME}=${record({ analytics: true })}; domain=example-council.test; path=/`);
    await page.goto(`${demo.origin}/page.html`);
    await consentReady(page);
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    expect(await releaseLog(page)).toEqual([]);
    expect(await hasConsent(page, 'analytics')).toBe(false);
    expect(messages.some((m) => m.type === 'warning' && m.text.includes(`other cookie(s) named ${NAME}`))).toBe(true);
    await context.close();
  });

  it('a grant on a longer path, sent first, does not outvote the resident’s refusal; a new refusal removes it and sticks', async () => {
    const { context, page, messages } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/page.html`);
    await banner(page).getByRole('button', { name: 'Reject analytics cookies' }).click();
    await setFromSibling(page, `${NAME}=${record({ analytics: true })}; domain=example-council.test; path=/p/`);
    await page.goto(`${demo.origin}/p/page.html`);
    await consentReady(page);
    expect(await hasConsent(page, 'analytics')).toBe(false);
    expect(await page.locator('cookie-banner').count()).toBe(0);
    // The resident changes their mind and back: each write deletes the sibling's copy, so the answer is the only one.
    await page.evaluate(() => (window as unknown as { CookieConsent: { acceptAll(): void } }).CookieConsent.acceptAll());
    await page.evaluate(() => (window as unknown as { CookieConsent: { rejectAll(): void } }).CookieConsent.rejectAll());
    expect(await copiesOf(page)).toHaveLength(1);
    await page.reload();
    await consentReady(page);
    expect(await hasConsent(page, 'analytics')).toBe(false);
    expect(await releaseLog(page)).toEqual([]);
    expect(messages.filter((m) => m.text.includes('cookies are disabled'))).toEqual([]);
    await context.close();
  });

  it('a forged grant on a longer path, with no choice of the resident’s: the banner asks and the answer is read back', async () => {
    const { context, page, messages } = await freshPage(demo.browser);
    await setFromSibling(page, `${NAME}=${record({ analytics: true })}; domain=example-council.test; path=/p/`);
    await page.goto(`${demo.origin}/p/page.html`);
    await consentReady(page);
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    expect(await releaseLog(page)).toEqual([]);
    await banner(page).getByRole('button', { name: 'Reject analytics cookies' }).click();
    expect(await copiesOf(page)).toHaveLength(1);
    await page.reload();
    await consentReady(page);
    expect(await page.locator('cookie-banner').count()).toBe(0);
    expect(await hasConsent(page, 'analytics')).toBe(false);
    expect(await releaseLog(page)).toEqual([]);
    expect(messages.filter((m) => m.text.includes('cookies are disabled'))).toEqual([]);
    await context.close();
  });

  it('garbage on the parent domain does not pin the banner: the resident answers once and their choice counts', async () => {
    const { context, page } = await freshPage(demo.browser);
    await setFromSibling(page, `${NAME}=garbage; domain=example-council.test; path=/`);
    await page.goto(`${demo.origin}/page.html`);
    await banner(page).getByRole('button', { name: 'Accept analytics cookies' }).click();
    // More garbage arrives, this time where the browser sends it first.
    await setFromSibling(page, `${NAME}=garbage; domain=example-council.test; path=/p/`);
    await page.goto(`${demo.origin}/p/page.html`);
    await consentReady(page);
    await expect.poll(() => releaseLog(page)).toEqual(['stand-in-analytics', 'inline-after-analytics']);
    expect(await page.locator('cookie-banner').count()).toBe(0);
    expect(await hasConsent(page, 'analytics')).toBe(true);
    await context.close();
  });

  it('a cookie whose name only decodes to ours is another cookie', async () => {
    const { context, page } = await freshPage(demo.browser);
    await setFromSibling(page, `CookieContro%6C=${record({ analytics: true })}; domain=example-council.test; path=/`);
    await page.goto(`${demo.origin}/page.html`);
    await consentReady(page);
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    expect(await releaseLog(page)).toEqual([]);
    expect(await hasConsent(page, 'analytics')).toBe(false);
    await context.close();
  });

  it('a page view does not move the resident’s own copy behind a forged one on the parent domain in what the server receives', async () => {
    const { context, page } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/page.html`);
    await banner(page).getByRole('button', { name: 'Reject analytics cookies' }).click();
    await setFromSibling(page, `${NAME}=${record({ analytics: true })}; domain=example-council.test; path=/`);
    /** The analytics answer in each copy of the consent cookie the server on www is sent, in the order sent. */
    const sentToServer = async () => {
      await page.goto(`${demo.origin}/cookie-header`);
      const header = await page.evaluate(() => document.body.textContent ?? '');
      return header
        .split('; ')
        .filter((pair) => pair.startsWith(`${NAME}=`))
        .map((pair) => JSON.parse(decodeURIComponent(pair.slice(NAME.length + 1))).categories.analytics);
    };
    // Same path, so the browser sends the older cookie first: the resident's refusal.
    expect(await sentToServer()).toEqual([false, true]);
    await page.goto(`${demo.origin}/page.html`);
    await consentReady(page);
    expect(await hasConsent(page, 'analytics')).toBe(false);
    // The PHP example (docs/consent-records.md) reads $_COOKIE, which keeps the first of several: it must still be the refusal.
    expect((await sentToServer())[0]).toBe(false);
    await context.close();
  });
});
