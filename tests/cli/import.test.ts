import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Catalog, CookieDeclaration } from '../../src/catalog/definition.js';
import { validateCatalog } from '../../src/catalog/validate.js';
import { importCommand } from '../../src/cli/commands/import.js';
import { tablesCommand } from '../../src/cli/commands/tables.js';
import { fixture, ROOT, runCli } from './run-cli.js';

function importFile(path: string, options: { siteName?: string; domain?: string } = {}) {
  const notes: string[] = [];
  const catalog = JSON.parse(importCommand(path, options, (line) => notes.push(line))) as Catalog;
  return {
    catalog,
    notes,
    guesses: notes.filter((n) => n.startsWith('guess: ')),
    reviews: notes.filter((n) => n.startsWith('review: ')),
    summary: notes[notes.length - 1],
  };
}

const cookiesIn = (catalog: Catalog, categoryId: string) => catalog.categories.find((c) => c.id === categoryId)?.cookies ?? [];
const names = (catalog: Catalog, categoryId: string) => cookiesIn(catalog, categoryId).map((c) => c.name);
const cookie = (catalog: Catalog, name: string): CookieDeclaration | undefined =>
  catalog.categories.flatMap((c) => c.cookies).find((c) => c.name === name);
const rowsRead = (summary: string) => Number(/(\d+) cookie row/.exec(summary)?.[1] ?? 0);

const policyFiles = readdirSync(fixture('policies')).map((file) => fixture(`policies/${file}`));
const layoutFiles = readdirSync(fixture('cli'))
  .filter((file) => !file.endsWith('.json'))
  .map((file) => fixture(`cli/${file}`));

describe('import', () => {
  test.each([...policyFiles, ...layoutFiles].map((file) => [file.slice(ROOT.length), file]))(
    '%s gives a catalogue that passes validation',
    (_, file) => {
      const { catalog } = importFile(file);
      expect(validateCatalog(catalog).problems).toBeUndefined();
      expect(catalog.categories[0].id).toBe('essential');
    },
  );

  test('Tunbridge Wells: both pipe tables, as the catalogue the demo ships', () => {
    const { catalog, summary } = importFile(fixture('policies/tunbridge-wells-privacy-and-cookies.txt'));
    expect(rowsRead(summary)).toBe(4);
    const shipped = JSON.parse(readFileSync(`${ROOT}cookie-catalogs/tunbridge-wells.json`, 'utf8')) as Catalog;
    for (const id of ['essential', 'analytics']) {
      const expected = cookiesIn(shipped, id).map(({ name, expires }) => ({ name, expires }));
      expect(cookiesIn(catalog, id).map(({ name, expires }) => ({ name, expires }))).toEqual(expected);
    }
    expect(catalog.consentCookie).toEqual({ name: 'CookieControl', expiresDays: 90 });
    expect(catalog.site).toEqual({ name: 'Tunbridge Wells Borough Council', domain: 'tunbridgewells.gov.uk' });
    const analytics = catalog.categories.find((c) => c.id === 'analytics')!;
    expect(analytics.title).toBe('Analytics cookies (optional)');
    expect(analytics.description).toMatch(/^We use Google Analytics to understand how you use our website/);
  });

  test('Tonbridge and Malling: the "Cookie name:" blocks, with the lost underscores put back', () => {
    const { catalog, summary, guesses, reviews } = importFile(fixture('policies/tonbridge-malling-how-we-use-your-information.txt'));
    expect(rowsRead(summary)).toBe(3);
    const shipped = JSON.parse(readFileSync(`${ROOT}cookie-catalogs/tonbridge-malling.json`, 'utf8')) as Catalog;
    // The policy names no provider: the shipped catalogue's were written by a person; the draft only suggests them.
    const withoutProvider = (cookies: CookieDeclaration[]) => cookies.map(({ provider: _, ...rest }) => rest);
    expect(cookiesIn(catalog, 'analytics')).toEqual(withoutProvider(cookiesIn(shipped, 'analytics')));
    expect(reviews).toContain(
      'review: categories[1].cookies[0].provider: nmstat: the policy does not say who sets it; suggestion: Siteimprove',
    );
    expect(guesses.some((g) => g.includes('_utma: read as __utma'))).toBe(true);
    // The policy names no consent cookie, so the draft brings its own, declared as essential.
    expect(names(catalog, 'essential')).toEqual([catalog.consentCookie.name]);
  });

  test.each(['keighley-privacy-policy.txt', 'trowbridge-privacy-policy.txt', 'tunbridge-wells-customer-services-notice.txt'])(
    '%s lists no cookies, and none are made up from its other tables of text',
    (file) => {
      const { catalog, summary } = importFile(fixture(`policies/${file}`));
      expect(summary).toMatch(/no cookie table/);
      expect(catalog.categories.map((c) => c.id)).toEqual(['essential']);
      expect(catalog.categories[0].cookies).toEqual([]);
    },
  );

  test('HTML tables with columns in other orders, other header words, captions and row headers', () => {
    const { catalog, summary } = importFile(fixture('cli/html-table-columns-reordered.html'));
    expect(rowsRead(summary)).toBe(9);
    expect(names(catalog, 'essential')).toEqual(['ASP.NET_SessionId', '__cf_bm', 'cookies_policy']);
    expect(names(catalog, 'analytics')).toEqual(['_ga', '_ga_*', '_gid']);
    expect(names(catalog, 'video')).toEqual(['YSC', 'VISITOR_INFO1_LIVE']);
    expect(names(catalog, 'review')).toEqual(['council_map_layer']);
    expect(cookie(catalog, '_ga_*')).toMatchObject({ label: '_ga_<container-id>', expires: 'P2Y' });
    expect(cookie(catalog, '_ga_*')?.provider).toBeUndefined();
    expect(cookie(catalog, 'cookies_policy')).toMatchObject({ expires: 'P1Y1M4D', provider: 'Example District Council' });
    expect(cookie(catalog, 'YSC')).toMatchObject({ expires: 'session', expiresText: 'Browser session' });
    expect(catalog.consentCookie).toEqual({ name: 'cookies_policy', expiresDays: 399 });
    expect(catalog.categories.find((c) => c.id === 'essential')!.title).toBe('Strictly necessary cookies');
    expect(catalog.site).toEqual({ name: 'Example District Council', domain: 'example-district.gov.uk' });
  });

  test('HTML "Cookie name:" paragraphs, a definition list and a two-column table per cookie', () => {
    const { catalog, summary } = importFile(fixture('cli/html-blocks-and-lists.html'));
    expect(rowsRead(summary)).toBe(4);
    expect(names(catalog, 'analytics')).toEqual(['nmstat', 'siteimproveses', '_hjSessionUser_*']);
    expect(names(catalog, 'functional')).toEqual(['sampletown_text_size']);
    expect(cookie(catalog, 'nmstat')).toMatchObject({
      expires: 'P1000D',
      expiresText: '1000 days after last visit',
      domain: '.sampletown.gov.uk',
      type: 'persistent',
    });
    expect(cookie(catalog, 'siteimproveses')).toMatchObject({ expires: 'session', domain: '.siteimprove.com', type: 'session' });
    expect(cookie(catalog, 'sampletown_text_size')).toMatchObject({ expires: 'P1Y', purpose: 'Remembers the text size you chose.' });
    // "Name: Jane Smith" under Contact is a person, not a cookie.
    expect(cookie(catalog, 'Jane')).toBeUndefined();
  });

  test('pipe tables, in any column order, under Markdown headings', () => {
    const { catalog, summary, guesses, reviews } = importFile(fixture('cli/pipe-tables.md'));
    expect(rowsRead(summary)).toBe(8);
    expect(names(catalog, 'essential')).toEqual(['PHPSESSID', 'XSRF-TOKEN', 'riverside_consent']);
    expect(names(catalog, 'analytics')).toEqual(['_clck', '_clsk', 'survey_done']);
    expect(names(catalog, 'marketing')).toEqual(['_fbp', 'mystery_cookie']);
    expect(catalog.consentCookie).toEqual({ name: 'riverside_consent', expiresDays: 365 });
    // "Persistent" is no lifetime: the words stay for residents, the duration is left for a person to give.
    expect(cookie(catalog, 'mystery_cookie')).toMatchObject({ expiresText: 'Persistent' });
    expect(cookie(catalog, 'mystery_cookie')?.expires).toBeUndefined();
    const path = 'categories[2].cookies[1].expires';
    expect(catalog.review?.[path]).toMatch(/"Persistent" is not a lifetime this tool can read/);
    expect(reviews).toContain(`review: ${path}: ${catalog.review?.[path]}`);
    expect(guesses).toContain('guess: survey_done: analytics, from the heading "Analytics cookies"');
  });

  test('plain-text "Name Purpose Expires" rows, single-spaced or tab-separated', () => {
    const { catalog, summary } = importFile(fixture('cli/plain-text-rows.txt'));
    expect(rowsRead(summary)).toBe(7);
    expect(names(catalog, 'essential')).toEqual(['JSESSIONID', 'hillside_cookie_consent']);
    expect(names(catalog, 'analytics')).toEqual(['_ga', '_gid', '_gat_UA-1234567-1']);
    expect(names(catalog, 'functional')).toEqual(['hillside_font', 'hillside_high_contrast']);
    expect(cookie(catalog, 'JSESSIONID')).toMatchObject({ expires: 'session', purpose: 'Keeps your session with the booking system' });
    expect(cookie(catalog, '_gat_UA-1234567-1')).toMatchObject({ expires: 'PT1M', purpose: 'Limits the rate of requests' });
    expect(cookie(catalog, 'hillside_high_contrast')).toMatchObject({ expires: 'P6M' });
    expect(catalog.site.name).toBe('Hillside Parish Council');
  });

  test('"Cookie name:" text blocks: unknown cookies go to review, unreadable lifetimes are guessed and listed', () => {
    const { catalog, summary, guesses } = importFile(fixture('cli/cookie-name-blocks.txt'));
    expect(rowsRead(summary)).toBe(4);
    expect(cookie(catalog, '__utm*')).toMatchObject({ label: '__utma, __utmb, __utmz', domain: '.lakeside.gov.uk', expires: 'P2Y' });
    expect(names(catalog, 'essential')).toContain('ARRAffinity');
    expect(names(catalog, 'review')).toEqual(['planning_search', 'lakeside_alerts']);
    const review = catalog.categories.find((c) => c.id === 'review')!;
    expect(review.title).toMatch(/review/i);
    expect(guesses.filter((g) => g.includes('for review'))).toHaveLength(2);
    expect(cookie(catalog, 'lakeside_alerts')).toMatchObject({ expires: 'P13M' });
  });

  test('HTML: a name heading over Purpose/Expiry/Provider bullets, cells that start with their field name, a heading naming several cookies, named definition lists', () => {
    const { catalog, summary } = importFile(fixture('cli/council-layouts.html'));
    expect(summary).toMatch(/^import: /);
    expect(names(catalog, 'essential')).toEqual(['ASP.NET_SessionId', '__cf_bm', 'cookie_consent']);
    expect(cookie(catalog, 'ASP.NET_SessionId')).toEqual({
      name: 'ASP.NET_SessionId',
      purpose: 'Keeps your place as you move between the pages of a form.',
      expires: 'session',
      provider: 'Northbrook District Council',
    });
    expect(cookie(catalog, '__cf_bm')).toMatchObject({
      purpose: 'Tells people and automated programs apart, so the website stays available.',
      expires: 'PT30M',
      domain: 'www.northbrook.gov.uk',
      type: 'persistent',
    });
    expect(cookie(catalog, '_ga')).toMatchObject({ purpose: 'Tells visitors apart.', expires: 'P2Y', provider: 'Google' });
    expect(names(catalog, 'functional')).toEqual(['Recite.Persist', 'Recite_Session', 'northbrook_font_size', 'northbrook_alerts']);
    expect(cookie(catalog, 'Recite_Session')?.purpose).toBe(cookie(catalog, 'Recite.Persist')?.purpose);
    // The policy's own category wins over what the tool knows of NID and CONSENT (Google's, usually marketing).
    expect(names(catalog, 'video')).toEqual(['1P_JAR', 'NID', 'CONSENT', 'YSC', 'VISITOR_INFO1_LIVE']);
    expect(cookie(catalog, 'YSC')).toMatchObject({ purpose: 'Counts views of the YouTube videos we show.', expires: 'session' });
    expect(cookie(catalog, 'VISITOR_INFO1_LIVE')).toMatchObject({ expires: 'P6M' });
    expect(catalog.consentCookie.name).toBe('cookie_consent');
    expect(cookie(catalog, 'Web')).toBeUndefined();
  });

  test('text: a name on its own line over bulleted fields, a pipe row of field-prefixed cells, other header words', () => {
    const { catalog, reviews } = importFile(fixture('cli/council-layouts.txt'));
    expect(cookie(catalog, 'PHPSESSID')).toEqual({
      name: 'PHPSESSID',
      purpose: 'Keeps your answers together while you fill in a form.',
      expires: 'session',
      expiresText: 'End of session',
      provider: 'Eastvale Borough Council',
    });
    expect(cookie(catalog, 'eastvale_lb')).toMatchObject({
      purpose: 'Sends all your requests to the same web server.',
      expires: 'session',
    });
    expect(names(catalog, 'analytics')).toEqual(['_ga', '_ga_*']);
    expect(names(catalog, 'functional')).toEqual(['Recite.Persist', 'Recite_Session', 'eastvale_contrast', 'eastvale_postcode']);
    expect(cookie(catalog, 'Recite_Session')).toMatchObject({ expires: 'P1Y' });
    expect(cookie(catalog, 'eastvale_postcode')).toMatchObject({ purpose: 'Remembers your postcode for bin days', expires: 'P30D' });
    expect(reviews).toEqual([]);
  });

  test('never invents: an unstated purpose, lifetime or provider stays empty, and the tool’s knowledge is only a suggestion', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccc-invent-'));
    const policy = join(dir, 'policy.html');
    writeFileSync(
      policy,
      '<h2>Strictly necessary cookies</h2><table><tr><th>Cookie</th><th>What it’s used for</th><th>Expires</th></tr>' +
        '<tr><td>SSESS4f1d</td><td>Keeps you signed in to your account.</td><td>23 days</td></tr>' +
        '<tr><td>SESS9a2b</td><td></td><td>Varies</td></tr></table>',
    );
    const { catalog, reviews } = importFile(policy);
    expect(cookie(catalog, 'SSESS4f1d')).toEqual({ name: 'SSESS4f1d', purpose: 'Keeps you signed in to your account.', expires: 'P23D' });
    const unstated = cookie(catalog, 'SESS9a2b')!;
    expect(unstated).toEqual({ name: 'SESS9a2b', expiresText: 'Varies' });
    expect(JSON.stringify(catalog)).not.toMatch(/personal information/i);
    expect(catalog.review).toMatchObject({
      'categories[0].cookies[1].purpose': expect.stringMatching(/^SESS9a2b: the policy does not say what it is for; suggestion: "/),
      'categories[0].cookies[1].expires': expect.stringMatching(/"Varies" is not a lifetime/),
    });
    expect(reviews.length).toBe(Object.keys(catalog.review!).length);
    expect(validateCatalog(catalog).problems).toBeUndefined();
    // Without its review note, a missing purpose is a problem again: only a draft may leave it out.
    const { review: _, ...published } = catalog;
    expect(validateCatalog(published).problems).toEqual([
      { path: 'categories[0].cookies[1].purpose', message: 'is required but missing' },
      { path: 'categories[0].cookies[1].expires', message: 'is required but missing' },
    ]);
  });

  test('a table with no header row is read by what its columns hold; other tables are left alone', () => {
    const { catalog, summary } = importFile(fixture('cli/headerless-table.html'));
    expect(rowsRead(summary)).toBe(2);
    expect(names(catalog, 'analytics')).toEqual(['_pk_id.1.1fff', '_pk_ses.1.1fff']);
    expect(cookie(catalog, 'Monday')).toBeUndefined();
  });

  test.each(['tunbridge-wells', 'tonbridge-malling', 'keighley', 'trowbridge'])(
    "the tables command's HTML for %s imports back to the same cookies, in the same categories",
    (site) => {
      const file = `${ROOT}cookie-catalogs/${site}.json`;
      const shipped = JSON.parse(readFileSync(file, 'utf8')) as Catalog;
      const html = join(mkdtempSync(join(tmpdir(), 'ccc-tables-')), `${site}.html`);
      writeFileSync(html, tablesCommand(file, {}));
      const { catalog } = importFile(html);
      const shape = (c: Catalog) =>
        c.categories
          .filter((category) => category.cookies.length)
          .map((category) => ({
            id: category.id,
            cookies: category.cookies.map(({ name, label, expires, expiresText }) => ({ name, label, expires, expiresText })),
          }));
      expect(shape(catalog)).toEqual(shape(shipped));
      if (shipped.categories[0].cookies.length) expect(catalog.consentCookie).toEqual(shipped.consentCookie);
    },
  );

  test('a site name is guessed only for the council the domain stands for, never a partner council', () => {
    // The notice names Cranbrook and Sissinghurst Parish Council, but its domain is tunbridgewells.gov.uk.
    const { catalog, guesses } = importFile(fixture('policies/tunbridge-wells-customer-services-notice.txt'));
    expect(catalog.site.name).toBe('Council name (set it with --site-name)');
    expect(guesses).toContain('guess: site.name: not found; give --site-name');
  });

  test('--site-name and --domain are used as given; a bad domain is refused', () => {
    const { catalog, guesses } = importFile(fixture('cli/pipe-tables.md'), { siteName: 'Riverside BC', domain: 'www.riverside.gov.uk' });
    expect(catalog.site).toEqual({ name: 'Riverside BC', domain: 'www.riverside.gov.uk' });
    expect(guesses.some((g) => g.startsWith('guess: site.'))).toBe(false);
    expect(() => importFile(fixture('cli/pipe-tables.md'), { domain: 'not a domain' })).toThrow(/--domain/);
  });

  test('through the bin: the draft on stdout passes validate, the guesses are on stderr', async () => {
    const run = await runCli([
      'import',
      fixture('policies/tonbridge-malling-how-we-use-your-information.txt'),
      '--site-name',
      'Tonbridge and Malling Borough Council',
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^guess: nmstat: analytics, a known Siteimprove cookie$/m);
    expect(run.stderr).toMatch(/^import: 3 cookie row\(s\) read/m);
    const draft = JSON.parse(run.stdout) as Catalog;
    expect(draft.site.name).toBe('Tonbridge and Malling Borough Council');
    const file = join(mkdtempSync(join(tmpdir(), 'ccc-import-')), 'draft.json');
    writeFileSync(file, run.stdout);
    const validation = await runCli(['validate', file]);
    // Valid, and still a draft: validate names each open question.
    expect(validation.code).toBe(0);
    const lines = validation.stdout.trim().split('\n');
    expect(lines[0]).toBe(`${file}: valid, but a draft: ${Object.keys(draft.review!).length} question(s) in "review" to answer`);
    expect(lines.slice(1)).toEqual(Object.entries(draft.review!).map(([path, question]) => `${file}: review: ${path}: ${question}`));
  });

  test('a file that cannot be read is a usage error (exit 2)', async () => {
    const run = await runCli(['import', fixture('cli/no-such-policy.txt')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot read .*no-such-policy\.txt \(ENOENT\)/);
    expect(run.stdout).toBe('');
  });
});
