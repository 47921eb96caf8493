import { readFileSync } from 'node:fs';
import type { Page } from 'playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/definition.js';
import {
  banner,
  consentReady,
  cookieJar,
  cookieNames,
  demoSession,
  freshPage,
  type Route,
  releaseLog,
  reloadAndExpectNothingRuns,
  startupSettled,
  WWW,
} from '../support/e2e.js';
import { html, json, testPage, tunbridgeWells } from '../support/test-pages.js';

const base = tunbridgeWells();
const withVideo: Catalog = {
  ...base,
  categories: [
    ...base.categories,
    { id: 'video', title: 'Video cookies (optional)', description: 'Videos from YouTube set cookies.', cookies: [] },
  ],
};
const tonbridgeMalling: Catalog = JSON.parse(readFileSync('cookie-catalogs/tonbridge-malling.json', 'utf8'));
const foreignWithVideo: Catalog = { ...tonbridgeMalling, categories: [...tonbridgeMalling.categories, withVideo.categories[2]] };
const exempt: Catalog = { ...base, categories: [base.categories[0], { ...base.categories[1], basis: 'statistics-exemption' }] };
const migrating: Catalog = { ...base, migrate: { cookieControl: { name: 'CookieControl', categories: { analytics: 'analytics' } } } };
const logged = (port: number): Catalog => ({ ...base, consentLog: { url: `http://${WWW}:${port}/consent-log` } });

const routes: Record<string, Route> = {
  '/catalog.json': json(base),
  '/page.html': html(testPage()),
  '/video.json': json(withVideo),
  '/video.html': html(
    testPage({
      catalog: '/video.json',
      body: '<p>Before the video</p><iframe data-cookie-category="video" data-provider="YouTube" data-src="/demo/demo.css" width="400" height="225" title="Council meeting video"></iframe><p id="after">After the video</p>',
    }),
  ),
  '/exempt.json': json(exempt),
  '/exempt.html': html(testPage({ catalog: '/exempt.json' })),
  '/migrating.json': json(migrating),
  '/migrating.html': html(testPage({ catalog: '/migrating.json' })),
  '/logged.html': html(testPage({ catalog: '/logged.json' })),
  '/foreign-video.json': json(foreignWithVideo),
  '/foreign-video.html': html(
    testPage({
      catalog: '/foreign-video.json',
      body: '<iframe data-cookie-category="video" data-provider="YouTube" data-src="/demo/demo.css" width="400" height="225" title="Video"></iframe>',
    }),
  ),
};
const demo = demoSession(routes);
// The consent log needs the port, known only once the server runs.
beforeAll(() => {
  routes['/logged.json'] = json(logged(demo.server.port));
});

/** The dataLayer, with gtag's `arguments` objects turned into arrays. */
const dataLayer = (page: Page) =>
  page.evaluate(() =>
    ((window as unknown as { dataLayer?: unknown[] }).dataLayer ?? []).map((entry) =>
      Object.prototype.toString.call(entry) === '[object Arguments]' ? { gtag: Array.from(entry as ArrayLike<unknown>) } : entry,
    ),
  );

describe('Google Consent Mode v2', () => {
  it('pushes denied defaults before anything else, an update and an event after a choice, and one event per later load', async () => {
    const { context, page } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/tunbridge-wells/`);
    await consentReady(page);
    expect(await dataLayer(page)).toEqual([{ gtag: ['consent', 'default', { analytics_storage: 'denied', wait_for_update: 500 }] }]);
    await banner(page).getByRole('button', { name: 'Accept analytics cookies' }).click();
    await expect
      .poll(() => dataLayer(page))
      .toEqual([
        { gtag: ['consent', 'default', { analytics_storage: 'denied', wait_for_update: 500 }] },
        { gtag: ['consent', 'update', { analytics_storage: 'granted' }] },
        { event: 'cookie_consent_update', cookieConsent: { analytics: true } },
      ]);
    await page.reload();
    await consentReady(page);
    await expect.poll(() => releaseLog(page)).toHaveLength(2);
    expect(await dataLayer(page)).toEqual([
      { gtag: ['consent', 'default', { analytics_storage: 'denied', wait_for_update: 500 }] },
      { gtag: ['consent', 'update', { analytics_storage: 'granted' }] },
      { event: 'cookie_consent_update', cookieConsent: { analytics: true } },
    ]);
    await context.close();
  });
});

describe('embedded content', () => {
  it('shows a same-size placeholder that grants only its category, then the iframe', async () => {
    const { context, page } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/video.html`);
    const placeholder = page.locator('cookie-embed-placeholder');
    await expect.poll(() => placeholder.isVisible()).toBe(true);
    const box = (await placeholder.boundingBox())!;
    expect([Math.round(box.width), Math.round(box.height)]).toEqual([400, 225]);
    expect(await placeholder.textContent()).toBeDefined();
    expect(await placeholder.getByText(/This content from YouTube is hidden/).isVisible()).toBe(true);
    expect(await placeholder.getByRole('link', { name: 'Open this content in a new page' }).getAttribute('href')).toBe('/demo/demo.css');
    expect(await page.locator('iframe').getAttribute('src')).toBeNull();
    await placeholder.getByRole('button', { name: 'Accept video cookies and show' }).click();
    await expect.poll(() => page.locator('iframe').getAttribute('src')).toBe('/demo/demo.css');
    expect(await page.locator('iframe').isVisible()).toBe(true);
    expect(await placeholder.count()).toBe(0);
    // Only video was answered: analytics is still off, and the banner still asks about it.
    expect(await releaseLog(page)).toEqual([]);
    expect(await banner(page).isVisible()).toBe(true);
    expect(
      await page.evaluate(
        () => (window as unknown as { CookieConsent: { getConsent(): { method: string } } }).CookieConsent.getConsent().method,
      ),
    ).toBe('placeholder');
    await context.close();
  });
});

describe('the embeds example in the demo', () => {
  it('holds the video behind a placeholder until video cookies are accepted', async () => {
    const { context, page } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/demo/examples/embeds.html`);
    const placeholder = page.locator('cookie-embed-placeholder');
    await expect.poll(() => placeholder.isVisible()).toBe(true);
    expect(await page.locator('iframe').getAttribute('src')).toBeNull();
    const box = (await placeholder.boundingBox())!;
    expect([Math.round(box.width), Math.round(box.height)]).toEqual([560, 315]);
    await placeholder.getByRole('button', { name: 'Accept video cookies and show' }).click();
    await expect.poll(() => page.locator('iframe').getAttribute('src')).toBe('/demo/examples/video-stand-in.html');
    // Video was the only question, so the banner now confirms the choice.
    await expect.poll(() => banner(page).textContent()).toContain('You’ve accepted additional cookies.');
    await context.close();
  });
});

describe('embedded content, with the keyboard', () => {
  it('keeps focus where the content appears, and refusing nothing warns about nothing', async () => {
    const { context, page, messages } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/foreign-video.html`);
    const accept = page.locator('cookie-embed-placeholder').getByRole('button', { name: 'Accept video cookies and show' });
    await accept.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('iframe').getAttribute('src')).toBe('/demo/demo.css');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');
    // Accepting video said nothing about analytics cookies on other sites' domains.
    expect(messages.filter((m) => m.text.includes('cannot be deleted'))).toEqual([]);
    await context.close();
  });
});

describe('proof of consent', () => {
  it('sends each choice once, with exactly the documented fields, and nothing on a plain load', async () => {
    const { context, page } = await freshPage(demo.browser);
    const bodies: Record<string, unknown>[] = [];
    await context.route('**/consent-log', async (route) => {
      bodies.push(JSON.parse(route.request().postData() ?? '{}'));
      await route.fulfill({ status: 204 });
    });
    await page.goto(`${demo.origin}/logged.html`);
    await consentReady(page);
    await banner(page).getByRole('button', { name: 'Accept analytics cookies' }).click();
    await expect.poll(() => bodies.length).toBe(1);
    expect(Object.keys(bodies[0]).sort()).toEqual(['categories', 'consentId', 'method', 'revision', 'site', 'time']);
    expect(bodies[0]).toMatchObject({ revision: 1, site: 'tunbridgewells.gov.uk', categories: { analytics: true }, method: 'accept' });
    const snapshot = await page.evaluate(() =>
      (window as unknown as { CookieConsent: { getConsent(): unknown } }).CookieConsent.getConsent(),
    );
    expect(snapshot).toEqual(bodies[0]);
    await page.reload();
    await startupSettled(page);
    expect(bodies).toHaveLength(1);
    await page.evaluate(() => (window as unknown as { CookieConsent: { rejectAll(): void } }).CookieConsent.rejectAll());
    await expect.poll(() => bodies.at(-1)?.method).toBe('api');
    // The rejection's receipt went through the same route after the reload: anything the plain load had sent is in before it.
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toMatchObject({ consentId: bodies[0].consentId, method: 'api', categories: { analytics: false } });
    await context.close();
  });

  it('keeps the choice when the log cannot be reached', async () => {
    const { context, page } = await freshPage(demo.browser);
    await context.route('**/consent-log', (route) => route.abort());
    await page.goto(`${demo.origin}/logged.html`);
    await banner(page).getByRole('button', { name: 'Accept analytics cookies' }).click();
    await expect.poll(() => releaseLog(page)).toHaveLength(2);
    expect(await cookieNames(context)).toContain('CookieControl');
    await context.close();
  });
});

describe('moving from CivicUK Cookie Control', () => {
  const theirs = (change: Record<string, unknown> = {}) =>
    encodeURIComponent(
      JSON.stringify({
        necessaryCookies: [],
        optionalCookies: { analytics: 'accepted' },
        statement: {},
        consentDate: Date.now() - 86400000,
        consentExpiry: 90,
        interactedWith: true,
        user: '8c2d0bd1-3f4e-4a1b-9c7d-2e5f6a7b8c9d',
        ...change,
      }),
    );

  it('takes over a valid Cookie Control choice: no banner, our format, their time and id, a change event', async () => {
    const { context, page } = await freshPage(demo.browser);
    await context.addCookies([{ name: 'CookieControl', value: theirs(), domain: WWW, path: '/' }]);
    await page.addInitScript(() => {
      const events: unknown[] = ((window as unknown as { changes: unknown[] }).changes = []);
      document.addEventListener('cookie-consent:change', (event) => events.push((event as CustomEvent).detail));
    });
    await page.goto(`${demo.origin}/migrating.html`);
    await consentReady(page);
    await expect.poll(() => releaseLog(page)).toHaveLength(2);
    expect(await page.locator('cookie-banner').count()).toBe(0);
    const stored = JSON.parse(decodeURIComponent((await cookieJar(context)).find((c) => c.name === 'CookieControl')!.value));
    expect(stored).toMatchObject({
      method: 'migrated',
      consentId: '8c2d0bd1-3f4e-4a1b-9c7d-2e5f6a7b8c9d',
      categories: { analytics: true },
    });
    expect(await page.evaluate(() => (window as unknown as { changes: unknown[] }).changes)).toEqual([
      { granted: ['essential', 'analytics'], categories: { analytics: true }, method: 'migrated' },
    ]);
    await context.close();
  });

  it('removes their cookie from a parent domain too, so a later refusal sticks', async () => {
    const { context, page, messages } = await freshPage(demo.browser);
    await context.addCookies([{ name: 'CookieControl', value: theirs(), domain: '.example-council.test', path: '/' }]);
    await page.goto(`${demo.origin}/migrating.html`);
    await consentReady(page);
    await expect.poll(() => releaseLog(page)).toHaveLength(2);
    await page.evaluate(() => (window as unknown as { CookieConsent: { rejectAll(): void } }).CookieConsent.rejectAll());
    await page.reload();
    await consentReady(page);
    expect(
      await page.evaluate(() =>
        (window as unknown as { CookieConsent: { hasConsent(id: string): boolean } }).CookieConsent.hasConsent('analytics'),
      ),
    ).toBe(false);
    expect((await cookieJar(context)).filter((c) => c.name === 'CookieControl')).toHaveLength(1);
    expect(messages.filter((m) => m.text.includes('cookies are disabled'))).toEqual([]);
    await context.close();
  });

  for (const [why, change] of [
    ['has not been interacted with', { interactedWith: false }],
    ['has expired', { consentDate: Date.now() - 91 * 86400000 }],
    ['leaves analytics unanswered', { optionalCookies: {} }],
    ['is older than our own consent lifetime (90 days)', { consentDate: Date.now() - 100 * 86400000, consentExpiry: 365 }],
  ] as const)
    it(`asks as usual when their cookie ${why}`, async () => {
      const { context, page } = await freshPage(demo.browser);
      await context.addCookies([{ name: 'CookieControl', value: theirs(change), domain: WWW, path: '/' }]);
      await page.goto(`${demo.origin}/migrating.html`);
      await consentReady(page);
      await expect.poll(() => banner(page).isVisible()).toBe(true);
      expect(await releaseLog(page)).toEqual([]);
      await context.close();
    });
});

describe('statistics exemption', () => {
  it('runs statistics scripts on the first visit, and turning them off is stored and deletes their cookies', async () => {
    const { context, page } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/exempt.html`);
    await expect.poll(() => releaseLog(page)).toEqual(['stand-in-analytics', 'inline-after-analytics']);
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    expect(await banner(page).textContent()).toContain('to count visits');
    expect(await cookieNames(context)).toEqual(['_ga', '_gid']);
    await banner(page).getByRole('button', { name: 'Turn off analytics cookies' }).click();
    await expect.poll(() => cookieNames(context)).toEqual(['CookieControl']);
    await reloadAndExpectNothingRuns(page);
    await context.close();
  });

  it('is off on every visit that sends Global Privacy Control', async () => {
    const { context, page } = await freshPage(demo.browser);
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
    await page.goto(`${demo.origin}/exempt.html`);
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    expect(await releaseLog(page)).toEqual([]);
    await context.close();
  });
});
