import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/definition.js';
import { runCli } from '../cli/run-cli.js';
import { banner, cookieJar, demoSession, freshPage, type Route } from '../support/e2e.js';
import { type ReceiverProcess, startReceiver } from '../support/receiver-process.mjs';
import { html, json, testPage, tunbridgeWells } from '../support/test-pages.js';

/** The council's log on a host name of its own, as a council running the receiver beside its site would have it. */
const LOG_HOST = 'log.example-council.test';
const base = tunbridgeWells();
const withLog = (logUrl: string): Catalog => ({
  ...base,
  categories: [
    ...base.categories,
    { id: 'marketing', title: 'Marketing cookies (optional)', description: 'Adverts about council services.', cookies: [] },
  ],
  consentLog: { url: logUrl },
});

// The demo server reads its routes per request: the catalogue is added once the receiver's port is known.
const routes: Record<string, Route> = {
  '/receipts.html': html(
    testPage({ catalog: '/receipts.json', body: '<button type="button" data-cookie-settings>Cookie settings</button>' }),
  ),
};
const demo = demoSession(routes);
let receiver: ReceiverProcess;
let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'receipts-e2e-'));
  db = join(dir, 'receipts.db');
  receiver = await startReceiver(['--db', db, '--allow-origin', demo.origin]);
  routes['/receipts.json'] = json(withLog(`http://${LOG_HOST}:${new URL(receiver.url).port}/receipts`));
});
afterAll(async () => {
  expect((await receiver?.stop())?.code).toBe(0);
  rmSync(dir, { recursive: true, force: true });
});

interface FoundReceipt {
  method: string;
  categories: Record<string, boolean>;
  time: string;
  site: string;
}

const find = async (consentId: string): Promise<FoundReceipt[]> => {
  const { stdout } = await runCli(['receipts', 'find', consentId, '--json', '--db', db]);
  return stdout ? JSON.parse(stdout).receipts : [];
};

const consentCookie = async (page: Page) => {
  const cookie = (await cookieJar(page.context())).find((c) => c.name === base.consentCookie.name);
  return cookie && JSON.parse(decodeURIComponent(cookie.value));
};

async function saveInDialog(page: Page, answers: Record<string, 'On' | 'Off'>) {
  await page.locator('button[data-cookie-settings]').click();
  const dialog = page.getByRole('dialog', { name: 'Cookie settings' });
  for (const [title, answer] of Object.entries(answers))
    await dialog.getByRole('group', { name: title }).getByRole('radio', { name: answer }).check();
  await dialog.getByRole('button', { name: 'Save cookie settings' }).click();
}

describe('proof of consent, end to end', () => {
  it('accept, change, reject: the receiver stores three receipts, and find returns them in order with the right answers', async () => {
    const { context, page, errors } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/receipts.html`);
    await banner(page)
      .getByRole('button', { name: /^Accept/ })
      .click();
    await expect.poll(() => consentCookie(page)).toMatchObject({ method: 'accept' });
    const { consentId } = await consentCookie(page);
    await expect.poll(async () => (await find(consentId)).length, { timeout: 15_000 }).toBe(1);

    await saveInDialog(page, { 'Marketing cookies (optional)': 'Off' });
    await expect.poll(async () => (await find(consentId)).length, { timeout: 15_000 }).toBe(2);

    await saveInDialog(page, { 'Analytics cookies (optional)': 'Off' });
    await expect.poll(async () => (await find(consentId)).length, { timeout: 15_000 }).toBe(3);

    const receipts = await find(consentId);
    expect(receipts.map(({ method, categories }) => ({ method, categories }))).toEqual([
      { method: 'accept', categories: { analytics: true, marketing: true } },
      { method: 'preferences', categories: { analytics: true, marketing: false } },
      { method: 'preferences', categories: { analytics: false, marketing: false } },
    ]);
    // Each receipt is the choice the cookie held: the last one is what the browser keeps now.
    const cookie = await consentCookie(page);
    expect(receipts[2].time).toBe(new Date(cookie.time).toISOString());
    expect(receipts.every((receipt) => receipt.site === base.site.domain)).toBe(true);
    // The resident reads the same id in the cookie settings, to quote when they ask.
    await page.locator('button[data-cookie-settings]').click();
    const dialog = page.getByRole('dialog', { name: 'Cookie settings' });
    await expect.poll(() => dialog.locator('code').textContent()).toBe(consentId);
    await page.keyboard.press('Escape');
    const stats = JSON.parse((await runCli(['receipts', 'stats', '--json', '--db', db])).stdout).periods[0];
    expect(stats.outcomes).toEqual({ accepted: 1, rejected: 1, partial: 1, none: 0 });
    expect(errors).toEqual([]);
    await context.close();
  });
});
