import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, ROOT } from '../cli/run-cli.js';
import { demoSession, freshPage } from '../support/e2e.js';
import {
  announced,
  downloadCatalogue,
  EDITOR_FILE,
  EDITOR_PATH,
  expectValid,
  field,
  fillField,
  openEditor,
  preview,
  requireEditorBuild,
  startFromBundled,
} from '../support/editor.js';

/**
 * The catalogue editor, from each place an officer starts to a file that `validate` passes:
 * a blank catalogue, a bundled council, a file opened or dropped, a pasted policy (text and
 * HTML), a pasted Cookie Control configuration. Served by the demo server, driven in Chromium.
 */
const demo = demoSession();
beforeAll(requireEditorBuild);

const editorUrl = () => `${demo.origin}${EDITOR_PATH}`;

async function editor() {
  const session = await freshPage(demo.browser, { acceptDownloads: true });
  await openEditor(session.page, editorUrl());
  return session;
}

/** The cookie's disclosure, opened, by its name in a category's list. */
async function openCookie(page: Page, name: string) {
  const details = page.locator('details.cookie', {
    has: page.locator('.cookie__name', { hasText: new RegExp(`^${name.replace(/[*.]/g, '\\$&')}$`) }),
  });
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) await details.locator('summary').click();
  return details;
}

describe('from a blank catalogue', () => {
  it('builds a catalogue with an analytics category, taking the known-cookie suggestions only when asked', async () => {
    const { context, page, errors } = await editor();
    await page.getByRole('button', { name: 'Start a blank catalogue' }).click();
    await page.locator('#catalogue-heading').waitFor();
    // Nothing is said wrong before anything is typed; the download would still be refused.
    expect(await page.locator('.error-message').count()).toBe(0);
    await fillField(page, 'site.name', 'Example Borough Council');
    await fillField(page, 'site.domain', 'example.gov.uk');

    await page.locator('#new-category-kind').selectOption('analytics');
    await page.getByRole('button', { name: 'Add a category' }).click();
    await expect.poll(() => page.locator('.category').count()).toBe(2);
    await page.getByRole('button', { name: 'Add a cookie to “Analytics cookies (optional)”' }).click();
    // Focus goes to the new cookie's name.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('field-categories-1-cookies-0-name');
    await page.keyboard.type('_ga');
    await page.keyboard.press('Tab');

    // The known-cookie table offers; nothing is written until a button is pressed. (The blank
    // catalogue's essential category already lists the consent cookie: find _ga by its name.)
    const cookie = await openCookie(page, '_ga');
    await expect.poll(() => cookie.locator('.suggestion').textContent()).toContain('Google Analytics');
    expect(await field(page, 'categories[1].cookies[0].purpose').inputValue()).toBe('');
    expect(await field(page, 'categories[1].cookies[0].provider').inputValue()).toBe('');
    await cookie.getByRole('button', { name: 'Use this purpose for _ga' }).click();
    // Its button gone, focus moves to the next offer rather than being dropped.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent?.replace(/\s+/g, ' ').trim()))
      .toBe('Use this provider for _ga');
    await cookie.getByRole('button', { name: 'Use this provider for _ga' }).click();
    await cookie.getByRole('button', { name: 'Use this lifetime for _ga' }).click();
    expect(await field(page, 'categories[1].cookies[0].purpose').inputValue()).toMatch(/count how many people visit/);
    expect(await field(page, 'categories[1].cookies[0].provider').inputValue()).toBe('Google Analytics');
    expect(await field(page, 'categories[1].cookies[0].expires').inputValue()).toBe('2');
    await expect.poll(() => cookie.locator('.suggestion').count()).toBe(0);

    const { file, name, json } = await downloadCatalogue(page);
    expect(name).toBe('cookie-catalogue.json');
    await expectValid(file);
    expect(json.site).toEqual({ name: 'Example Borough Council', domain: 'example.gov.uk' });
    expect((json.categories as { cookies: unknown[] }[])[1].cookies).toEqual([
      {
        name: '_ga',
        purpose: 'Helps us count how many people visit the website by telling us if you have visited before.',
        expires: 'P2Y',
        provider: 'Google Analytics',
      },
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('from a bundled council', () => {
  it('edits Tunbridge Wells, proposes a new revision, says what changed, and downloads a valid file', async () => {
    const { context, page } = await editor();
    await startFromBundled(page, 'tunbridge-wells.json');
    expect(await page.locator('#what-changed').textContent()).toContain('Nothing has changed');
    expect(await page.locator('#revision-proposal').count()).toBe(0);

    // A new cookie, with its lifetime as a number and a unit (1 year and 6 months).
    await page.getByRole('button', { name: 'Add a cookie to “Analytics cookies (optional)”' }).click();
    await fillField(page, 'categories[1].cookies[3].name', '_clck');
    await fillField(page, 'categories[1].cookies[3].purpose', 'Counts how often you come back.');
    await page.locator('#field-categories-1-cookies-3-expires').check();
    await fillField(page, 'categories[1].cookies[3].expires', '1');
    await page.getByRole('button', { name: 'Add another unit' }).click();
    await page.locator('#field-categories-1-cookies-3-expires-amount-1').fill('6');
    await page.locator('#field-categories-1-cookies-3-expires-unit-1').selectOption('M');
    // And a changed purpose.
    const ga = await openCookie(page, '_ga');
    await ga.locator('#field-categories-1-cookies-0-purpose').fill('Counts visits to our website.');

    await expect.poll(() => page.locator('#revision-proposal').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Raise the revision to 2' }).click();
    expect(await field(page, 'revision').inputValue()).toBe('2');
    await expect.poll(() => page.locator('#revision-proposal').count()).toBe(0);

    const changes = await page.locator('#what-changed li').allTextContents();
    expect(changes).toEqual([
      'Raised the revision from 1 to 2: every resident will be asked again.',
      'Changed the cookie “_ga” in “Analytics cookies (optional)”: purpose changed from “Helps us count how many people visit our website by telling us if you’ve visited before.” to “Counts visits to our website.”.',
      'Added the cookie “_clck” to “Analytics cookies (optional)”.',
    ]);
    expect(await page.locator('#what-changed-text').inputValue()).toBe(changes.map((change) => `- ${change}`).join('\n'));

    const { file, name, json } = await downloadCatalogue(page);
    expect(name).toBe('tunbridge-wells.json');
    await expectValid(file);
    expect(json.revision).toBe(2);
    expect((json.categories as { cookies: { name: string; expires: string }[] }[])[1].cookies[3]).toMatchObject({
      name: '_clck',
      expires: 'P1Y6M',
    });
    // Everything not edited is as it was, in the same order of keys.
    const original = JSON.parse(readFileSync(fixture('../../cookie-catalogs/tunbridge-wells.json'), 'utf8'));
    expect(Object.keys(json)).toEqual(Object.keys(original));
    expect(json.consentCookie).toEqual(original.consentCookie);
    await context.close();
  });
});

describe('from a file', () => {
  it('opens a catalogue file with the file chooser', async () => {
    const { context, page } = await editor();
    await page.locator('#open-file').setInputFiles(fixture('cli/york-draft.json'));
    await page.locator('#catalogue-heading').waitFor();
    expect(await page.locator('.started').textContent()).toContain('Started from the file york-draft.json');
    expect(await field(page, 'site.name').inputValue()).toBe('City of York Council');
    // Its review questions are shown at their fields.
    expect(await page.locator('.review-question').count()).toBeGreaterThan(0);
    const { file, name } = await downloadCatalogue(page);
    expect(name).toBe('york-draft.json');
    expect(await expectValid(file)).toMatch(/a draft/);
    await context.close();
  });

  it('imports a policy page dropped on the page', async () => {
    const { context, page } = await editor();
    const html = readFileSync(fixture('cli/council-layouts.html'), 'utf8');
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'cookies.html', { type: 'text/html' }));
      return transfer;
    }, html);
    await page.locator('.start').dispatchEvent('dragover', { dataTransfer });
    await page.locator('.start').dispatchEvent('drop', { dataTransfer });
    await page.locator('#catalogue-heading').waitFor();
    expect(await page.locator('.started').textContent()).toContain('Started from the file cookies.html');
    expect(await page.locator('details.cookie').count()).toBeGreaterThan(3);
    const { file } = await downloadCatalogue(page);
    await expectValid(file);
    await context.close();
  });

  it('says why a file cannot be used, and keeps the page as it was', async () => {
    const { context, page } = await editor();
    const broken = join(tmpdir(), 'broken-catalogue.json');
    writeFileSync(broken, '{ "site": { "name": "X" }, "revision": 1,, }');
    await page.locator('#open-file').setInputFiles(broken);
    await expect
      .poll(() => page.locator('#start-error').textContent())
      .toMatch(/broken-catalogue\.json is not valid JSON: .* at line 1, column 42/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('start-error');
    expect(await page.locator('#catalogue-heading').count()).toBe(0);
    writeFileSync(broken, '{ "categories": "none" }');
    await page.locator('#open-file').setInputFiles(broken);
    await expect.poll(() => page.locator('#start-error').textContent()).toContain('“categories” is not a list');
    await context.close();
  });
});

describe('from a pasted policy', () => {
  it('imports a council’s policy text, and the officer answers its questions', async () => {
    const { context, page } = await editor();
    await page.locator('#policy-text').fill(readFileSync(fixture('council-pages/york-council-and-democracy.txt'), 'utf8'));
    await page.locator('#policy-site-name').fill('City of York Council');
    await page.locator('#policy-domain').fill('york.gov.uk');
    await page.getByRole('button', { name: 'Read the policy' }).click();
    await page.locator('#catalogue-heading').waitFor();
    expect(await field(page, 'site.name').inputValue()).toBe('City of York Council');
    const questions = await page.locator('.review-question').count();
    expect(questions).toBeGreaterThan(5);

    // "Who sets it?": answered by taking the known-cookie table's provider for _gid.
    const gid = await openCookie(page, '_gid');
    await gid.getByRole('button', { name: 'Use this provider for _gid' }).click();
    await expect.poll(() => page.locator('.review-question').count()).toBe(questions - 1);
    // Its last question answered, the cookie stays open, with focus on the field just written.
    expect(await gid.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toMatch(/^field-categories-\d+-cookies-\d+-provider$/);
    // Another, marked answered by hand.
    await page
      .locator('.review-question')
      .first()
      .getByRole('button', { name: /^Mark as answered/ })
      .click();
    await expect.poll(() => page.locator('.review-question').count()).toBe(questions - 2);
    expect(await page.locator('#what-changed').textContent()).toContain('Answered 2 open questions from the import.');

    const { file, name, json } = await downloadCatalogue(page);
    expect(name).toBe('city-of-york-council.json');
    expect(await expectValid(file)).toMatch(/valid, but a draft: \d+ question/);
    expect(Object.keys(json.review as object)).toHaveLength(questions - 2);
    await context.close();
  });

  it('imports a policy pasted as HTML', async () => {
    const { context, page } = await editor();
    await page.locator('#policy-text').fill(readFileSync(fixture('cli/html-table-columns-reordered.html'), 'utf8'));
    await page.getByRole('button', { name: 'Read the policy' }).click();
    await page.locator('#catalogue-heading').waitFor();
    // The importer found no council name: the field says so, and the download waits for it.
    await fillField(page, 'site.name', 'Example District Council');
    const { file } = await downloadCatalogue(page);
    await expectValid(file);
    await context.close();
  });

  it('says when nothing was pasted', async () => {
    const { context, page } = await editor();
    await page.getByRole('button', { name: 'Read the policy' }).click();
    await expect.poll(() => page.locator('#start-error').textContent()).toContain('Paste your cookie policy first');
    await context.close();
  });
});

describe('from a pasted Cookie Control configuration', () => {
  it('turns its categories and cookies into a catalogue that takes over residents’ choices', async () => {
    const { context, page } = await editor();
    await page.locator('#cookie-control-text').fill(readFileSync(fixture('cookie-control/eastvale-cookie-control.js'), 'utf8'));
    await page.getByRole('button', { name: 'Read the configuration' }).click();
    await page.locator('#catalogue-heading').waitFor();
    expect(await page.locator('.started').textContent()).toContain('your Cookie Control configuration');
    expect(await field(page, 'site.domain').inputValue()).toBe('eastvale.gov.uk');
    expect(await page.locator('#advanced-heading').isVisible()).toBe(true);
    expect(await field(page, 'migrate.cookieControl.name').inputValue()).toBe('CookieControl');
    await fillField(page, 'site.name', 'Eastvale District Council');
    const { file, json } = await downloadCatalogue(page);
    await expectValid(file);
    expect((json.migrate as { cookieControl: { name: string } }).cookieControl.name).toBe('CookieControl');
    await context.close();
  });

  it('says when what was pasted is not a Cookie Control configuration', async () => {
    const { context, page } = await editor();
    await page.locator('#cookie-control-text').fill('<p>Our cookie policy</p>');
    await page.getByRole('button', { name: 'Read the configuration' }).click();
    await expect.poll(() => page.locator('#start-error').textContent()).toContain('No Cookie Control configuration was found');
    await context.close();
  });
});

describe('an invalid field', () => {
  it('shows the validator’s problem at the field, says it, and refuses the download until it is fixed', async () => {
    const { context, page } = await editor();
    let downloads = 0;
    page.on('download', () => downloads++);
    await startFromBundled(page, 'tunbridge-wells.json');

    await fillField(page, 'consentCookie.expiresDays', '500');
    const message = 'expected a whole number of at least 1 and at most 400, found 500';
    // Said by the live region, shown at the field, which is marked invalid and described by it.
    expect(await page.locator('#announcer').getAttribute('role')).toBe('status');
    expect(await page.locator('#announcer').getAttribute('aria-live')).toBe('polite');
    await expect.poll(() => announced(page)).toBe(`Days the choice is kept: ${message}`);
    expect(await page.locator('#field-consentCookie-expiresDays-error').textContent()).toContain(message);
    expect(await field(page, 'consentCookie.expiresDays').getAttribute('aria-invalid')).toBe('true');
    expect(await field(page, 'consentCookie.expiresDays').getAttribute('aria-describedby')).toContain(
      'field-consentCookie-expiresDays-error',
    );

    // A lifetime that is not a number: the form's own words.
    const ga = await openCookie(page, '_ga');
    await ga.locator('#field-categories-1-cookies-0-expires').fill('two');
    await ga.locator('#field-categories-1-cookies-0-expires').blur();
    await expect.poll(() => announced(page)).toContain('“two” is not a whole number');

    await page.locator('#download-catalogue').click();
    await expect.poll(() => announced(page)).toContain('The catalogue was not downloaded: 2 problems to fix.');
    expect(await announced(page)).toContain(`Days the choice is kept: ${message}`);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('download-problems');
    expect(downloads).toBe(0);

    // The summary links to the field.
    await page
      .locator('#download-problems')
      .getByRole('link', { name: /Days the choice is kept/ })
      .click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-consentCookie-expiresDays');
    await fillField(page, 'consentCookie.expiresDays', '365');
    await fillField(page, 'categories[1].cookies[0].expires', '2');
    await expect.poll(() => page.locator('#download-status').textContent()).toContain('no problems');
    const { file } = await downloadCatalogue(page);
    await expectValid(file);
    await context.close();
  });

  it('reports what the command line reports: a public suffix, an unknown key it can remove', async () => {
    const { context, page } = await editor();
    const file = join(tmpdir(), 'typo-catalogue.json');
    const catalog = JSON.parse(readFileSync(fixture('../../cookie-catalogs/tunbridge-wells.json'), 'utf8'));
    catalog.categories[1].cookies[0].purpse = catalog.categories[1].cookies[0].purpose;
    writeFileSync(file, JSON.stringify(catalog));
    await page.locator('#open-file').setInputFiles(file);
    await page.locator('#catalogue-heading').waitFor();
    const ga = await openCookie(page, '_ga');
    expect(await ga.locator('.group-problems').textContent()).toContain('unknown key (allowed here: name, purpose, expires');
    await ga.getByRole('button', { name: 'Remove “purpse”' }).click();
    await expect.poll(() => page.locator('.group-problems').count()).toBe(0);

    await fillField(page, 'site.domain', 'gov.uk');
    await expect.poll(() => page.locator('#field-site-domain-error').textContent()).toContain('"gov.uk" is a public suffix');
    await context.close();
  });
});

describe('the preview', () => {
  it('shows the real banner in English, then in Welsh, with the catalogue’s own Welsh text', async () => {
    const { context, page, errors } = await editor();
    await startFromBundled(page, 'tunbridge-wells.json');
    const frame = preview(page);
    await expect.poll(() => frame.getByRole('button', { name: 'Accept analytics cookies' }).isVisible()).toBe(true);
    expect(await frame.locator('h1').textContent()).toBe('Tunbridge Wells Borough Council');

    await page.locator('#preview-lang-cy').check();
    await expect.poll(() => frame.getByRole('button', { name: 'Derbyn cwcis dadansoddi' }).isVisible()).toBe(true);
    expect(await frame.locator('html').getAttribute('lang')).toBe('cy');
    expect(await frame.getByRole('region').first().textContent()).toContain('Cwcis ar Tunbridge Wells Borough Council');
    // The policy table, with the catalogue's own Welsh purpose for _ga.
    const analyticsTable = frame.locator('cookie-table table[data-category="analytics"]');
    expect(await analyticsTable.locator('caption').textContent()).toBe('Cwcis dadansoddi (dewisol)');
    expect(await analyticsTable.textContent()).toContain('Yn ein helpu i gyfrif faint o bobl');
    expect(await frame.getByRole('button', { name: 'Gwrthod cwcis dadansoddi' }).isVisible()).toBe(true);
    expect(await page.locator('iframe.preview__frame').getAttribute('title')).toContain('in Welsh');
    // The settings dialog, in Welsh, from the editor's own button.
    await page.getByRole('button', { name: 'Open the cookie settings' }).click();
    await expect.poll(() => frame.getByRole('dialog', { name: 'Gosodiadau cwcis' }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('what the officer leaves with', () => {
  it('offers the tables’ HTML in English and Welsh, and the script tag with the core’s integrity hash', async () => {
    const { context, page } = await editor();
    await startFromBundled(page, 'tunbridge-wells.json');
    const tables = page.locator('#tables-html');
    expect(await tables.inputValue()).toContain('<table');
    expect(await tables.inputValue()).toContain('_ga');
    expect(await tables.inputValue()).toContain('Analytics cookies');
    await page.locator('label[for="tables-cy"]').click();
    await expect
      .poll(() => tables.inputValue())
      .toContain('<caption class="cookie-table__caption" part="caption">Cwcis dadansoddi (dewisol)</caption>');
    expect(await tables.inputValue()).toContain('Yn ein helpu i gyfrif faint o bobl');

    const core = readFileSync(`${ROOT}dist/council-cookie-consent.iife.js`);
    const integrity = `sha384-${createHash('sha384').update(core).digest('base64')}`;
    await page.locator('#script-folder').fill('/assets/cookies/');
    await page.locator('#catalog-url').fill('/assets/cookies/tunbridge-wells.json');
    await expect
      .poll(() => page.locator('#script-snippet').inputValue())
      .toContain(
        `<script src="/assets/cookies/council-cookie-consent.iife.js" integrity="${integrity}" crossorigin="anonymous" data-catalog="/assets/cookies/tunbridge-wells.json" defer></script>`,
      );
    await context.close();
  });
});

describe('the draft', () => {
  it('is kept in this browser’s localStorage across a reload, and “Discard the draft” clears it', async () => {
    const { context, page } = await editor();
    await startFromBundled(page, 'tunbridge-wells.json');
    await fillField(page, 'site.name', 'Royal Tunbridge Wells Borough Council');
    const kept = () => page.evaluate(() => localStorage.getItem('council-cookie-consent:catalogue-editor-draft'));
    await expect.poll(kept).toContain('Royal Tunbridge Wells Borough Council');

    await page.reload();
    await page.locator('#catalogue-heading').waitFor();
    expect(await page.locator('.started').textContent()).toMatch(/Your draft from .* is back/);
    expect(await field(page, 'site.name').inputValue()).toBe('Royal Tunbridge Wells Borough Council');
    expect(await page.locator('#what-changed').textContent()).toContain('Royal Tunbridge Wells Borough Council');

    await page.locator('#discard-draft').click();
    await page.locator('#start-heading').waitFor();
    expect(await kept()).toBeNull();
    expect(await announced(page)).toContain('Draft discarded');
    await page.reload();
    await page.locator('#start-heading').waitFor();
    expect(await page.locator('#catalogue-heading').count()).toBe(0);
    await context.close();
  });
});

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.2 AA and best-practice rules on the editor's own document (the preview's elements have their own). */
async function axeViolations(page: Page) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
    };
    const result = await axe.run(document, {
      iframes: false,
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

describe('axe-core finds no violations', () => {
  it('on the start, and on the form with a catalogue, its problems shown and the download refused', async () => {
    // The page allows scripts by hash only: axe is let in by turning the CSP off for this context.
    const session = await freshPage(demo.browser, { bypassCSP: true });
    const { context, page } = session;
    await openEditor(page, editorUrl());
    expect(await axeViolations(page)).toEqual([]);

    await startFromBundled(page, 'tunbridge-wells.json');
    await openCookie(page, '_ga');
    expect(await axeViolations(page)).toEqual([]);

    await fillField(page, 'consentCookie.expiresDays', '0');
    await page.locator('#download-catalogue').click();
    await page.locator('#download-problems').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('a saved copy of the page', () => {
  it('works from file:// with the network cut off, and makes no requests', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'saved-editor-'));
    copyFileSync(EDITOR_FILE, join(folder, 'catalogue-editor.html'));
    const { context, page, errors } = await freshPage(demo.browser, { acceptDownloads: true });
    await context.setOffline(true);
    const requested: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (/^(file|data|blob|about):/.test(url)) return route.continue();
      requested.push(url);
      return route.abort();
    });
    await openEditor(page, `file://${join(folder, 'catalogue-editor.html')}`);
    await startFromBundled(page, 'keighley.json');
    await fillField(page, 'site.name', 'Keighley Town Council (offline)');
    // The preview runs too: its elements are inside the page.
    await expect.poll(() => preview(page).locator('h1').textContent()).toBe('Keighley Town Council (offline)');
    const { file, json } = await downloadCatalogue(page);
    await expectValid(file);
    expect((json.site as { name: string }).name).toBe('Keighley Town Council (offline)');
    expect(requested).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('at 400 % zoom', () => {
  /** Whatever is wider than the window (WCAG 1.4.10: no scrolling in two directions at 320 CSS pixels). */
  const overflowing = (page: Page) =>
    page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('body *')].filter((element) => element.getBoundingClientRect().right > width + 1);
      return wide
        .filter((element) => ![...element.children].some((child) => wide.includes(child)))
        .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${element.className}`);
    });

  it('reflows into one column with nothing wider than the window, open cookies and outputs included', async () => {
    // A 1280 × 1024 window at 400 % is 320 × 256 CSS pixels.
    const { context, page } = await freshPage(demo.browser, { viewport: { width: 320, height: 256 } });
    await openEditor(page, editorUrl());
    expect(await overflowing(page)).toEqual([]);
    await startFromBundled(page, 'tunbridge-wells.json');
    await page.locator('details.cookie').evaluateAll((cookies) => {
      for (const cookie of cookies) (cookie as HTMLDetailsElement).open = true;
    });
    await fillField(page, 'consentCookie.expiresDays', '500');
    await page.locator('#download-catalogue').click();
    await page.locator('#download-problems').waitFor();
    expect(await overflowing(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await context.close();
  });
});

describe('keyboard only', () => {
  it('starts a blank catalogue, fills it in and downloads it without a mouse', async () => {
    const { context, page } = await editor();
    const focused = () =>
      page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.replace(/\s+/g, ' ').trim());
    /** Presses Tab until the element (id, or text of a button without one) has focus, as a keyboard user does. */
    const tabTo = async (target: string) => {
      for (let presses = 0; presses < 200 && (await focused()) !== target; presses++) await page.keyboard.press('Tab');
      expect(await focused()).toBe(target);
    };
    await tabTo('Start a blank catalogue');
    await page.keyboard.press('Enter');
    await page.locator('#catalogue-heading').waitFor();
    await tabTo('field-site-name');
    await page.keyboard.type('Example Borough Council');
    await tabTo('field-site-domain');
    await page.keyboard.type('example.gov.uk');
    await tabTo('download-catalogue');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const file = join(mkdtempSync(join(tmpdir(), 'keyboard-download-')), download.suggestedFilename());
    await download.saveAs(file);
    await expectValid(file);
    expect(JSON.parse(readFileSync(file, 'utf8')).site).toEqual({ name: 'Example Borough Council', domain: 'example.gov.uk' });
    await context.close();
  });
});
