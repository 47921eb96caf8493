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

/** After a refusal: the next page view runs nothing optional and asks nothing. */
export async function reloadAndExpectNothingRuns(page: Page): Promise<void> {
  await page.reload();
  await consentReady(page);
  await page.waitForTimeout(200);
  expect(await releaseLog(page)).toEqual([]);
  expect(await page.locator('cookie-banner').count()).toBe(0);
}
