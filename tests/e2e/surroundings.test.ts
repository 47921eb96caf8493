import { describe, expect, it } from 'vitest';
import { banner, consentReady, cookieNames, demoSession, freshPage, releaseLog } from '../support/e2e.js';
import { html, json, testPage, tunbridgeWells } from '../support/test-pages.js';

/** Pages that make the library's job harder: a broken dataLayer, a hidden banner or dialog already in the page. */
const demo = demoSession({
  '/catalog.json': json(tunbridgeWells()),
  '/frozen-datalayer.html': html(testPage({ head: '<script>window.dataLayer = Object.freeze([]);</script>' })),
  '/object-datalayer.html': html(testPage({ head: '<script>window.dataLayer = { push() {} };</script>' })),
  '/hidden-banner.html': html(testPage({ body: '<div style="display:none"><cookie-banner></cookie-banner></div>' })),
  '/theme-hides-banner.html': html(testPage({ head: '<style>cookie-banner { display: none }</style>' })),
  '/hidden-dialog.html': html(
    testPage({
      body: '<cookie-preferences style="display:none"></cookie-preferences><a href="/cookies" data-cookie-settings>Cookie settings</a>',
    }),
  ),
  '/theme-hides-dialog.html': html(
    testPage({
      head: '<style>cookie-preferences { display: none }</style>',
      body: '<a href="/cookies" data-cookie-settings>Cookie settings</a>',
    }),
  ),
  // A theme that fades the library's elements in, through the documented ::part() and host styling.
  '/fading-dialog.html': html(
    testPage({
      head: '<style>cookie-preferences::part(dialog) { animation: fade-in 2s } @keyframes fade-in { from { opacity: 0 } }</style>',
      body: '<a href="/cookies" data-cookie-settings>Cookie settings</a>',
    }),
  ),
  '/fading-banner.html': html(
    testPage({ head: '<style>cookie-banner { animation: fade-in 2s } @keyframes fade-in { from { opacity: 0 } }</style>' }),
  ),
});

const consoleSays = (messages: { type: string; text: string }[], type: string, text: string) =>
  messages.some((m) => m.type === type && m.text.includes('council-cookie-consent') && m.text.includes(text));

describe('a dataLayer that cannot take Consent Mode signals', () => {
  for (const path of ['/frozen-datalayer.html', '/object-datalayer.html'])
    it(`${path}: the console names window.dataLayer, the banner still shows and the choice still works`, async () => {
      const { context, page, messages, errors } = await freshPage(demo.browser);
      await page.goto(`${demo.origin}${path}`);
      await expect.poll(() => consoleSays(messages, 'error', 'window.dataLayer')).toBe(true);
      await banner(page).getByRole('button', { name: 'Accept analytics cookies' }).click();
      await expect.poll(() => releaseLog(page)).toEqual(['stand-in-analytics', 'inline-after-analytics']);
      expect(await cookieNames(context)).toContain('CookieControl');
      expect(errors).toEqual([]);
      await context.close();
    });
});

describe('elements of ours already hidden in the page', () => {
  it('a hidden <cookie-banner> (a stored injection) does not stand in for the banner: a visible one asks', async () => {
    const { context, page, messages } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/hidden-banner.html`);
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    await expect.poll(() => consoleSays(messages, 'warning', 'is hidden')).toBe(true);
    expect(await page.locator('cookie-banner').count()).toBe(1);
    await context.close();
  });

  it('a theme that hides every <cookie-banner> is named in the console, and nothing optional runs', async () => {
    const { context, page, messages } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/theme-hides-banner.html`);
    await expect.poll(() => consoleSays(messages, 'error', 'hides <cookie-banner>')).toBe(true);
    expect(await releaseLog(page)).toEqual([]);
    await context.close();
  });

  it('a hidden <cookie-preferences> already in the page is never the one opened: the settings open visibly', async () => {
    const { context, page } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/hidden-dialog.html`);
    await consentReady(page);
    await page.getByRole('link', { name: 'Cookie settings' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Cookie settings' }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await context.close();
  });

  it('a theme that hides the dialog cannot trap focus in an invisible modal: it is closed again and named in the console', async () => {
    const { context, page, messages } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/theme-hides-dialog.html`);
    await consentReady(page);
    await page.getByRole('link', { name: 'Cookie settings' }).click();
    await expect.poll(() => consoleSays(messages, 'error', 'hides <cookie-preferences>')).toBe(true);
    // The page is not inert: its own link still takes focus from the keyboard.
    expect(await page.evaluate(() => document.querySelector('cookie-preferences')?.shadowRoot?.querySelector('dialog')?.open)).toBe(false);
    await page.getByRole('link', { name: 'A link' }).focus();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('A link');
    await context.close();
  });

  it('a theme that fades the dialog in (::part(dialog) animated from opacity 0) still gets a dialog that opens and stays open', async () => {
    const { context, page, messages } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/fading-dialog.html`);
    await consentReady(page);
    await page.getByRole('link', { name: 'Cookie settings' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Cookie settings' }).isVisible(), { timeout: 10000 }).toBe(true);
    await expect.poll(() => page.evaluate(() => document.getAnimations().length), { timeout: 10000 }).toBe(0);
    expect(await page.getByRole('dialog', { name: 'Cookie settings' }).isVisible()).toBe(true);
    expect(consoleSays(messages, 'error', 'hides <cookie-preferences>')).toBe(false);
    await context.close();
  });

  it('a theme that fades the banner in: the banner asks, and the console does not say the CSS hides it', async () => {
    const { context, page, messages } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/fading-banner.html`);
    await consentReady(page);
    await expect.poll(() => banner(page).isVisible(), { timeout: 10000 }).toBe(true);
    // The fade is over, and with it any check the library made of the banner as it appeared.
    await expect.poll(() => page.evaluate(() => document.getAnimations().length), { timeout: 10000 }).toBe(0);
    await banner(page).getByRole('button', { name: 'Accept analytics cookies' }).click();
    await expect.poll(() => releaseLog(page)).toEqual(['stand-in-analytics', 'inline-after-analytics']);
    expect(messages.filter((m) => m.text.includes('hides <cookie-banner>'))).toEqual([]);
    await context.close();
  });
});
