import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Route } from '../support/e2e.js';
import type { Engine, EngineLauncher, Viewport } from '../support/engines/engine.js';
import { Resident, type Target } from '../support/engines/resident.js';
import { type JourneySite, ORIGIN, startJourneySite } from '../support/engines/site.js';
import { html, json, testPage, tunbridgeWells } from '../support/test-pages.js';

/**
 * The journeys residents and councils depend on, written once and run in every engine
 * (tests/journeys/<engine>.test.ts). They use only what a resident sees and does, and the
 * library's public surface, so they hold whatever the library is built from inside.
 */

const banner: Target = { role: 'region', in: 'cookie-banner' };
const inBanner = (name: string): Target => ({ role: 'button', name, in: 'cookie-banner' });
const dialog: Target = { role: 'dialog', name: 'Cookie settings', in: 'cookie-preferences' };
const inDialog = (role: string, name: string): Target => ({ role, name, in: 'cookie-preferences' });
const settingsButton: Target = { role: 'button', name: 'Cookie settings' };

type ConsentWindow = Window & {
  CookieConsent: {
    hasConsent(id: string): boolean;
    getConsent(): { categories: Record<string, boolean>; method: string } | null;
    rejectAll(): void;
  };
  standInAnalytics?: { runs: number };
};

/** How many times the slow analytics script has been answered (after its delay). */
let slowServed = 0;

const routes: Record<string, Route> = {
  '/journeys/catalog.json': json(tunbridgeWells()),
  // One blocked script that takes 3 s to arrive, and nothing else optional.
  '/journeys/download.html': html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A slow script</title>
<script src="/dist/council-cookie-consent.iife.js" data-catalog="/journeys/catalog.json" defer></script></head>
<body><main><h1>A slow analytics script</h1>
<script type="text/plain" data-cookie-category="analytics" src="/journeys/slow-analytics.js" data-cookies='[{"name":"_ga","maxAge":63072000}]'></script>
</main></body></html>`),
  '/journeys/slow-analytics.js': {
    body: () => {
      slowServed += 1;
      return readFileSync('demo/stand-in-analytics.js', 'utf8');
    },
    type: 'text/javascript',
    delayMs: 3000,
  },
  '/journeys/barrier.js': { body: "(window.releaseLog ??= []).push('barrier')", type: 'text/javascript' },
  '/journeys/logged.json': json({ ...tunbridgeWells(), consentLog: { url: `${ORIGIN}/journeys/consent-log` } }),
  '/journeys/logged.html': html(testPage({ catalog: '/journeys/logged.json' })),
  '/journeys/consent-log': { body: '', status: 204 },
};

/** Until a condition holds: engines differ in speed, and the machine is shared. */
const until = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15000, interval: 100 });

const onCI = () => !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';

/** Registers the journeys for one engine; an engine this machine lacks is skipped with one line, except on CI, where it fails. */
export function journeysIn(launcher: EngineLauncher): void {
  const missing = launcher.missing();
  if (missing && onCI()) {
    it(`${launcher.title} is installed (CI runs the journeys in every engine)`, () => {
      throw new Error(`${launcher.title}: ${missing}`);
    });
    return;
  }
  if (missing) {
    console.warn(`journeys: ${launcher.title} skipped on this machine: ${missing}`);
    describe.skip(`${launcher.title} (not installed)`, () => defineJourneys(launcher));
    return;
  }
  describe(launcher.title, () => defineJourneys(launcher));
}

function defineJourneys(launcher: EngineLauncher): void {
  let site: JourneySite;
  let engine: Engine;
  const residents: Resident[] = [];
  beforeAll(async () => {
    site = await startJourneySite(routes);
    engine = await launcher.launch(site.proxy);
  }, 60000);
  afterAll(async () => {
    if (engine) console.info(`journeys: ${launcher.title} was ${await engine.version()}`);
    await engine?.close();
    await site?.close();
  }, 60000);
  afterEach(async () => {
    await Promise.all(residents.splice(0).map((resident) => resident.close()));
  });
  /** A new resident: a fresh profile, no cookies. */
  const arrive = async (viewport?: Viewport) => {
    const resident = new Resident(await engine.visitor(viewport));
    residents.push(resident);
    return resident;
  };

  describe('first visit', () => {
    it('the banner asks, with accept and reject looking the same, and nothing optional has run or been set', async () => {
      const resident = await arrive();
      await resident.open('/tunbridge-wells/');
      await resident.consentReady();
      await until(async () => (await resident.see(banner)).visible).toBe(true);
      expect((await resident.see({ role: 'heading', in: 'cookie-banner' })).text).toBe('Cookies on Tunbridge Wells Borough Council');
      const looks = ['background-color', 'color', 'font-size', 'font-weight', 'border-top-width', 'border-top-color', 'padding-top'];
      const accept = await resident.see(inBanner('Accept analytics cookies'), looks);
      const reject = await resident.see(inBanner('Reject analytics cookies'), looks);
      expect(accept.visible && reject.visible).toBe(true);
      expect(reject.style).toEqual(accept.style);
      expect(Math.abs(reject.rect!.height - accept.rect!.height)).toBeLessThanOrEqual(1);
      expect(await resident.releaseLog()).toEqual([]);
      expect(await resident.cookieNames()).toEqual([]);
      expect(await resident.run(() => (window as unknown as ConsentWindow).CookieConsent.hasConsent('analytics'), null)).toBe(false);
      expect((await resident.record()).errors).toEqual([]);
    });
  });

  describe('accepting', () => {
    it('runs each blocked script once, in document order, stores the choice for 90 days, and holds after a reload', async () => {
      const resident = await arrive();
      await resident.open('/tunbridge-wells/');
      await resident.click(inBanner('Accept analytics cookies'));
      await until(() => resident.releaseLog()).toEqual(['stand-in-analytics', 'inline-after-analytics']);
      expect(await resident.run(() => (window as unknown as ConsentWindow).standInAnalytics?.runs, null)).toBe(1);
      expect(await resident.cookieNames()).toEqual(['CookieControl', '_ga', '_gat', '_gid']);
      await until(async () => (await resident.see(banner)).text).toContain('You’ve accepted analytics cookies.');
      const stored = (await resident.cookies()).find((cookie) => cookie.name === 'CookieControl')!;
      expect(Math.round((stored.expires! * 1000 - Date.now()) / 86400000)).toBe(90);

      await resident.reload();
      await resident.consentReady();
      await until(() => resident.releaseLog()).toEqual(['stand-in-analytics', 'inline-after-analytics']);
      expect((await resident.see(banner)).count).toBe(0);
      expect(await resident.run(() => (window as unknown as ConsentWindow).CookieConsent.getConsent()?.categories ?? null, null)).toEqual({
        analytics: true,
      });
    });

    it('sends the choice once to the consent log (fetch keepalive)', async () => {
      const resident = await arrive();
      await resident.open('/journeys/logged.html');
      await resident.click(inBanner('Accept analytics cookies'));
      const sent = () => site.requests.filter((request) => request.path === '/journeys/consent-log');
      await until(async () => sent().length).toBe(1);
      expect(sent()[0].method).toBe('POST');
      expect(JSON.parse(sent()[0].body)).toMatchObject({ revision: 1, method: 'accept', categories: { analytics: true } });
      site.requests.length = 0;
    });
  });

  describe('rejecting and withdrawing', () => {
    it('a refusal while an accepted script is still downloading: it never runs and sets nothing', async () => {
      const resident = await arrive();
      slowServed = 0;
      await resident.open('/journeys/download.html');
      await resident.click(inBanner('Accept analytics cookies'));
      await resident.run(() => (window as unknown as ConsentWindow).CookieConsent.rejectAll(), null);
      // The refusal came while the script was on its way.
      expect(slowServed).toBe(0);
      await until(async () => slowServed).toBe(1);
      // A script asked for after the slow one has arrived: once it has run, the slow one would have too.
      await resident.run(
        () =>
          new Promise<void>((resolve) => {
            const script = document.createElement('script');
            script.src = '/journeys/barrier.js';
            script.onload = () => resolve();
            document.head.append(script);
          }),
        null,
      );
      expect(await resident.releaseLog()).toEqual(['barrier']);
      expect(await resident.cookieNames()).toEqual(['CookieControl']);
    });

    it('reject deletes the category’s cookies on the host and on the parent domain, globs included, and nothing runs', async () => {
      const resident = await arrive();
      // Cookies an earlier visit's analytics left behind, on the parent domain and on the host.
      await resident.setCookies([
        'nmstat=old; domain=example-council.test; path=/',
        '__utma=old; domain=example-council.test; path=/',
        '__utmz=old; path=/',
        'unrelated=keep; path=/',
      ]);
      expect((await resident.cookies()).map(({ name, domain }) => `${name} ${domain}`).sort()).toEqual([
        '__utma .example-council.test',
        '__utmz www.example-council.test',
        'nmstat .example-council.test',
        'unrelated www.example-council.test',
      ]);
      await resident.open('/tonbridge-malling/');
      await resident.click(inBanner('Reject analytics cookies'));
      await until(() => resident.cookieNames()).toEqual(['tmbc_cookie_consent', 'unrelated']);
      expect(await resident.releaseLog()).toEqual([]);
      await resident.reload();
      await resident.consentReady();
      expect((await resident.see(banner)).count).toBe(0);
      expect(await resident.releaseLog()).toEqual([]);
    });

    it('withdrawing in the settings dialog deletes what the accepted scripts set and keeps them from running again', async () => {
      const resident = await arrive();
      await resident.open('/tonbridge-malling/');
      await resident.click(inBanner('Accept analytics cookies'));
      await until(() => resident.cookieNames()).toEqual(['__utma', '__utmb', '__utmc', '__utmz', 'nmstat', 'tmbc_cookie_consent']);
      expect((await resident.cookies()).find((cookie) => cookie.name === 'nmstat')!.domain).toBe('.example-council.test');

      await resident.open('/tonbridge-malling/cookies.html');
      await resident.consentReady();
      await resident.click(settingsButton);
      await until(async () => (await resident.see(dialog)).visible).toBe(true);
      await resident.click(inDialog('radio', 'Off'));
      await resident.click(inDialog('button', 'Save cookie settings'));
      await until(() => resident.cookieNames()).toEqual(['tmbc_cookie_consent']);
      expect((await resident.see(dialog)).visible).toBe(false);
      // ASP.NET_Sessionid lives on .siteimprove.com: the page says it cannot delete it.
      const { console: logged } = await resident.record();
      expect(logged.some((m) => m.type === 'warning' && m.text.includes('siteimprove.com'))).toBe(true);

      await resident.open('/tonbridge-malling/');
      await resident.consentReady();
      expect(await resident.releaseLog()).toEqual([]);
      expect(await resident.cookieNames()).toEqual(['tmbc_cookie_consent']);
    });
  });

  describe('asking again', () => {
    it('a tampered consent cookie counts as no choice: the banner is back and nothing runs', async () => {
      const resident = await arrive();
      const tampered = { revision: 1, time: Date.now(), consentId: 'x', method: 'accept', categories: { analytics: 'true' } };
      await resident.setCookies([`CookieControl=${encodeURIComponent(JSON.stringify(tampered))}; path=/`]);
      await resident.open('/tunbridge-wells/');
      await resident.consentReady();
      await until(async () => (await resident.see(banner)).visible).toBe(true);
      expect(await resident.releaseLog()).toEqual([]);
      expect(await resident.run(() => (window as unknown as ConsentWindow).CookieConsent.getConsent(), null)).toBeNull();
    });
  });

  describe('the preferences dialog', () => {
    it('opens from data-cookie-settings with the keyboard, keeps focus inside, and Escape returns focus to the opener', async () => {
      const resident = await arrive();
      await resident.open('/tunbridge-wells/cookies.html');
      await resident.consentReady();
      for (let i = 0; i < 40; i++) {
        const focus = await resident.focus();
        if (focus.tag === 'button' && focus.text === 'Cookie settings') break;
        await resident.press('Tab');
      }
      expect(await resident.focus()).toMatchObject({ tag: 'button', text: 'Cookie settings' });
      await resident.press('Enter');
      await until(async () => (await resident.see(dialog)).visible).toBe(true);
      expect((await resident.focus()).inDialog).toBe(true);
      // A modal dialog: Tab and Shift+Tab never reach the page behind it (the browser's own controls may take a turn).
      const visited = new Set<string>();
      for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab'] as const) {
        await resident.press(key);
        const focus = await resident.focus();
        expect(focus.inDialog || focus.outsidePage, `${key} moved focus to <${focus.tag}> ${focus.text}`).toBe(true);
        if (focus.inDialog) visited.add(`${focus.tag} ${focus.text}`);
      }
      expect(visited.size).toBeGreaterThan(2);
      await resident.press('Escape');
      await until(async () => (await resident.see(dialog)).visible).toBe(false);
      await until(() => resident.focus()).toMatchObject({ tag: 'button', text: 'Cookie settings' });
    });

    it('keyboard only: from the banner through the dialog to the confirmation, and the banner hidden', async () => {
      const resident = await arrive();
      await resident.open('/tunbridge-wells/');
      await resident.consentReady();
      await until(async () => (await resident.see(banner)).visible).toBe(true);
      // The banner is first in the reading order.
      await resident.press('Tab');
      expect(await resident.focus()).toMatchObject({ text: 'Accept analytics cookies', inBanner: true });
      await resident.press('Tab');
      expect(await resident.focus()).toMatchObject({ text: 'Reject analytics cookies', inBanner: true });
      await resident.press('Tab');
      expect(await resident.focus()).toMatchObject({ text: 'Choose which cookies to use', inBanner: true });
      await resident.press('Enter');
      await until(async () => (await resident.see(dialog)).visible).toBe(true);
      expect((await resident.focus()).inDialog).toBe(true);
      for (let i = 0; i < 10 && (await resident.focus()).tag !== 'input'; i++) await resident.press('Tab');
      expect((await resident.see(inDialog('radio', 'Off'))).checked).toBe(true);
      await resident.press('ArrowLeft');
      expect((await resident.see(inDialog('radio', 'On'))).checked).toBe(true);
      await resident.press('Tab');
      expect((await resident.focus()).text).toBe('Save cookie settings');
      await resident.press('Enter');
      await until(async () => (await resident.see(dialog)).visible).toBe(false);
      // Focus lands on the confirmation, which a screen reader then reads.
      await until(async () => (await resident.focus()).text).toContain('You’ve accepted analytics cookies.');
      await until(() => resident.releaseLog()).toEqual(['stand-in-analytics', 'inline-after-analytics']);
      await resident.press('Tab');
      expect((await resident.focus()).text).toBe('change your cookie settings');
      await resident.press('Tab');
      expect((await resident.focus()).text).toBe('Hide cookie message');
      await resident.press('Enter');
      await until(async () => (await resident.see(banner)).count).toBe(0);
    });
  });

  describe('a focused control is never hidden under the banner', () => {
    // MiniBrowser's window cannot be narrower than 447 CSS px (its toolbar): 320 px is checked in Chromium (tests/e2e).
    for (const viewport of [
      { width: 1280, height: 400 },
      { width: 480, height: 640 },
    ])
      it(`at ${viewport.width}×${viewport.height}`, async () => {
        const resident = await arrive(viewport);
        await resident.open('/tunbridge-wells/cookies.html');
        expect(await resident.run(() => [innerWidth, innerHeight], null)).toEqual([viewport.width, viewport.height]);
        await until(async () => (await resident.see(banner)).visible).toBe(true);
        // The banner reserves its height at the end of the page (documented: scroll-padding-bottom on <html>).
        await until(() => resident.run(() => getComputedStyle(document.documentElement).scrollPaddingBottom, null)).toMatch(/^[1-9]/);
        const top = (await resident.see(banner)).rect!.y;
        let checked = 0;
        for (let i = 0; i < 20; i++) {
          await resident.press('Tab');
          const focus = await resident.focus();
          if (focus.inBanner || focus.outsidePage) continue;
          expect(focus.rect.bottom, `${focus.text} is under the banner`).toBeLessThanOrEqual(top + 1);
          expect(focus.rect.top, `${focus.text} is above the window`).toBeGreaterThanOrEqual(0);
          checked++;
        }
        expect(checked).toBeGreaterThan(3);
      });
  });

  describe('Welsh', () => {
    it('a page whose <html lang> is cy gets the banner and the tables in Welsh', async () => {
      const resident = await arrive();
      await resident.open('/tunbridge-wells/?lang=cy');
      await until(async () => (await resident.see(banner)).visible).toBe(true);
      expect((await resident.see({ role: 'heading', in: 'cookie-banner' })).text).toBe('Cwcis ar Tunbridge Wells Borough Council');
      expect((await resident.see(inBanner('Derbyn cwcis dadansoddi'))).visible).toBe(true);
      expect((await resident.see(inBanner('Gwrthod cwcis dadansoddi'))).visible).toBe(true);
      await resident.open('/tunbridge-wells/cookies.html?lang=cy');
      await resident.consentReady();
      const table: Target = { role: 'table', name: 'Cwcis dadansoddi (dewisol)', in: 'cookie-table' };
      await until(async () => (await resident.see(table)).text).toContain('2 flynedd');
      const headers = await resident.texts({ role: 'columnheader', in: 'cookie-table[category=analytics]' });
      expect(headers).toEqual(['Enw', 'Diben', 'Yn dod i ben']);
    });
  });

  describe('embedded content', () => {
    it('a same-size placeholder holds the video until video cookies are accepted from it', async () => {
      const resident = await arrive();
      await resident.open('/demo/examples/embeds.html');
      const show: Target = { role: 'button', name: 'Accept video cookies and show', in: 'cookie-embed-placeholder' };
      await until(async () => (await resident.see(show)).visible).toBe(true);
      const iframeSrc = () => resident.run(() => document.querySelector('iframe')?.getAttribute('src') ?? null, null);
      expect(await iframeSrc()).toBeNull();
      const size = await resident.run(() => {
        const box = document.querySelector('cookie-embed-placeholder')!.getBoundingClientRect();
        return [Math.round(box.width), Math.round(box.height)];
      }, null);
      expect(size).toEqual([560, 315]);
      await resident.click(show);
      await until(iframeSrc).toBe('/demo/examples/video-stand-in.html');
      await until(async () => (await resident.see(banner)).text).toContain('You’ve accepted additional cookies.');
      expect(await resident.run(() => document.querySelectorAll('cookie-embed-placeholder').length, null)).toBe(0);
    });
  });

  describe('strict Content-Security-Policy', () => {
    it('the ?csp=1 demo: a styled banner, released scripts, a working dialog, and no violation', async () => {
      const resident = await arrive();
      await resident.open('/tunbridge-wells/?csp=1');
      await until(async () => (await resident.see(banner)).visible).toBe(true);
      // The styles are constructable stylesheets, which style-src 'self' allows.
      expect((await resident.see(banner, ['background-color'])).style).toEqual({ 'background-color': 'rgb(243, 242, 241)' });
      await resident.click(inBanner('Accept analytics cookies'));
      await until(() => resident.releaseLog()).toEqual(['stand-in-analytics', 'inline-after-analytics']);
      expect((await resident.record()).violations).toEqual([]);
      await resident.open('/tunbridge-wells/cookies.html?csp=1');
      await resident.consentReady();
      await resident.click(settingsButton);
      await until(async () => (await resident.see(dialog)).visible).toBe(true);
      expect((await resident.record()).violations).toEqual([]);
      // The check can fail: an inline script without the nonce is reported in this engine.
      await resident.run(() => {
        const unsigned = document.createElement('script');
        unsigned.textContent = '0';
        document.head.append(unsigned);
      }, null);
      await until(async () => (await resident.record()).violations.length).toBe(1);
    });
  });

  describe('councils with nothing optional', () => {
    for (const council of ['keighley', 'trowbridge'])
      it(`${council}: no banner, no cookie, and the policy page’s tables`, async () => {
        const resident = await arrive();
        await resident.open(`/${council}/`);
        await resident.consentReady();
        expect(await resident.run(() => document.querySelectorAll('cookie-banner').length, null)).toBe(0);
        await resident.open(`/${council}/cookies.html`);
        await resident.consentReady();
        const table: Target = { role: 'table', name: 'Essential cookies', in: 'cookie-table' };
        await until(async () => (await resident.see(table)).text).toContain('We do not set any cookies in this category.');
        expect(await resident.cookieNames()).toEqual([]);
        expect((await resident.record()).errors).toEqual([]);
      });
  });

  describe('axe-core finds no violations', () => {
    it('in the banner', async () => {
      const resident = await arrive();
      await resident.open('/tunbridge-wells/');
      await until(async () => (await resident.see(banner)).visible).toBe(true);
      expect(await resident.axeViolations()).toEqual([]);
    });

    it('in the preferences dialog', async () => {
      const resident = await arrive();
      await resident.open('/tonbridge-malling/');
      await resident.click(inBanner('Choose which cookies to use'));
      await until(async () => (await resident.see(dialog)).visible).toBe(true);
      expect(await resident.axeViolations()).toEqual([]);
    });

    it('in the cookie tables of a policy page', async () => {
      const resident = await arrive();
      await resident.open('/tonbridge-malling/cookies.html');
      await resident.consentReady();
      await resident.click(inBanner('Reject analytics cookies'));
      await resident.click(inBanner('Hide cookie message'));
      await until(async () => (await resident.see({ role: 'table', in: 'cookie-table' })).count).toBe(2);
      expect(await resident.axeViolations()).toEqual([]);
    });
  });
}
