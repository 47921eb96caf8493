import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the demo's pages are plain JavaScript.
import { policyPage } from '../../demo/pages.js';
import { banner, consentReady, demoSession, freshPage } from '../support/e2e.js';
import { html, json, testPage, tunbridgeWells } from '../support/test-pages.js';

/**
 * The library on a typical council theme (demo/themes/drupal.css: a 62.5 % root font size,
 * border-box everywhere, its own buttons, tables and headings, striped rows, a dark mode with
 * the banner's dark colours), read as computed styles.
 */
const THEME = '<link rel="stylesheet" href="/demo/themes/drupal.css">';
const themedPolicy = (): string => policyPage('tunbridge-wells', { theme: 'drupal' });
const demo = demoSession({
  '/catalog.json': json(tunbridgeWells()),
  // The pasted tables, and one the element renders in its shadow root (nothing pasted), side by side.
  '/theme/policy.html': html(
    themedPolicy().replace('</main>', '<section id="rendered"><cookie-table category="analytics"></cookie-table></section></main>'),
  ),
  // A pasted table that no longer says what the catalogue says.
  '/theme/stale.html': html(themedPolicy().replace('<td class="cookie-table__cell" part="cell">2 years</td>', '<td>3 years</td>')),
  // A theme that shrinks the root and never sizes the body again: the page's text is 10 px.
  '/theme/bare-root.html': html(testPage({ head: '<style>html { font-size: 62.5% }</style>' })),
  // A page that asks for the library's dark colours and nothing else.
  '/theme/dark.html': html(testPage({ head: '<link rel="stylesheet" href="/dist/dark-mode.css">' })),
  '/theme/embed.html': html(
    readFileSync('demo/examples/embeds.html', 'utf8').replace(
      '<link rel="stylesheet" href="/demo/demo.css">',
      `<link rel="stylesheet" href="/demo/demo.css">${THEME}`,
    ),
  ),
});

/** Computed styles, in px and rgb(), of the nodes `selector` finds inside `host`'s shadow root (or in the page without `host`). */
const styles = (page: Page, host: string | null, selector: string, properties: string[]) =>
  page.evaluate(
    ({ host, selector, properties }) => {
      const root = host ? document.querySelector(host)!.shadowRoot! : document;
      return [...root.querySelectorAll(selector)].map((node) => {
        const computed = getComputedStyle(node);
        return Object.fromEntries(properties.map((property) => [property, computed.getPropertyValue(property)]));
      });
    },
    { host, selector, properties },
  );

const px = (value: string) => Number.parseFloat(value);

/** WCAG contrast ratio of two rgb() colours. */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, bl] = colour
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((c) => {
        const s = Number(c) / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

const bodyFontSize = (page: Page) => page.evaluate(() => getComputedStyle(document.body).fontSize);

/** The resident's default font size in the browser's settings (what `medium` is). */
async function preferFontSize(context: BrowserContext, page: Page, size: number) {
  const session = await context.newCDPSession(page);
  await session.send('Page.setFontSizes', { fontSizes: { standard: size } });
}

async function openDialog(page: Page) {
  await banner(page).getByRole('button', { name: 'Choose which cookies to use' }).click();
  await expect.poll(() => page.getByRole('dialog', { name: 'Cookie settings' }).isVisible()).toBe(true);
}

describe('text on a 62.5 % theme', () => {
  it('the banner, the dialog and its tables are at least the page’s body size (16 px), never 10 px', async () => {
    const { context, page } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/tunbridge-wells/?theme=drupal`);
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('10px');
    expect(await bodyFontSize(page)).toBe('16px');
    const [heading] = await styles(page, 'cookie-banner', 'h2', ['font-size']);
    expect(px(heading['font-size'])).toBe(24);
    for (const text of await styles(page, 'cookie-banner', 'p, button, a', ['font-size'])) expect(text['font-size']).toBe('16px');

    await openDialog(page);
    for (const text of await styles(page, 'cookie-preferences', 'p, label, button, th, td', ['font-size']))
      expect(text['font-size']).toBe('16px');
    expect(px((await styles(page, 'cookie-preferences', 'h2', ['font-size']))[0]['font-size'])).toBe(24);
    await context.close();
  });

  it('the embed placeholder too', async () => {
    const { context, page } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/theme/embed.html`);
    await expect.poll(() => page.locator('cookie-embed-placeholder').getByRole('button').isVisible()).toBe(true);
    for (const text of await styles(page, 'cookie-embed-placeholder', 'p, button, a', ['font-size']))
      expect(text['font-size']).toBe('16px');
    await context.close();
  });

  it('follows the resident’s own default size (24 px): the theme’s rem-sized body grows, and so does the banner', async () => {
    const { context, page } = await freshPage(demo.browser);
    await preferFontSize(context, page, 24);
    await page.goto(`${demo.origin}/tunbridge-wells/?theme=drupal`);
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    expect(await bodyFontSize(page)).toBe('24px');
    for (const text of await styles(page, 'cookie-banner', 'p, button', ['font-size'])) expect(text['font-size']).toBe('24px');
    await context.close();
  });

  it('is never smaller than the resident’s default size, even where the theme leaves the page’s text at 62.5 %', async () => {
    for (const preferred of [16, 24]) {
      const { context, page } = await freshPage(demo.browser);
      await preferFontSize(context, page, preferred);
      await page.goto(`${demo.origin}/theme/bare-root.html`);
      await expect.poll(() => banner(page).isVisible()).toBe(true);
      expect(px(await bodyFontSize(page))).toBe(preferred * 0.625);
      for (const text of await styles(page, 'cookie-banner', 'p, button', ['font-size'])) expect(text['font-size']).toBe(`${preferred}px`);
      await context.close();
    }
  });

  it('a page with larger text than the default (GOV.UK’s 19 px) gets a banner as large as its text', async () => {
    const { context, page } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/tunbridge-wells/`);
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    expect(await bodyFontSize(page)).toBe('19px');
    for (const text of await styles(page, 'cookie-banner', 'p, button', ['font-size'])) expect(text['font-size']).toBe('19px');
    await context.close();
  });
});

describe('buttons on a theme that styles button', () => {
  const LOOKS = [
    'background-color',
    'color',
    'border-radius',
    'text-transform',
    'letter-spacing',
    'box-shadow',
    'border-top-width',
    'font-weight',
  ];
  it('look exactly as without the theme, in the page’s font and text size, not the theme’s button font', async () => {
    const looks = async (path: string) => {
      const { context, page } = await freshPage(demo.browser);
      await page.goto(`${demo.origin}${path}`);
      await expect.poll(() => banner(page).isVisible()).toBe(true);
      const buttons = await styles(page, 'cookie-banner', 'button', [...LOOKS, 'font-family', 'font-size', 'padding-top', 'min-height']);
      const body = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
      await context.close();
      return { buttons, body };
    };
    const plain = await looks('/tunbridge-wells/');
    const themed = await looks('/tunbridge-wells/?theme=drupal');
    expect(themed.buttons).toHaveLength(3);
    themed.buttons.forEach((button, i) => {
      for (const property of LOOKS) expect(button[property], property).toBe(plain.buttons[i][property]);
      expect(button['font-family']).toBe(themed.body);
      expect(button['font-family']).not.toContain('Verdana');
      // Sized from its own text, as without the theme.
      expect(px(button['padding-top']) / px(button['font-size'])).toBeCloseTo(
        px(plain.buttons[i]['padding-top']) / px(plain.buttons[i]['font-size']),
        3,
      );
      expect(px(button['min-height']) / px(button['font-size'])).toBeCloseTo(2.75, 3);
    });
    expect(themed.buttons[0]['background-color']).toBe('rgb(0, 112, 60)');
    expect(themed.buttons[0]['border-radius']).toBe('0px');
    expect(themed.buttons[0]['text-transform']).toBe('none');
  });
});

describe('dark mode', () => {
  const colours = async (page: Page) => {
    const [panel] = await styles(page, 'cookie-banner', '.banner', ['background-color', 'border-top-color']);
    const [text] = await styles(page, 'cookie-banner', 'p', ['color']);
    const [link] = await styles(page, 'cookie-banner', 'a', ['color']);
    const [secondary] = await styles(page, 'cookie-banner', '[part~=choose-button]', ['color', 'background-color']);
    return { panel, text, link, secondary };
  };

  it('is the council’s to ask for: the theme’s dark custom properties apply when the resident prefers dark, and everything stays legible', async () => {
    const { context, page } = await freshPage(demo.browser, { colorScheme: 'dark' });
    await page.goto(`${demo.origin}/tunbridge-wells/?theme=drupal`);
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    const { panel, text, link, secondary } = await colours(page);
    // The theme's own (demo/themes/drupal.css), over the library's dark defaults.
    expect(panel['background-color']).toBe('rgb(30, 26, 36)');
    expect(panel['border-top-color']).toBe('rgb(206, 147, 216)');
    expect(link.color).toBe('rgb(206, 147, 216)');
    // The library's dark defaults, which the theme left alone.
    expect(text.color).toBe('rgb(243, 242, 241)');
    expect(secondary['background-color']).toBe('rgb(80, 90, 95)');
    expect(contrast(text.color, panel['background-color'])).toBeGreaterThanOrEqual(7);
    expect(contrast(link.color, panel['background-color'])).toBeGreaterThanOrEqual(4.5);
    expect(contrast(secondary.color, secondary['background-color'])).toBeGreaterThanOrEqual(4.5);

    await openDialog(page);
    const [dialog] = await styles(page, 'cookie-preferences', 'dialog', ['background-color', 'color']);
    const [cell] = await styles(page, 'cookie-preferences', '.cookie-table__cell', ['color', 'border-bottom-color']);
    expect(dialog['background-color']).toBe('rgb(30, 26, 36)');
    expect(contrast(dialog.color, dialog['background-color'])).toBeGreaterThanOrEqual(7);
    expect(contrast(cell.color, dialog['background-color'])).toBeGreaterThanOrEqual(7);
    expect(cell['border-bottom-color']).toBe('rgb(111, 119, 123)');
    await context.close();
  });

  it('a page that only links dist/dark-mode.css gets the library’s dark colours, legible, when the resident prefers dark', async () => {
    const { context, page } = await freshPage(demo.browser, { colorScheme: 'dark' });
    await page.goto(`${demo.origin}/theme/dark.html`);
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    const { panel, text, link, secondary } = await colours(page);
    expect(panel['background-color']).toBe('rgb(38, 39, 41)');
    expect(panel['border-top-color']).toBe('rgb(138, 184, 230)');
    expect(text.color).toBe('rgb(243, 242, 241)');
    expect(contrast(text.color, panel['background-color'])).toBeGreaterThanOrEqual(7);
    expect(contrast(link.color, panel['background-color'])).toBeGreaterThanOrEqual(4.5);
    expect(contrast(secondary.color, secondary['background-color'])).toBeGreaterThanOrEqual(4.5);
    await openDialog(page);
    const [dialog] = await styles(page, 'cookie-preferences', 'dialog', ['background-color', 'color']);
    expect(dialog['background-color']).toBe('rgb(38, 39, 41)');
    expect(contrast(dialog.color, dialog['background-color'])).toBeGreaterThanOrEqual(7);
    await context.close();
  });

  it('the same page stays light when the resident prefers light', async () => {
    const { context, page } = await freshPage(demo.browser, { colorScheme: 'light' });
    await page.goto(`${demo.origin}/theme/dark.html`);
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    expect((await colours(page)).panel['background-color']).toBe('rgb(243, 242, 241)');
    await context.close();
  });

  it('is light by default, GOV.UK’s colours, when the page does not ask, even if the resident prefers dark', async () => {
    const { context, page } = await freshPage(demo.browser, { colorScheme: 'dark' });
    await page.goto(`${demo.origin}/tunbridge-wells/`);
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    const { panel, text, link } = await colours(page);
    expect(panel['background-color']).toBe('rgb(243, 242, 241)');
    expect(panel['border-top-color']).toBe('rgb(29, 112, 184)');
    expect(text.color).toBe('rgb(11, 12, 12)');
    expect(link.color).toBe('rgb(29, 112, 184)');
    await context.close();
  });

  it('the theme’s light mode keeps GOV.UK’s colours too', async () => {
    const { context, page } = await freshPage(demo.browser, { colorScheme: 'light' });
    await page.goto(`${demo.origin}/tunbridge-wells/?theme=drupal`);
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    expect((await colours(page)).panel['background-color']).toBe('rgb(243, 242, 241)');
    await context.close();
  });
});

describe('cookie tables on the theme', () => {
  const LOOKS = [
    'font-size',
    'font-family',
    'font-weight',
    'font-style',
    'line-height',
    'color',
    'background-color',
    'text-transform',
    'letter-spacing',
    'text-align',
    'vertical-align',
    'white-space',
    'padding-top',
    'padding-right',
    'padding-bottom',
    'padding-left',
    'border-top-width',
    'border-bottom-width',
    'border-bottom-style',
    'border-bottom-color',
    'caption-side',
    'box-sizing',
  ];
  /** Each part of the analytics table pasted in the page, and of the one the element renders, with its box. */
  const parts = (page: Page, pasted: boolean) =>
    page.evaluate(
      ({ pasted, looks }) => {
        const root = pasted
          ? document.querySelector('cookie-table[category="analytics"]')!
          : document.querySelector('#rendered cookie-table')!.shadowRoot!;
        return [...root.querySelectorAll('table, caption, thead th, tbody th, tbody td')].map((node): Record<string, string | number> => {
          const computed = getComputedStyle(node);
          const box = node.getBoundingClientRect();
          return {
            tag: node.tagName,
            text: node.textContent!.replace(/\s+/g, ''),
            width: Math.round(box.width),
            height: Math.round(box.height),
            ...Object.fromEntries(looks.map((look) => [look, computed.getPropertyValue(look)])),
          };
        });
      },
      { pasted, looks: LOOKS },
    );

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 320, height: 640 },
  ])
    it(`pasted from \`tables\` and rendered by the element, they look the same, in the page’s text size (${viewport.width} px)`, async () => {
      const { context, page } = await freshPage(demo.browser, { viewport });
      await page.goto(`${demo.origin}/theme/policy.html`);
      await consentReady(page);
      await expect
        .poll(() => page.evaluate(() => !!document.querySelector('#rendered cookie-table')?.shadowRoot?.querySelector('table')))
        .toBe(true);
      // The pasted one is still the page's own (current, so kept), the other the element's.
      expect(
        await page.evaluate(() => !!document.querySelector('cookie-table[category="analytics"]')!.shadowRoot!.querySelector('slot')),
      ).toBe(true);
      const pasted = await parts(page, true);
      const rendered = await parts(page, false);
      expect(pasted.length).toBe(1 + 1 + 3 + 3 * 3);
      expect(rendered).toEqual(pasted);
      const cell = pasted.find((part) => part.tag === 'TD')!;
      expect(cell['font-size']).toBe('16px');
      expect(cell['background-color']).toBe('rgba(0, 0, 0, 0)');
      expect(cell['text-transform']).toBe('none');
      expect(pasted.find((part) => part.tag === 'CAPTION')!['caption-side']).toBe('top');
      await context.close();
    });

  it('reflow at 320 px: no column is cut off and nothing scrolls sideways, in the page and in the dialog', async () => {
    const { context, page } = await freshPage(demo.browser, { viewport: { width: 320, height: 640 } });
    await page.goto(`${demo.origin}/theme/policy.html`);
    await consentReady(page);
    /** For every table in the page or in `host`'s shadow root: how far its cells (or their text) reach past the table's container (or the cell), and the page past the window. */
    const overflow = (host: string | null) =>
      page.evaluate((host) => {
        const roots: ParentNode[] = host
          ? [document.querySelector(host)!.shadowRoot!]
          : [document, ...[...document.querySelectorAll('cookie-table')].map((table) => table.shadowRoot!)];
        const tables = roots.flatMap((root) => [...root.querySelectorAll('table')]);
        const beyond = tables.flatMap((table) => {
          const container = (table.getRootNode() instanceof ShadowRoot ? (table.getRootNode() as ShadowRoot).host : table).parentElement!;
          const { left, right } = container.getBoundingClientRect();
          return [...table.querySelectorAll('th, td')].map((cell) => {
            const box = cell.getBoundingClientRect();
            // The text too: a cell that keeps its width while a long name runs out of it (under the next cell) clips it.
            const text = document.createRange();
            text.selectNodeContents(cell);
            return Math.max(box.right - right, left - box.left, box.right - innerWidth, text.getBoundingClientRect().right - box.right);
          });
        });
        return {
          tables: tables.length,
          beyond: Math.max(...beyond),
          page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        };
      }, host);
    const inPage = await overflow(null);
    expect(inPage.tables).toBe(3);
    expect(inPage.beyond).toBeLessThanOrEqual(0.5);
    expect(inPage.page).toBeLessThanOrEqual(0);
    await openDialog(page);
    const inDialog = await page.evaluate(() => {
      const dialog = document.querySelector('cookie-preferences')!.shadowRoot!.querySelector('dialog')!;
      const body = dialog.querySelector('form')!.getBoundingClientRect();
      const cells = [...dialog.querySelectorAll('th, td')].map((cell) => {
        const text = document.createRange();
        text.selectNodeContents(cell);
        return { box: cell.getBoundingClientRect(), text: text.getBoundingClientRect() };
      });
      return {
        cells: cells.length,
        beyond: Math.max(...cells.map(({ box, text }) => Math.max(box.right - body.right, text.right - box.right))),
        scrolls: dialog.scrollWidth - dialog.clientWidth,
      };
    });
    expect(inDialog.cells).toBeGreaterThan(6);
    expect(inDialog.beyond).toBeLessThanOrEqual(0.5);
    expect(inDialog.scrolls).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('a pasted table gone stale is replaced by the element, which says so in the console', async () => {
    const { context, page, messages } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/theme/stale.html`);
    await consentReady(page);
    await expect
      .poll(() => messages.some((m) => m.type === 'warning' && m.text.includes('replaced the tables pasted inside it')))
      .toBe(true);
    const shown = await page.evaluate(
      () => document.querySelector('cookie-table[category="analytics"]')!.shadowRoot!.querySelector('table')?.textContent,
    );
    expect(shown).toContain('2 years');
    await context.close();
  });
});
