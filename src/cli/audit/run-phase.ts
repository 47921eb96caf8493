import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CannotRun, firstLine } from './cannot-run.js';
import { watchNetwork } from './network-quiet.js';
import type { ObservedCookie, PhaseName, PhaseRecord, StorageKey } from './observed.js';
import { isFirstParty } from './site-of.js';
import { type CookieWrite, watchCookieWrites } from './watch-cookie-writes.js';

const NAVIGATION_TIMEOUT_MS = 30000;
const READY_TIMEOUT_MS = 10000;
// Generous: a loaded CI machine can take seconds to draw it, and only a broken page waits it out.
const BANNER_TIMEOUT_MS = 10000;
/** The banner's accept button, in English or Welsh ("Accept analytics cookies", "Derbyn cwcis …"). */
const ACCEPT_BUTTON = /^(Accept|Derbyn)\b/;

interface ConsentApi {
  ready: Promise<unknown>;
  acceptAll(): void;
  rejectAll(): void;
  getConsent(): unknown;
}
type PageWindow = { CookieConsent?: ConsentApi };

export interface PhaseResult extends PhaseRecord {
  /** Whether the page has `window.CookieConsent`. */
  library: boolean;
  /** Where the page ended up after any redirect: first and third party are judged by its site. */
  finalUrl: string;
}

async function open(page: Page, url: string, reload = false): Promise<void> {
  let response: Awaited<ReturnType<Page['goto']>>;
  try {
    response = reload
      ? await page.reload({ waitUntil: 'load', timeout: NAVIGATION_TIMEOUT_MS })
      : await page.goto(url, { waitUntil: 'load', timeout: NAVIGATION_TIMEOUT_MS });
  } catch (error) {
    throw new CannotRun(`could not open ${url}: ${firstLine(error)}`);
  }
  if (response && response.status() >= 400) throw new CannotRun(`${url} answered HTTP ${response.status()}`);
}

/** Our API, not another tool's `window.CookieConsent` (Cookiebot and vanilla-cookieconsent have one too). */
const usesLibrary = (page: Page) =>
  page.evaluate(() => {
    const api = (window as unknown as PageWindow).CookieConsent as { ready?: { then?: unknown }; getConsent?: unknown } | undefined;
    return typeof api?.getConsent === 'function' && typeof api.ready?.then === 'function';
  });

/** Waits for the library to have read its catalogue and the stored choice; a failure is noted, not fatal. */
async function libraryReady(page: Page, steps: string[]): Promise<void> {
  const outcome = await page.evaluate(
    (timeout) =>
      Promise.race([
        (window as unknown as PageWindow).CookieConsent!.ready.then(
          () => 'ready',
          (error: unknown) => `failed: ${String(error)}`,
        ),
        new Promise<string>((resolve) => setTimeout(() => resolve('timeout'), timeout)),
      ]),
    READY_TIMEOUT_MS,
  );
  if (outcome !== 'ready')
    steps.push(outcome === 'timeout' ? 'the library was not ready after 10 s' : `the library did not start (${outcome})`);
}

/** Accepts as a resident would, with the banner's button; through the API when there is no button to press. */
async function accept(page: Page, steps: string[], hasOptionalCategories: boolean): Promise<void> {
  if (hasOptionalCategories) {
    const button = page.locator('cookie-banner').getByRole('button', { name: ACCEPT_BUTTON }).first();
    try {
      await button.waitFor({ state: 'visible', timeout: BANNER_TIMEOUT_MS });
      await button.click();
    } catch {
      // No banner button: fall through to the API below.
    }
    if (await page.evaluate(() => (window as unknown as PageWindow).CookieConsent!.getConsent() !== null)) {
      steps.push("accepted with the banner's button");
      return;
    }
  }
  await page.evaluate(() => (window as unknown as PageWindow).CookieConsent!.acceptAll());
  steps.push('accepted with CookieConsent.acceptAll() (no banner button to press)');
}

async function recordCookies(context: BrowserContext, pageHost: string): Promise<ObservedCookie[]> {
  const now = Date.now() / 1000;
  return (await context.cookies())
    .map((cookie) => {
      const session = cookie.expires === -1;
      return {
        name: cookie.name,
        domain: cookie.domain,
        path: cookie.path,
        expires: session ? null : new Date(cookie.expires * 1000).toISOString(),
        lifetimeSeconds: session ? null : Math.round(cookie.expires - now),
        party: isFirstParty(cookie.domain, pageHost) ? ('first' as const) : ('third' as const),
        httpOnly: cookie.httpOnly,
        secure: cookie.secure,
        sameSite: cookie.sameSite,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.domain.localeCompare(b.domain));
}

/** Cookies scripts set during the phase that were gone by its end (deleted, or expired). */
function setThenRemoved(writes: CookieWrite[], cookies: ObservedCookie[], pageHost: string): ObservedCookie[] {
  const key = (c: { name: string; domain: string; path: string }) => `${c.name}\u0000${c.domain}\u0000${c.path}`;
  const present = new Set(cookies.map(key));
  const gone = new Map<string, ObservedCookie>();
  for (const write of writes)
    if (!present.has(key(write)))
      gone.set(key(write), {
        ...write,
        expires: write.lifetimeSeconds === null ? null : new Date(Date.now() + write.lifetimeSeconds * 1000).toISOString(),
        party: isFirstParty(write.domain, pageHost) ? 'first' : 'third',
        httpOnly: false,
        secure: false,
        sameSite: '',
      });
  return [...gone.values()];
}

async function recordLocalStorage(page: Page): Promise<StorageKey[]> {
  const keys: StorageKey[] = [];
  for (const frame of page.frames()) {
    try {
      const found = await frame.evaluate(() => ({ origin: location.origin, keys: Object.keys(localStorage) }));
      for (const key of found.keys)
        if (!keys.some((k) => k.origin === found.origin && k.key === key)) keys.push({ origin: found.origin, key });
    } catch {
      // A frame that is gone, or an opaque origin without storage, has nothing to record.
    }
  }
  return keys.sort((a, b) => a.origin.localeCompare(b.origin) || a.key.localeCompare(b.key));
}

/**
 * One phase in a fresh browser profile: open the page, answer the banner as the phase
 * says (only on a page that uses the library), reload, and record what the browser holds.
 */
export async function runPhase(browser: Browser, url: string, phase: PhaseName, hasOptionalCategories: boolean): Promise<PhaseResult> {
  const context = await browser.newContext();
  try {
    const writes = await watchCookieWrites(context);
    const page = await context.newPage();
    const libraryMessages: string[] = [];
    page.on('console', (message) => {
      const text = message.text();
      if (text.startsWith('council-cookie-consent:')) libraryMessages.push(text);
    });
    const network = watchNetwork(page);
    const steps = ['opened the page'];
    await open(page, url);
    const library = await usesLibrary(page);
    if (library) await libraryReady(page, steps);
    await network.settled();
    if (library && phase !== 'noChoice') {
      await accept(page, steps, hasOptionalCategories);
      await network.settled();
      if (phase === 'rejected') {
        await page.evaluate(() => (window as unknown as PageWindow).CookieConsent!.rejectAll());
        steps.push('rejected with CookieConsent.rejectAll()');
        await network.settled();
      }
      await open(page, url, true);
      steps.push('reloaded the page');
      if (await usesLibrary(page)) await libraryReady(page, steps);
      await network.settled();
    }
    const consent = library ? await page.evaluate(() => (window as unknown as PageWindow).CookieConsent?.getConsent() ?? null) : undefined;
    const finalUrl = page.url();
    const pageHost = new URL(finalUrl).hostname;
    const cookies = await recordCookies(context, pageHost);
    return {
      library,
      finalUrl,
      steps,
      cookies,
      setThenRemoved: setThenRemoved(writes, cookies, pageHost),
      localStorage: await recordLocalStorage(page),
      ...(library ? { consent } : {}),
      libraryMessages,
    };
  } finally {
    await context.close().catch(() => undefined);
  }
}
