import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Catalog } from '../../src/catalog/definition.js';
import { validateCatalog } from '../../src/catalog/validate.js';
import { importPolicy } from '../../src/cli/import/import-policy.js';
import { consentReady, cookieJar, demoSession, freshPage, releaseLog, WWW } from '../support/e2e.js';
import { html, json, testPage } from '../support/test-pages.js';
import { fixture, runCli } from './run-cli.js';

const read = (path: string) => readFileSync(fixture(path), 'utf8');
const cookieNames = (catalog: Catalog, id: string) => catalog.categories.find((c) => c.id === id)?.cookies.map((c) => c.name);

describe('import from a CivicUK Cookie Control configuration', () => {
  test('a template script: the same categories and cookies (globs kept), Welsh text, the migrate block, nothing invented', () => {
    const { catalog, notes, summary } = importPolicy(read('cookie-control/eastvale-cookie-control.js'));
    expect(validateCatalog(catalog).problems).toBeUndefined();
    expect(summary).toMatch(/^import: a Cookie Control configuration read \(3 optional categories\)/);
    expect(catalog.categories.map((c) => c.id)).toEqual(['essential', 'analytics', 'marketing', 'video']);
    expect(cookieNames(catalog, 'essential')).toEqual(['CookieControl', 'PHPSESSID', 'SSESS*', '__cf_bm', 'eastvale_lb']);
    expect(cookieNames(catalog, 'analytics')).toEqual(['_ga', '_ga_*', '_gid', '_gat*']);
    expect(cookieNames(catalog, 'video')).toEqual(['YSC', 'VISITOR_INFO1_LIVE', 'VISITOR_PRIVACY_METADATA']);
    const analytics = catalog.categories[1];
    // Cookie Control's HTML description becomes text: a catalogue's text is never markup.
    expect(analytics).toMatchObject({
      title: { en: 'Analytical Cookies', cy: 'Cwcis Dadansoddol' },
      description: {
        en: 'Analytical cookies help us to improve our website by collecting and reporting information on its usage.',
        cy: expect.stringMatching(/^Mae cwcis dadansoddol/),
      },
      googleConsentMode: ['analytics_storage'],
    });
    expect(catalog.categories[2].googleConsentMode).toEqual(['ad_storage', 'ad_user_data', 'ad_personalization']);
    expect(catalog.migrate).toEqual({
      cookieControl: { name: 'CookieControl', categories: { analytics: 'analytics', marketing: 'marketing', video: 'video' } },
    });
    expect(catalog.consentCookie).toEqual({ name: 'CookieControl', expiresDays: 180 });
    expect(catalog.site).toMatchObject({ domain: 'eastvale.gov.uk', policyUrl: 'https://www.eastvale.gov.uk/cookies' });
    // A configuration says nothing of what each cookie is for or how long it lasts: left empty, asked for.
    const ga = catalog.categories[1].cookies[0];
    expect(ga).toEqual({ name: '_ga' });
    expect(catalog.review?.['categories[1].cookies[0].purpose']).toMatch(/^_ga: .*suggestion: "/);
    expect(catalog.review?.['categories[1].cookies[0].expires']).toMatch(/suggestion: P2Y/);
    expect(catalog.review?.['categories[2]']).toMatch(/legitimate interest.*stays off until a resident agrees/);
    expect(notes.filter((n) => n.kind === 'review')).toHaveLength(Object.keys(catalog.review!).length);
    expect(notes.some((n) => n.kind === 'guess' && /onAccept\/onRevoke scripts are not carried over/.test(n.text))).toBe(true);
  });

  test('a consent cookie kept longer than a browser allows is drafted at 400 days, with a question', () => {
    const script = `CookieControl.load({ apiKey: 'k', product: 'PRO', consentCookieExpiry: 1000, optionalCookies: [{ name: 'analytics', label: 'Analytics', description: 'Counts visits.', cookies: ['_ga'] }] });`;
    const { catalog } = importPolicy(script);
    expect(validateCatalog(catalog).problems).toBeUndefined();
    expect(catalog.consentCookie.expiresDays).toBe(400);
    expect(catalog.review?.['consentCookie.expiresDays']).toContain('1000 days');
  });

  test('a cookies page holding the configuration: purposes and lifetimes from its tables, cookies only it lists for review', () => {
    const { catalog } = importPolicy(read('cookie-control/northbrook-cookies-page.html'));
    expect(validateCatalog(catalog).problems).toBeUndefined();
    expect(catalog.categories.map((c) => c.id)).toEqual(['essential', 'performance', 'functionality', 'review']);
    const performance = catalog.categories[1];
    expect(performance.title).toEqual({ en: 'Performance cookies', cy: 'Cwcis perfformiad' });
    expect(performance.cookies).toEqual([
      { name: '_ga', purpose: 'Tells visitors apart.', expires: 'P2Y' },
      { name: '_ga_*', purpose: 'Keeps one visit together.', expires: 'P2Y' },
      { name: '_gid' },
      { name: 'nmstat', purpose: 'Records which pages you visit, for Siteimprove.', expires: 'P1000D' },
    ]);
    expect(catalog.categories[0].cookies[1]).toEqual({
      name: 'ASP.NET_SessionId',
      purpose: 'Keeps your answers together while you fill in a form.',
      expires: 'session',
    });
    expect(cookieNames(catalog, 'review')).toEqual(['northbrook_survey']);
    expect(catalog.review?.['categories[3].cookies[0]']).toMatch(/the policy lists it, but the Cookie Control configuration does not/);
    expect(catalog.review?.['categories[1]']).toMatch(/recommendedState/);
    expect(catalog.site).toMatchObject({ name: 'Northbrook District Council', domain: 'northbrook.gov.uk', policyUrl: '/cookies' });
    expect(catalog.migrate?.cookieControl?.categories).toEqual({ performance: 'performance', functionality: 'functionality' });
  });

  test('the configuration as JSON on its own', () => {
    const config = {
      necessaryCookies: ['JSESSIONID'],
      optionalCookies: [{ name: 'Google Analytics', label: 'Statistics', description: 'Counts visits.', cookies: ['_ga', '_gid'] }],
    };
    const { catalog } = importPolicy(JSON.stringify(config, null, 2), { siteName: 'Westmoor Council' });
    expect(catalog.categories.map((c) => c.id)).toEqual(['essential', 'google-analytics']);
    expect(catalog.migrate?.cookieControl?.categories).toEqual({ 'Google Analytics': 'google-analytics' });
    expect(validateCatalog(catalog).problems).toBeUndefined();
  });

  test('code in a configuration is read as text, never run', () => {
    const probe = globalThis as { ranOnAccept?: boolean; ranKey?: boolean };
    const script = `var config = { apiKey: (globalThis.ranKey = true), optionalCookies: [{ name: 'analytics', label: 'Analytics',
      description: 'Counts visits.', cookies: ['_ga'], onAccept: function () { globalThis.ranOnAccept = true; } }] };
      CookieControl.load(config);`;
    const { catalog } = importPolicy(script);
    expect(probe.ranOnAccept).toBeUndefined();
    expect(probe.ranKey).toBeUndefined();
    expect(cookieNames(catalog, 'analytics')).toEqual(['_ga']);
  });

  test('a configuration that cannot be read leaves a policy import, not a crash', () => {
    for (const script of [
      'CookieControl.load(config); // config is set somewhere else',
      'CookieControl.load({ optionalCookies: [ { name: "analytics", cookies: ["_ga"] } ]', // unfinished
      `CookieControl.load(${'['.repeat(100000)});`, // nested beyond the parser's stack
      'var config = { optionalCookies: [{ name: "__proto__", cookies: ["*", "has space", "_ga"] }] }; CookieControl.load(config);',
    ]) {
      const { catalog } = importPolicy(script);
      expect(validateCatalog(catalog).problems).toBeUndefined();
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    }
    const odd = importPolicy(
      'var config = { optionalCookies: [{ name: "__proto__", cookies: ["*", "has space", "_ga"] }] }; CookieControl.load(config);',
    );
    expect(odd.catalog.categories.map((c) => c.id)).toEqual(['essential', 'proto__']);
    expect(Object.keys(odd.catalog.migrate!.cookieControl!.categories!)).toEqual(['__proto__']);
    expect(odd.catalog.categories[1].cookies.map((c) => c.name)).toEqual(['_ga']);
    expect(odd.notes.filter((n) => /is not a cookie name this catalogue can hold/.test(n.text))).toHaveLength(2);
  });

  test('through the bin: a .js file gives a valid draft on stdout', async () => {
    const run = await runCli(['import', fixture('cookie-control/eastvale-cookie-control.js'), '--site-name', 'Eastvale Borough Council']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^review: categories\[1\]\.cookies\[0\]\.purpose: _ga: /m);
    const file = join(mkdtempSync(join(tmpdir(), 'ccc-cc-')), 'draft.json');
    writeFileSync(file, run.stdout);
    expect((await runCli(['validate', file])).code).toBe(0);
  });
});

describe('after moving from Cookie Control with the draft', () => {
  const { catalog } = importPolicy(read('cookie-control/eastvale-cookie-control.js'), {
    siteName: 'Eastvale Borough Council',
    domain: 'example-council.test',
  });
  const routes = { '/eastvale.json': json(catalog), '/eastvale.html': html(testPage({ catalog: '/eastvale.json' })) };
  const demo = demoSession(routes);

  test('a resident who answered Cookie Control is not asked again, and their answers hold', async () => {
    const { context, page } = await freshPage(demo.browser);
    const theirs = {
      necessaryCookies: [],
      optionalCookies: { analytics: 'accepted', marketing: 'revoked', video: 'accepted' },
      statement: {},
      consentDate: Date.now() - 86400000,
      consentExpiry: 180,
      interactedWith: true,
      user: '5b8e4c1a-2d3f-4e5a-8b6c-7d9e0f1a2b3c',
    };
    await context.addCookies([{ name: 'CookieControl', value: encodeURIComponent(JSON.stringify(theirs)), domain: WWW, path: '/' }]);
    await page.goto(`${demo.origin}/eastvale.html`);
    await consentReady(page);
    await expect.poll(() => releaseLog(page)).toHaveLength(2);
    expect(await page.locator('cookie-banner').count()).toBe(0);
    const stored = JSON.parse(decodeURIComponent((await cookieJar(context)).find((c) => c.name === 'CookieControl')!.value));
    expect(stored).toMatchObject({
      method: 'migrated',
      consentId: theirs.user,
      categories: { analytics: true, marketing: false, video: true },
    });
    await context.close();
  });
});
