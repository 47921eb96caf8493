import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { animationFrames, banner, consentReady, demoSession, freshPage, startupSettled } from '../support/e2e.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const demo = demoSession();

/**
 * Whether the banner's space is reserved: the page's scroll padding and padding are as tall
 * as the panel (set by the banner's ResizeObserver once the panel has its size), so focus
 * scrolled into view lands above it and nothing moves any more.
 */
const bannerSpaceReserved = (page: Page) =>
  banner(page).evaluate((panel) => {
    const height = `${(panel as HTMLElement).offsetHeight}px`;
    const root = document.documentElement.style;
    return root.scrollPaddingBottom === height && root.paddingBottom === height;
  });

/** The focused element, looking through shadow roots: its tag, accessible text and whether it is in the banner. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let element = document.activeElement;
    const path: Element[] = [];
    while (element) {
      path.push(element);
      element = element.shadowRoot?.activeElement ?? null;
    }
    const deepest = path[path.length - 1];
    const rect = deepest?.getBoundingClientRect();
    return {
      tag: deepest?.tagName.toLowerCase(),
      text: (deepest?.textContent ?? '').trim().replace(/\s+/g, ' '),
      inBanner: path.some((e) => e.tagName === 'COOKIE-BANNER'),
      inDialog: path.some((e) => e.tagName === 'COOKIE-PREFERENCES'),
      rect: rect && { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right },
    };
  });

async function axeViolations(page: Page) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

describe('keyboard only', () => {
  it('accepts through the dialog, confirms, and hides the banner without a mouse', async () => {
    const { context, page } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/tunbridge-wells/`);
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    // The banner comes first in the reading order.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ text: 'Accept analytics cookies', inBanner: true });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ text: 'Reject analytics cookies', inBanner: true });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ text: 'Choose which cookies to use', inBanner: true });
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Cookie settings' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect((await focused(page)).inDialog).toBe(true);
    // Move to the analytics choice: the "Off" radio is checked (nothing granted yet); arrow to "On".
    for (let i = 0; i < 10 && (await focused(page)).tag !== 'input'; i++) await page.keyboard.press('Tab');
    expect(await dialog.getByRole('radio', { name: 'Off' }).isChecked()).toBe(true);
    await page.keyboard.press('ArrowLeft');
    expect(await dialog.getByRole('radio', { name: 'On' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Save cookie settings');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    // Focus lands on the confirmation, which a screen reader then reads.
    await expect.poll(async () => (await focused(page)).text).toContain('You’ve accepted analytics cookies.');
    await expect.poll(() => page.evaluate(() => (window as unknown as { releaseLog?: string[] }).releaseLog?.length ?? 0)).toBe(2);
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('change your cookie settings');
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Hide cookie message');
    await page.keyboard.press('Enter');
    await expect.poll(() => banner(page).count()).toBe(0);
    await context.close();
  });

  it('closes the dialog with Escape and returns focus to the control that opened it', async () => {
    const { context, page } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/tunbridge-wells/cookies.html`);
    await consentReady(page);
    await page.getByRole('button', { name: 'Cookie settings' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Cookie settings' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect((await focused(page)).text).toBe('Cookie settings');
    await context.close();
  });
});

describe('a focused control is never hidden under the banner', () => {
  for (const viewport of [
    { width: 1280, height: 400 },
    { width: 320, height: 568 },
  ])
    it(`at ${viewport.width}×${viewport.height}`, async () => {
      const { context, page } = await freshPage(demo.browser, { viewport });
      await page.goto(`${demo.origin}/tunbridge-wells/cookies.html`);
      await expect.poll(() => banner(page).isVisible()).toBe(true);
      await startupSettled(page);
      await expect.poll(() => bannerSpaceReserved(page)).toBe(true);
      let checked = 0;
      for (let i = 0; i < 20; i++) {
        await page.keyboard.press('Tab');
        const now = await focused(page);
        if (!now.rect || now.inBanner || now.tag === 'body') continue;
        const panel = await banner(page).boundingBox();
        expect(now.rect.bottom, `${now.text} is under the banner`).toBeLessThanOrEqual(panel!.y + 1);
        expect(now.rect.top).toBeGreaterThanOrEqual(0);
        checked++;
      }
      expect(checked).toBeGreaterThan(3);
      await context.close();
    });
});

describe('small screens and zoom', () => {
  it('fits 320 px wide at 400 % zoom (320×180 CSS px) with every control reachable', async () => {
    const { context, page } = await freshPage(demo.browser, { viewport: { width: 320, height: 180 } });
    await page.goto(`${demo.origin}/tunbridge-wells/`);
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const panel = (await banner(page).boundingBox())!;
    expect(panel.height).toBeLessThanOrEqual(180 * 0.6 + 1);
    for (const name of ['Accept analytics cookies', 'Reject analytics cookies', 'Choose which cookies to use']) {
      const button = banner(page).getByRole('button', { name });
      await button.focus();
      const box = (await button.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(320);
      expect(box.y).toBeGreaterThanOrEqual(panel.y - 1);
      expect(box.y + box.height).toBeLessThanOrEqual(180 + 1);
    }
    await banner(page).getByRole('button', { name: 'Choose which cookies to use' }).click();
    const dialogBox = (await page.getByRole('dialog').boundingBox())!;
    expect(dialogBox.width).toBeLessThanOrEqual(320);
    await context.close();
  });
});

describe('no layout shift', () => {
  for (const path of ['/tunbridge-wells/', '/tunbridge-wells/cookies.html', '/tonbridge-malling/', '/keighley/'])
    it(`${path} has a cumulative layout shift of 0 while the banner appears`, async () => {
      const { context, page } = await freshPage(demo.browser);
      await page.addInitScript(() => {
        const shifts = window as unknown as { cls: number; clsObserver: PerformanceObserver };
        const add = (entries: PerformanceEntryList) => {
          for (const entry of entries as unknown as { value: number; hadRecentInput: boolean }[])
            if (!entry.hadRecentInput) shifts.cls += entry.value;
        };
        shifts.cls = 0;
        shifts.clsObserver = new PerformanceObserver((list) => add(list.getEntries()));
        shifts.clsObserver.observe({ type: 'layout-shift', buffered: true });
        // Entries recorded but not yet delivered to the callback are counted too.
        (window as unknown as { settledCls: () => number }).settledCls = () => {
          add(shifts.clsObserver.takeRecords());
          return shifts.cls;
        };
      });
      await page.goto(`${demo.origin}${path}`);
      // Everything start-up adds has rendered: the banner (where one asks) with its space
      // reserved, the cookie tables; then two frames, so any shift they caused has been recorded.
      await startupSettled(page);
      if (await page.locator('cookie-banner').count()) await expect.poll(() => bannerSpaceReserved(page)).toBe(true);
      await animationFrames(page);
      expect(await page.evaluate(() => (window as unknown as { settledCls: () => number }).settledCls())).toBe(0);
      await context.close();
    });
});

describe('axe-core finds no violations', () => {
  it('in the banner', async () => {
    const { context, page } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/tunbridge-wells/`);
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('in the confirmation', async () => {
    const { context, page } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/tunbridge-wells/?lang=cy`);
    await banner(page).getByRole('button', { name: 'Gwrthod cwcis dadansoddi' }).click();
    await expect.poll(() => banner(page).textContent()).toContain('Rydych wedi gwrthod');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('in the preferences dialog', async () => {
    const { context, page } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/tonbridge-malling/`);
    await banner(page).getByRole('button', { name: 'Choose which cookies to use' }).click();
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('in the cookie tables of a policy page', async () => {
    const { context, page } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/tonbridge-malling/cookies.html`);
    await consentReady(page);
    await banner(page).getByRole('button', { name: 'Reject analytics cookies' }).click();
    await banner(page).getByRole('button', { name: 'Hide cookie message' }).click();
    await expect.poll(() => page.locator('cookie-table').getByRole('table').count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('user preferences', () => {
  it('stays usable in forced colours and with reduced motion', async () => {
    const { context, page } = await freshPage(demo.browser, { forcedColors: 'active', reducedMotion: 'reduce' });
    await page.goto(`${demo.origin}/tunbridge-wells/`);
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    const accept = banner(page).getByRole('button', { name: 'Accept analytics cookies' });
    const style = await accept.evaluate((button) => {
      const computed = getComputedStyle(button);
      return { border: computed.borderTopStyle, animation: computed.animationName, transition: computed.transitionDuration };
    });
    // A visible border marks each button when the system draws its own colours.
    expect(style.border).toBe('solid');
    expect(style.animation).toBe('none');
    await accept.focus();
    const outline = await accept.evaluate((button) => getComputedStyle(button).outlineStyle);
    expect(outline).toBe('solid');
    await context.close();
  });
});
