import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/definition.js';
import { consentReady, demoSession, freshPage } from '../support/e2e.js';
import { html, json, testPage, tunbridgeWells } from '../support/test-pages.js';

// Big enough that rebuilding it on every change would show; `npm run bench:big` measures 100,000.
const COUNT = 3000;
const base = tunbridgeWells();
const big: Catalog = {
  ...base,
  categories: [
    base.categories[0],
    {
      ...base.categories[1],
      cookies: Array.from({ length: COUNT }, (_, i) => ({
        name: i % 10 === 9 ? `svc${i}_*` : `cookie_${i}`,
        purpose: `Cookie ${i}`,
        expires: 'P1Y',
      })),
    },
  ],
};
const demo = demoSession({
  '/big.json': json(big),
  '/big.html': html(
    testPage({
      catalog: '/big.json',
      body: '<cookie-table category="analytics"></cookie-table><a href="#" data-cookie-settings>Cookie settings</a>',
    }),
  ),
});

describe('a catalogue of thousands of cookies', () => {
  it('a choice does not rebuild the cookie table or the dialog’s tables: their rows are the same nodes after', async () => {
    const { context, page } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/big.html`);
    await consentReady(page);
    await page.getByRole('link', { name: 'Cookie settings' }).click();
    await page.keyboard.press('Escape');
    const rows = () =>
      page.evaluate(() => {
        const tableRows = document.querySelector('cookie-table')!.shadowRoot!.querySelectorAll('tbody tr');
        const dialogRows = document.querySelector('cookie-preferences')!.shadowRoot!.querySelectorAll('tbody tr');
        return { tableRows: tableRows.length, dialogRows: dialogRows.length };
      });
    expect(await rows()).toEqual({ tableRows: COUNT, dialogRows: COUNT + 1 });
    await page.evaluate(() => {
      for (const host of ['cookie-table', 'cookie-preferences'])
        (document.querySelector(host)!.shadowRoot!.querySelector('tbody tr:last-child') as unknown as { marked: boolean }).marked = true;
    });
    await page.evaluate(() => {
      const api = (window as unknown as { CookieConsent: { rejectAll(): void; acceptAll(): void } }).CookieConsent;
      api.rejectAll();
      api.acceptAll();
    });
    await page.getByRole('link', { name: 'Cookie settings' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Cookie settings' }).isVisible()).toBe(true);
    expect(
      await page.evaluate(() =>
        ['cookie-table', 'cookie-preferences'].map(
          (host) =>
            (document.querySelector(host)!.shadowRoot!.querySelector('tbody tr:last-child') as unknown as { marked?: boolean }).marked,
        ),
      ),
    ).toEqual([true, true]);
    await context.close();
  });
});
