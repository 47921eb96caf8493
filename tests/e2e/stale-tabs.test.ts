import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/definition.js';
import { banner, consentReady, cookieJar, demoSession, releaseLog } from '../support/e2e.js';
import { html, json, testPage, tunbridgeWells } from '../support/test-pages.js';

const base = tunbridgeWells();
const withVideo: Catalog = {
  ...base,
  categories: [...base.categories, { id: 'video', title: 'Video cookies (optional)', description: 'Videos from YouTube.', cookies: [] }],
};
const demo = demoSession({
  '/video.json': json(withVideo),
  '/video.html': html(
    testPage({
      catalog: '/video.json',
      body: '<iframe data-cookie-category="video" data-provider="YouTube" data-src="/demo/demo.css" width="400" height="225" title="Council meeting"></iframe>',
    }),
  ),
});

type Api = {
  CookieConsent: { hasConsent(id: string): boolean; acceptAll(): void; rejectAll(): void; setConsent(a: Record<string, boolean>): void };
};
const stored = async (page: Page) =>
  JSON.parse(decodeURIComponent((await cookieJar(page.context())).find((cookie) => cookie.name === 'CookieControl')!.value)).categories;

/** Two tabs of the same site in one browser: tab A accepts analytics (not video), then tab B withdraws. */
async function acceptedHereWithdrawnThere() {
  const context = await demo.browser.newContext();
  const tabA = await context.newPage();
  await tabA.addInitScript(() => {
    const changes: unknown[] = ((window as unknown as { changes: unknown[] }).changes = []);
    document.addEventListener('cookie-consent:change', (event) => changes.push((event as CustomEvent).detail));
  });
  await tabA.goto(`${demo.origin}/video.html`);
  await consentReady(tabA);
  await tabA.evaluate(() => (window as unknown as Api).CookieConsent.setConsent({ analytics: true, video: false }));
  await expect.poll(() => releaseLog(tabA)).toEqual(['stand-in-analytics', 'inline-after-analytics']);
  const tabB = await context.newPage();
  await tabB.goto(`${demo.origin}/video.html`);
  await consentReady(tabB);
  await tabB.evaluate(() => (window as unknown as Api).CookieConsent.rejectAll());
  expect(await stored(tabB)).toEqual({ analytics: false, video: false });
  return { context, tabA };
}

const changes = (page: Page) => page.evaluate(() => (window as unknown as { changes: { categories: unknown }[] }).changes);

describe('a choice changed in another tab', () => {
  it('a placeholder’s “Accept … and show” in the stale tab grants video only and never re-grants analytics', async () => {
    const { context, tabA } = await acceptedHereWithdrawnThere();
    await tabA.getByRole('button', { name: 'Accept video cookies and show' }).click();
    expect(await stored(tabA)).toEqual({ analytics: false, video: true });
    expect(await tabA.evaluate(() => (window as unknown as Api).CookieConsent.hasConsent('analytics'))).toBe(false);
    await context.close();
  });

  it('setConsent() in the stale tab merges into the stored choice', async () => {
    const { context, tabA } = await acceptedHereWithdrawnThere();
    await tabA.evaluate(() => (window as unknown as Api).CookieConsent.setConsent({ video: true }));
    expect(await stored(tabA)).toEqual({ analytics: false, video: true });
    await context.close();
  });

  it('the stale tab learns of it when focused: the change event, its answers, and nothing released after', async () => {
    const { context, tabA } = await acceptedHereWithdrawnThere();
    await tabA.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect.poll(() => changes(tabA)).toContainEqual(expect.objectContaining({ categories: { analytics: false, video: false } }));
    // A single-page app adds another analytics script: it stays blocked.
    await tabA.evaluate(() => {
      const script = document.createElement('script');
      script.type = 'text/plain';
      script.dataset.cookieCategory = 'analytics';
      script.text = "(window.releaseLog ??= []).push('added-later')";
      document.body.append(script);
    });
    // Then a video answer: its release pass runs after the one that looked at the added script.
    await tabA.evaluate(() => (window as unknown as Api).CookieConsent.setConsent({ video: true }));
    await expect.poll(() => tabA.locator('iframe').getAttribute('src')).toBe('/demo/demo.css');
    expect(await releaseLog(tabA)).toEqual(['stand-in-analytics', 'inline-after-analytics']);
    expect(await tabA.locator('script[type="text/plain"]').count()).toBe(1);
    await context.close();
  });

  it('the stale tab checks before releasing: a script added there after the withdrawal stays blocked', async () => {
    const { context, tabA } = await acceptedHereWithdrawnThere();
    // No focus, no API call: only the release itself looks at the cookie again.
    await tabA.evaluate(() => {
      const script = document.createElement('script');
      script.type = 'text/plain';
      script.dataset.cookieCategory = 'analytics';
      script.text = "(window.releaseLog ??= []).push('added-later')";
      document.body.append(script);
    });
    await expect.poll(() => changes(tabA)).toContainEqual(expect.objectContaining({ categories: { analytics: false, video: false } }));
    expect(await releaseLog(tabA)).toEqual(['stand-in-analytics', 'inline-after-analytics']);
    await context.close();
  });

  it('the banner’s confirmation in the stale tab does not keep saying “rejected” once another tab has accepted and analytics runs here', async () => {
    const context = await demo.browser.newContext();
    const tabA = await context.newPage();
    await tabA.goto(`${demo.origin}/video.html`);
    await banner(tabA)
      .getByRole('button', { name: /^Reject/ })
      .click();
    await expect.poll(() => banner(tabA).textContent()).toContain('rejected');
    const tabB = await context.newPage();
    await tabB.goto(`${demo.origin}/video.html`);
    await consentReady(tabB);
    await tabB.evaluate(() => (window as unknown as Api).CookieConsent.acceptAll());
    await tabA.evaluate(() => window.dispatchEvent(new Event('focus')));
    // Tab A takes the grant in and releases analytics...
    await expect.poll(() => releaseLog(tabA)).toEqual(['stand-in-analytics', 'inline-after-analytics']);
    // ...so its banner must not go on telling the resident they rejected it (it may have gone altogether).
    await expect
      .poll(() => tabA.locator('cookie-banner').evaluate((element) => element.shadowRoot?.textContent ?? ''))
      .not.toContain('rejected');
    await context.close();
  });
});
