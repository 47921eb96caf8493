import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  banner,
  consentReady,
  cookieJar,
  cookieNames,
  demoSession,
  expectNothingReleased,
  freshPage,
  releaseLog,
  reloadAndExpectNothingRuns,
  startupSettled,
  WWW,
} from '../support/e2e.js';

const demo = demoSession();

describe('before any choice', () => {
  it('shows the banner, runs nothing optional and sets no optional cookie', async () => {
    const { context, page, errors } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/tunbridge-wells/`);
    await consentReady(page);
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    await expect(banner(page).getByRole('heading')).toBeTruthy();
    expect(await banner(page).getByRole('heading').textContent()).toBe('Cookies on Tunbridge Wells Borough Council');
    await startupSettled(page);
    await expectNothingReleased(page);
    expect(await cookieNames(context)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as ConsentWindow).CookieConsent.hasConsent('analytics'))).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('accepting', () => {
  it('runs each blocked script once, in document order, and keeps the choice across reloads', async () => {
    const { context, page } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/tunbridge-wells/`);
    await banner(page).getByRole('button', { name: 'Accept analytics cookies' }).click();
    await expect.poll(() => releaseLog(page)).toEqual(['stand-in-analytics', 'inline-after-analytics']);
    expect(await page.evaluate(() => (window as unknown as { standInAnalytics: { runs: number } }).standInAnalytics.runs)).toBe(1);
    expect(await cookieNames(context)).toEqual(['CookieControl', '_ga', '_gat', '_gid']);
    // The confirmation replaces the question, and says how to change the choice.
    await expect.poll(() => banner(page).textContent()).toContain('You’ve accepted analytics cookies.');
    expect(await banner(page).getByRole('button', { name: 'change your cookie settings' }).isVisible()).toBe(true);

    await page.reload();
    await consentReady(page);
    await expect.poll(() => releaseLog(page)).toEqual(['stand-in-analytics', 'inline-after-analytics']);
    expect(await page.locator('cookie-banner').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as ConsentWindow).CookieConsent.getConsent()?.categories)).toEqual({
      analytics: true,
    });
    await context.close();
  });

  it('stores the documented JSON value in the consent cookie', async () => {
    const { context, page } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/tunbridge-wells/`);
    await banner(page).getByRole('button', { name: 'Accept analytics cookies' }).click();
    await expect.poll(async () => (await cookieJar(context)).find((c) => c.name === 'CookieControl')).toBeTruthy();
    const cookie = (await cookieJar(context)).find((c) => c.name === 'CookieControl')!;
    const value = JSON.parse(decodeURIComponent(cookie.value));
    expect(Object.keys(value)).toEqual(['revision', 'time', 'consentId', 'method', 'categories']);
    expect(value).toMatchObject({ revision: 1, method: 'accept', categories: { analytics: true } });
    expect(value.consentId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Math.abs(value.time - Date.now())).toBeLessThan(60000);
    expect(cookie.path).toBe('/');
    // 90 days, as the catalogue says.
    expect(Math.round((cookie.expires * 1000 - Date.now()) / 86400000)).toBe(90);
    expect(cookie.value.length).toBeLessThan(200);
    await context.close();
  });
});

describe('rejecting and withdrawing', () => {
  it('reject leaves the scripts blocked and deletes listed cookies set earlier, on the host and the parent domain, globs included', async () => {
    const { context, page } = await freshPage(demo.browser);
    // Cookies an earlier visit's analytics left behind, on the host and on the shared parent domain.
    await context.addCookies([
      { name: 'nmstat', value: 'old', domain: '.example-council.test', path: '/' },
      { name: '__utma', value: 'old', domain: '.example-council.test', path: '/' },
      { name: '__utmz', value: 'old', domain: WWW, path: '/' },
      { name: 'unrelated', value: 'keep', domain: WWW, path: '/' },
    ]);
    await page.goto(`${demo.origin}/tonbridge-malling/`);
    await banner(page).getByRole('button', { name: 'Reject analytics cookies' }).click();
    await expect.poll(() => cookieNames(context)).toEqual(['tmbc_cookie_consent', 'unrelated']);
    expect(await releaseLog(page)).toEqual([]);
    await reloadAndExpectNothingRuns(page);
    await context.close();
  });

  it('withdrawing in the settings dialog deletes the cookies the accepted scripts set and keeps them from running again', async () => {
    const { context, page, messages } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/tonbridge-malling/`);
    await banner(page).getByRole('button', { name: 'Accept analytics cookies' }).click();
    await expect.poll(() => cookieNames(context)).toEqual(['__utma', '__utmb', '__utmc', '__utmz', 'nmstat', 'tmbc_cookie_consent']);
    // The stand-in sets them on the parent domain, the way analytics tags do.
    expect((await cookieJar(context)).find((c) => c.name === 'nmstat')!.domain).toBe('.example-council.test');

    await page.goto(`${demo.origin}/tonbridge-malling/cookies.html`);
    await page.getByRole('button', { name: 'Cookie settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cookie settings' });
    await dialog.getByRole('group', { name: 'Analytics cookies (optional)' }).getByRole('radio', { name: 'Off' }).check();
    await dialog.getByRole('button', { name: 'Save cookie settings' }).click();
    await expect.poll(() => cookieNames(context)).toEqual(['tmbc_cookie_consent']);
    expect(await dialog.isVisible()).toBe(false);
    // ASP.NET_Sessionid lives on .siteimprove.com: the page says it cannot delete it.
    expect(messages.some((m) => m.type === 'warning' && m.text.includes('siteimprove.com'))).toBe(true);

    await page.goto(`${demo.origin}/tonbridge-malling/`);
    await startupSettled(page);
    await expectNothingReleased(page);
    expect(await cookieNames(context)).toEqual(['tmbc_cookie_consent']);
    await context.close();
  });
});

describe('asking again', () => {
  it('treats a tampered consent cookie as no choice', async () => {
    const { context, page } = await freshPage(demo.browser);
    const tampered = encodeURIComponent(
      JSON.stringify({ revision: 1, time: Date.now(), consentId: 'x', method: 'accept', categories: { analytics: 'true' } }),
    );
    await context.addCookies([{ name: 'CookieControl', value: tampered, domain: WWW, path: '/' }]);
    await page.goto(`${demo.origin}/tunbridge-wells/`);
    await consentReady(page);
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    expect(await releaseLog(page)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as ConsentWindow).CookieConsent.getConsent())).toBeNull();
    await context.close();
  });

  it('asks again when the catalogue’s revision is raised', async () => {
    const { context, page } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/tunbridge-wells/`);
    await banner(page).getByRole('button', { name: 'Accept analytics cookies' }).click();
    await expect.poll(() => releaseLog(page)).toHaveLength(2);
    const catalog = JSON.parse(readFileSync('cookie-catalogs/tunbridge-wells.json', 'utf8'));
    await page.route('**/cookie-catalogs/tunbridge-wells.json', (route) => route.fulfill({ json: { ...catalog, revision: 2 } }));
    await page.reload();
    await consentReady(page);
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    expect(await releaseLog(page)).toEqual([]);
    await context.close();
  });
});

describe('sites with nothing to ask', () => {
  for (const site of ['keighley', 'trowbridge'])
    it(`${site} shows no banner and still renders its tables`, async () => {
      const { context, page, errors } = await freshPage(demo.browser);
      await page.goto(`${demo.origin}/${site}/`);
      await startupSettled(page);
      expect(await page.locator('cookie-banner').count()).toBe(0);
      await page.goto(`${demo.origin}/${site}/cookies.html`);
      await consentReady(page);
      const table = page.locator('cookie-table').getByRole('table', { name: 'Essential cookies' });
      await expect.poll(() => table.isVisible()).toBe(true);
      expect(await table.textContent()).toContain('We do not set any cookies in this category.');
      expect(await cookieNames(context)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
});

describe('Welsh', () => {
  it('speaks Welsh on a page whose <html lang> is cy', async () => {
    const { context, page } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/tunbridge-wells/?lang=cy`);
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    expect(await banner(page).getByRole('heading').textContent()).toBe('Cwcis ar Tunbridge Wells Borough Council');
    expect(await banner(page).getByRole('button', { name: 'Derbyn cwcis dadansoddi' }).isVisible()).toBe(true);
    expect(await banner(page).getByRole('button', { name: 'Gwrthod cwcis dadansoddi' }).isVisible()).toBe(true);
    await page.goto(`${demo.origin}/tunbridge-wells/cookies.html?lang=cy`);
    const table = page.locator('cookie-table[category=analytics]').getByRole('table');
    await expect.poll(() => table.textContent()).toContain('2 flynedd');
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Enw', 'Diben', 'Yn dod i ben']);
    await context.close();
  });
});

/** The files of ours a page fetched, in order: the script tag's core, then any interface parts. */
function ourFiles(page: import('playwright').Page) {
  const files: string[] = [];
  page.on('request', (request) => {
    const name = /\/dist\/(council-cookie-consent[^/?]*)$/.exec(new URL(request.url()).pathname)?.[1];
    if (name) files.push(name);
  });
  return files;
}

describe('a page loads only what it needs', () => {
  it('a first visit fetches the core and the banner part, and no more until the resident opens the settings', async () => {
    const { context, page, errors } = await freshPage(demo.browser);
    const files = ourFiles(page);
    await page.goto(`${demo.origin}/tunbridge-wells/`);
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    expect(files).toEqual(['council-cookie-consent.iife.js', 'council-cookie-consent.banner.js']);
    await banner(page).getByRole('button', { name: 'Choose which cookies to use' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Cookie settings' }).isVisible()).toBe(true);
    expect(files).toEqual(['council-cookie-consent.iife.js', 'council-cookie-consent.banner.js', 'council-cookie-consent.details.js']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a returning visit fetches the core alone, and still releases what was accepted', async () => {
    const { context, page } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/tunbridge-wells/`);
    await banner(page).getByRole('button', { name: 'Accept analytics cookies' }).click();
    const files = ourFiles(page);
    await page.reload();
    await expect.poll(() => releaseLog(page)).toEqual(['stand-in-analytics', 'inline-after-analytics']);
    expect(files).toEqual(['council-cookie-consent.iife.js']);
    await context.close();
  });

  it('a page in Welsh also fetches the Welsh wording; the policy page fetches the details for its tables', async () => {
    const { context, page } = await freshPage(demo.browser);
    const files = ourFiles(page);
    await page.goto(`${demo.origin}/tunbridge-wells/?lang=cy`);
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    expect(files.sort()).toEqual(['council-cookie-consent.banner.js', 'council-cookie-consent.cy.js', 'council-cookie-consent.iife.js']);
    await banner(page).getByRole('button', { name: 'Gwrthod cwcis dadansoddi' }).click();
    files.length = 0;
    await page.goto(`${demo.origin}/tunbridge-wells/cookies.html`);
    await consentReady(page);
    await expect.poll(() => files.includes('council-cookie-consent.details.js')).toBe(true);
    await context.close();
  });

  it('a first visit to the policy page downloads the details beside the banner part, and runs them after it', async () => {
    const { context, page, errors } = await freshPage(demo.browser);
    const order: string[] = [];
    let detailsAsked!: () => void;
    const detailsRequested = new Promise<void>((resolve) => (detailsAsked = resolve));
    page.on('request', (request) => {
      if (request.url().includes('council-cookie-consent.details.js')) {
        order.push('details requested');
        detailsAsked();
      }
    });
    // The banner part is held until the details part is asked for (or 5 s pass): asked for only after the banner ran, it would come too late.
    await page.route('**/council-cookie-consent.banner.js', async (route) => {
      await Promise.race([detailsRequested, new Promise((resolve) => setTimeout(resolve, 5000))]);
      order.push('banner answered');
      await route.continue();
    });
    await page.goto(`${demo.origin}/tunbridge-wells/cookies.html`);
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    expect(order.slice(0, 2)).toEqual(['details requested', 'banner answered']);
    await expect.poll(() => page.evaluate(() => document.querySelector('cookie-table')?.consent !== undefined)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the single file asks, blocks and releases as the split one does, fetching nothing else', async () => {
    const { context, page, errors } = await freshPage(demo.browser);
    const files = ourFiles(page);
    await page.goto(`${demo.origin}/tunbridge-wells/?build=single&lang=cy`);
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    expect(await releaseLog(page)).toEqual([]);
    await banner(page).getByRole('button', { name: 'Derbyn cwcis dadansoddi' }).click();
    await expect.poll(() => releaseLog(page)).toEqual(['stand-in-analytics', 'inline-after-analytics']);
    expect(files).toEqual(['council-cookie-consent.all.iife.js']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the single file takes over the policy page’s tables, though its elements are defined before the consent starts', async () => {
    const { context, page, errors } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/tunbridge-wells/cookies.html?build=single&lang=cy`);
    // Each table has the page's consent, so it shows the catalogue (here the pasted tables match it, so they stay).
    const siteShown = () =>
      page.evaluate(() => [...document.querySelectorAll('cookie-table')].map((table) => table.consent?.catalog.site.name));
    await expect.poll(siteShown).toEqual(['Tunbridge Wells Borough Council', 'Tunbridge Wells Borough Council']);
    expect(errors).toEqual([]);
    await context.close();
  });
});

type ConsentWindow = { CookieConsent: import('../../src/core/api.js').CookieConsentApi };
