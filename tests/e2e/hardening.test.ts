import { describe, expect, it } from 'vitest';
import {
  banner,
  consentReady,
  cookieNames,
  demoSession,
  expectNothingReleased,
  freshPage,
  releasedScripts,
  releaseLog,
  startupSettled,
} from '../support/e2e.js';
import { html, json, testPage, tunbridgeWells } from '../support/test-pages.js';

const broken = {
  ...tunbridgeWells(),
  categories: [{ ...tunbridgeWells().categories[1], cookies: [{ name: '_ga', purpose: 'x', expires: '2 years' }] }],
};

const demo = demoSession({
  '/catalog.json': json(tunbridgeWells()),
  '/page.html': html(testPage()),
  '/fault/missing.html': html(testPage({ catalog: '/nowhere.json' })),
  '/fault/invalid-json.html': html(testPage({ catalog: '/invalid.json' })),
  '/invalid.json': { body: '{ "site": ', type: 'application/json' },
  '/fault/schema.html': html(testPage({ catalog: '/broken.json' })),
  '/broken.json': json(broken),
  '/fault/slow.html': html(testPage({ catalog: '/slow.json' })),
  '/slow.json': { ...json(tunbridgeWells()), delayMs: 12000 },
  '/fault/missing-script.html': html(
    testPage({
      body: `<script type="text/plain" data-cookie-category="analytics" src="/nowhere.js"></script><script type="text/plain" data-cookie-category="analytics">(window.releaseLog ??= []).push('after-missing')</script>`,
    }),
  ),
  '/early-inline.html': html(
    '<!doctype html><html lang="en"><head><title>Early</title><script src="/dist/council-cookie-consent.iife.js" data-catalog="#cookie-catalog"></script></head>' +
      `<body><main><h1>Early</h1></main><script type="application/json" id="cookie-catalog">${JSON.stringify(tunbridgeWells())}</script></body></html>`,
  ),
  '/twice.html': html(
    testPage({ head: '<script src="/dist/council-cookie-consent.iife.js" data-catalog="/catalog.json" defer></script>' }),
  ),
});

const errorsMentioning = (messages: { type: string; text: string }[], text: string) =>
  messages.filter((m) => m.type === 'error' && m.text.includes('council-cookie-consent') && m.text.includes(text));

describe('a catalogue that cannot be used fails closed', () => {
  for (const [path, cause] of [
    ['/fault/missing.html', 'answered HTTP 404'],
    ['/fault/invalid-json.html', 'is not valid JSON'],
    ['/fault/schema.html', 'categories[0].cookies[0].expires'],
  ])
    it(`${path}: nothing optional runs, no banner, the console says "${cause}", the page still works`, async () => {
      const { context, page, messages, errors } = await freshPage(demo.browser);
      await page.goto(`${demo.origin}${path}`);
      await expect.poll(() => errorsMentioning(messages, cause).length).toBe(1);
      // Start-up has failed (`ready` rejected) and the banner's part, fetched on a first visit beside the catalogue, has loaded and been defined.
      await startupSettled(page);
      await expectNothingReleased(page);
      expect(await page.locator('cookie-banner').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { pageScriptsRan?: boolean }).pageScriptsRan)).toBe(true);
      expect(
        await page.evaluate(() =>
          (window as unknown as { CookieConsent: { hasConsent(id: string): boolean } }).CookieConsent.hasConsent('analytics'),
        ),
      ).toBe(false);
      expect(await cookieNames(context)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });

  it('a catalogue that does not answer within 10 s', async () => {
    const { context, page, messages } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/fault/slow.html`);
    await expect.poll(() => errorsMentioning(messages, 'did not answer within 10 s').length, { timeout: 15000 }).toBe(1);
    expect(await releaseLog(page)).toEqual([]);
    expect(await page.locator('cookie-banner').count()).toBe(0);
    await context.close();
  });
});

describe('an inline catalogue below the script', () => {
  it('is found once the page has been parsed, even by a script that runs at once in <head>', async () => {
    const { context, page, messages } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/early-inline.html`);
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    await context.close();
  });
});

describe('cookies unavailable', () => {
  it('when document.cookie throws, the banner still answers for the page view, and says why once', async () => {
    const { context, page, messages, errors } = await freshPage(demo.browser);
    await page.addInitScript(() => {
      Object.defineProperty(Document.prototype, 'cookie', {
        get: () => {
          throw new DOMException('The document is sandboxed', 'SecurityError');
        },
        set: () => {
          throw new DOMException('The document is sandboxed', 'SecurityError');
        },
      });
    });
    await page.goto(`${demo.origin}/page.html`);
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    expect(await releaseLog(page)).toEqual([]);
    await banner(page).getByRole('button', { name: 'Accept analytics cookies' }).click();
    await expect.poll(() => releaseLog(page)).toContain('inline-after-analytics');
    const warnings = messages.filter((m) => m.type === 'warning' && m.text.includes('cookies are disabled'));
    expect(warnings).toHaveLength(1);
    expect(errors.filter((e) => !e.includes('sandboxed'))).toEqual([]);
    // Nothing was kept, so the next page asks again and runs nothing.
    await page.reload();
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    expect(await releaseLog(page)).toEqual([]);
    await context.close();
  });

  it('when the browser silently drops cookies, the choice holds for the page view only', async () => {
    const { context, page, messages } = await freshPage(demo.browser);
    await page.addInitScript(() => {
      Object.defineProperty(Document.prototype, 'cookie', { get: () => '', set: () => undefined });
    });
    await page.goto(`${demo.origin}/page.html`);
    await banner(page).getByRole('button', { name: 'Accept analytics cookies' }).click();
    await expect.poll(() => releaseLog(page)).toContain('inline-after-analytics');
    expect(messages.filter((m) => m.type === 'warning' && m.text.includes('cookies are disabled'))).toHaveLength(1);
    await context.close();
  });
});

describe('scripts that fail', () => {
  it('a blocked script whose src fails to load does not stop the ones after it', async () => {
    const { context, page, messages } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/fault/missing-script.html`);
    await banner(page).getByRole('button', { name: 'Accept analytics cookies' }).click();
    await expect.poll(() => releaseLog(page)).toEqual(['stand-in-analytics', 'inline-after-analytics', 'after-missing']);
    expect(messages.some((m) => m.type === 'warning' && m.text.includes('/nowhere.js failed to load'))).toBe(true);
    await context.close();
  });
});

describe('loaded twice', () => {
  it('two script tags make one banner and release each script once', async () => {
    const { context, page, messages } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/twice.html`);
    await consentReady(page);
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    expect(await page.locator('cookie-banner').count()).toBe(1);
    expect(messages.some((m) => m.type === 'warning' && m.text.includes('included more than once'))).toBe(true);
    await banner(page).getByRole('button', { name: 'Accept analytics cookies' }).click();
    await expect.poll(() => releaseLog(page)).toEqual(['stand-in-analytics', 'inline-after-analytics']);
    // A second release would put a second copy of each script in the page at once, before it ran:
    // once both copies' release passes are over, the page holds exactly one of each.
    await startupSettled(page);
    expect(await releasedScripts(page)).toEqual([
      '/demo/stand-in-analytics.js',
      "inline: (window.releaseLog ??= []).push('inline-after-analytics')",
    ]);
    expect(await releaseLog(page)).toEqual(['stand-in-analytics', 'inline-after-analytics']);
    await context.close();
  });

  it('init() after the script tag is ignored with a warning and returns the running API', async () => {
    const { context, page, messages } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/page.html`);
    await consentReady(page);
    const same = await page.evaluate(() => {
      const api = (window as unknown as { CookieConsent: { init(o: unknown): unknown } }).CookieConsent;
      return api.init({ catalog: '/catalog.json' }) === api;
    });
    expect(same).toBe(true);
    expect(messages.some((m) => m.type === 'warning' && m.text.includes('already been started'))).toBe(true);
    expect(await page.locator('cookie-banner').count()).toBe(1);
    await context.close();
  });
});

describe('single-page apps', () => {
  it('releases scripts inserted after consent is known, at once', async () => {
    const { context, page } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/page.html`);
    await banner(page).getByRole('button', { name: 'Accept analytics cookies' }).click();
    await expect.poll(() => releaseLog(page)).toHaveLength(2);
    await page.evaluate(() => {
      // A client-side route change replaces the content, bringing its own widget.
      const view = document.createElement('section');
      const widget = document.createElement('script');
      widget.type = 'text/plain';
      widget.setAttribute('data-cookie-category', 'analytics');
      widget.text = "(window.releaseLog ??= []).push('spa-widget')";
      view.append(widget);
      document.querySelector('main')!.replaceChildren(view);
      history.pushState({}, '', '/page.html#/next');
    });
    await expect.poll(() => releaseLog(page)).toEqual(['stand-in-analytics', 'inline-after-analytics', 'spa-widget']);
    expect(
      await page.evaluate(() =>
        (window as unknown as { CookieConsent: { hasConsent(id: string): boolean } }).CookieConsent.hasConsent('analytics'),
      ),
    ).toBe(true);
    await context.close();
  });
});

describe('strict Content-Security-Policy', () => {
  it('runs the demo with nonces and style-src self: no violation, styled banner, released scripts carry the nonce', async () => {
    const { context, page, messages } = await freshPage(demo.browser);
    await page.addInitScript(() => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { violations: string[] }).violations.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    const response = await page.goto(`${demo.origin}/tunbridge-wells/?csp=1`);
    expect(response!.headers()['content-security-policy']).toContain("script-src 'nonce-");
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    const background = await banner(page).evaluate((panel) => getComputedStyle(panel).backgroundColor);
    expect(background).toBe('rgb(243, 242, 241)');
    await banner(page).getByRole('button', { name: 'Accept analytics cookies' }).click();
    await expect.poll(() => releaseLog(page)).toEqual(['stand-in-analytics', 'inline-after-analytics']);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    expect(messages.filter((m) => /Content Security Policy/i.test(m.text))).toEqual([]);
    await page.goto(`${demo.origin}/tunbridge-wells/cookies.html?csp=1`);
    await page.getByRole('button', { name: 'Cookie settings' }).click();
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    await context.close();
  });
});

describe('Global Privacy Control', () => {
  it('refuses optional cookies for the visit without storing anything, says so, and lets an explicit accept stand', async () => {
    const { context, page } = await freshPage(demo.browser);
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
    await page.goto(`${demo.origin}/page.html`);
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    expect(await banner(page).textContent()).toContain('Global Privacy Control');
    expect(await cookieNames(context)).toEqual([]);
    expect(await releaseLog(page)).toEqual([]);
    await banner(page).getByRole('button', { name: 'Accept analytics cookies' }).click();
    await expect.poll(() => releaseLog(page)).toHaveLength(2);
    await page.reload();
    await consentReady(page);
    await expect.poll(() => releaseLog(page)).toHaveLength(2);
    expect(await page.locator('cookie-banner').count()).toBe(0);
    await context.close();
  });
});
