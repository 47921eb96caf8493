import { type Browser, type BrowserContext, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, expect } from 'vitest';
// @ts-expect-error: the demo server is plain JavaScript.
import { startDemoServer } from '../../demo/serve.js';
import { CHROMIUM_ARGS, chromiumExecutable } from '../../src/cli/chromium.js';

export interface Route {
  body: string | ((url: URL, request: import('node:http').IncomingMessage) => string);
  type?: string;
  status?: number;
  headers?: Record<string, string>;
  delayMs?: number;
}

export interface DemoServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Test host names: both resolve to this machine, so cookies on their shared parent domain are real. */
export const WWW = 'www.example-council.test';
export const SUB = 'sub.example-council.test';

export const serveDemo = (routes: Record<string, Route> = {}): Promise<DemoServer> => startDemoServer({ port: 0, routes });

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumExecutable();
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP *.example-council.test 127.0.0.1'],
  });
}

/** A page in a fresh profile that collects console messages and page errors. */
export async function freshPage(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}) {
  const context: BrowserContext = await browser.newContext(options);
  const page: Page = await context.newPage();
  const messages: { type: string; text: string }[] = [];
  const errors: string[] = [];
  page.on('console', (message) => messages.push({ type: message.type(), text: message.text() }));
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, messages, errors };
}

/** Cookies the browser holds for the test domain, by name → domain list. */
export async function cookieJar(context: BrowserContext) {
  return (await context.cookies()).map(({ name, domain, value, expires, path }) => ({ name, domain, value, expires, path }));
}

export const cookieNames = async (context: BrowserContext) => (await cookieJar(context)).map((cookie) => cookie.name).sort();

/** Waits until the consent library has loaded the catalogue and read the choice. */
export async function consentReady(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { CookieConsent?: { ready: Promise<unknown> } }).CookieConsent);
  await page.evaluate(() => (window as unknown as { CookieConsent: { ready: Promise<unknown> } }).CookieConsent.ready.catch(() => null));
}

/** The banner's panel, if one is shown. */
export const banner = (page: Page) => page.locator('cookie-banner').getByRole('region');

/**
 * One demo server (with extra `routes`) and one Chromium for a test file, started before its
 * tests and stopped after. `routes` may be changed later: the server reads it per request.
 */
export function demoSession(routes: Record<string, Route> = {}) {
  const session = {} as { server: DemoServer; browser: Browser; origin: string };
  beforeAll(async () => {
    session.server = await serveDemo(routes);
    session.browser = await launchChromium();
    session.origin = `http://${WWW}:${session.server.port}`;
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

/** What the demo's blocked scripts recorded when they ran, in order. */
export const releaseLog = (page: Page) => page.evaluate(() => (window as unknown as { releaseLog?: string[] }).releaseLog ?? []);

/** Resolves after `count` animation frames: queued microtasks have drained and the page has rendered what they changed. */
export const animationFrames = (page: Page, count = 2) =>
  page.evaluate(
    (frames) =>
      new Promise<void>((resolve) => {
        const step = (left: number) => (left ? requestAnimationFrame(() => step(left - 1)) : resolve());
        step(frames);
      }),
    count,
  );

/**
 * Waits until start-up has done everything it will do unasked, so that "nothing happened" after
 * it means nothing will: the catalogue loaded and the choice read (`ready`; blocked elements
 * that are granted are released, synchronously in microtasks, before it resolves), the page
 * loaded (`pageshow` re-reads the choice), each interface part the core asked for loaded and its
 * elements defined (the banner is added only after its part has run), then two frames for
 * the banner's task, every library element's pending render, and two more frames. A part
 * that never loads makes this wait time out rather than pass.
 */
export async function startupSettled(page: Page): Promise<void> {
  await consentReady(page);
  await page.waitForFunction(() => document.readyState === 'complete');
  await page.evaluate(async () => {
    const parts: [string, string][] = [
      ['.banner.js', 'cookie-banner'],
      ['.details.js', 'cookie-table'],
    ];
    await Promise.all(
      parts.filter(([file]) => document.querySelector(`script[src*="${file}"]`)).map(([, element]) => customElements.whenDefined(element)),
    );
  });
  await animationFrames(page);
  await page.evaluate(() =>
    Promise.all(
      [...document.querySelectorAll('cookie-banner, cookie-table, cookie-preferences, cookie-embed-placeholder')].map(
        (element) => (element as Element & { updateComplete?: Promise<unknown> }).updateComplete,
      ),
    ),
  );
  await animationFrames(page);
}

/**
 * The blocked scripts the library has released: each blocked `<script type="text/plain">` is
 * replaced by a runnable copy keeping `data-cookie-category`, so this is seen in the page as
 * soon as it happens, before a released script has downloaded or run.
 */
export const releasedScripts = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLScriptElement>('script[data-cookie-category]:not([type="text/plain"])')].map((script) =>
      script.src ? new URL(script.src).pathname : `inline: ${script.text.trim().slice(0, 60)}`,
    ),
  );

/** After start-up has settled: nothing optional was released or ran. */
export async function expectNothingReleased(page: Page): Promise<void> {
  expect(await releasedScripts(page)).toEqual([]);
  expect(await releaseLog(page)).toEqual([]);
}

/** After a refusal: the next page view runs nothing optional and asks nothing. */
export async function reloadAndExpectNothingRuns(page: Page): Promise<void> {
  await page.reload();
  await startupSettled(page);
  await expectNothingReleased(page);
  expect(await page.locator('cookie-banner').count()).toBe(0);
}
