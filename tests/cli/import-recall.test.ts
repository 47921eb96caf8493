import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Catalog } from '../../src/catalog/definition.js';
import { matchesCookieName } from '../../src/catalog/glob.js';
import { validateCatalog } from '../../src/catalog/validate.js';
import { importPolicy } from '../../src/cli/import/import-policy.js';
import { fixture } from './run-cli.js';

/**
 * Recall and precision of `import` on real cookie pages of UK councils and public bodies
 * (tests/fixtures/council-pages): the names each page lists, written by hand, against the
 * names the draft declares. Targets (issue 14): both at least 95 % over the set, and no
 * page below 80 % recall. The table is printed on every run.
 */

interface Page {
  file: string;
  url: string;
  publisher: string;
  expected: string[];
}

const pagesIn = (dir: string) =>
  (JSON.parse(readFileSync(fixture(`${dir}/index.json`), 'utf8')) as Page[]).map((page) => ({ ...page, file: `${dir}/${page.file}` }));
const pages = pagesIn('council-pages');
/** Pages gathered after the layouts were written, and never tuned for: their figures are reported, not held to a target. */
const heldOut = pagesIn('council-pages/held-out');
const BUILT_IN_CONSENT_PURPOSE = 'Remembers whether you accepted or rejected optional cookies on this website.';

/** The cookies the draft declares from the policy (not the consent cookie the import adds of its own). */
function declaredNames(catalog: Catalog) {
  return catalog.categories
    .flatMap((category) => category.cookies)
    .filter((cookie) => !(cookie.name === catalog.consentCookie.name && cookie.purpose === BUILT_IN_CONSENT_PURPOSE))
    .map((cookie) => ({
      name: cookie.name,
      // A family glob lists its members in its label ("__utma, __utmb").
      members: typeof cookie.label === 'string' ? cookie.label.split(/,\s*/) : [],
    }));
}

/** Whether a declared entry stands for a name the page lists; `_x` read as `__x` is the importer's documented repair. */
const covers = (entry: { name: string; members: string[] }, listed: string) =>
  [listed, `_${listed}`].some(
    (name) => entry.name === name || entry.members.includes(name) || (entry.name.includes('*') && matchesCookieName(entry.name, name)),
  );

function score(page: Page) {
  const { catalog } = importPolicy(readFileSync(fixture(page.file), 'utf8'));
  const found = declaredNames(catalog);
  const missed = page.expected.filter((listed) => !found.some((entry) => covers(entry, listed)));
  const extra = found.filter((entry) => !page.expected.some((listed) => covers(entry, listed)));
  const recall = page.expected.length ? (page.expected.length - missed.length) / page.expected.length : 1;
  const precision = found.length ? (found.length - extra.length) / found.length : 1;
  return { catalog, found, missed, extra, recall, precision };
}

function scoreSet(set: Page[]) {
  const scores = set.map((page) => ({ page, ...score(page) }));
  const listed = scores.reduce((sum, s) => sum + s.page.expected.length, 0);
  const missed = scores.reduce((sum, s) => sum + s.missed.length, 0);
  const found = scores.reduce((sum, s) => sum + s.found.length, 0);
  const extra = scores.reduce((sum, s) => sum + s.extra.length, 0);
  const overall = { recall: (listed - missed) / listed, precision: found ? (found - extra) / found : 1 };
  const table = [
    '| page | listed | declared | recall | precision | missed | not listed |',
    '| --- | --: | --: | --: | --: | --- | --- |',
    ...scores.map(
      (s) =>
        `| ${s.page.file.replace(/^.*\//, '').replace(/\.txt$/, '')} | ${s.page.expected.length} | ${s.found.length} | ${percent(s.recall)} | ` +
        `${percent(s.precision)} | ${s.missed.join(', ')} | ${s.extra.map((e) => e.name).join(', ')} |`,
    ),
    `| **all ${set.length} pages** | ${listed} | ${found} | ${percent(overall.recall)} | ${percent(overall.precision)} | | |`,
  ].join('\n');
  return { scores, overall, table };
}
const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
const { scores, overall, table } = scoreSet(pages);
const heldOutScores = scoreSet(heldOut);
console.log(`import on real council pages:\n${table}\n\nheld out (not tuned for):\n${heldOutScores.table}`);

describe('import on real council cookie pages', () => {
  test('at least 20 pages, each with its source address', () => {
    expect(pages.length).toBeGreaterThanOrEqual(20);
    for (const page of pages) expect(page.url).toMatch(/^https?:\/\/[^/]+\.[a-z]+/);
  });

  test('recall and precision are at least 95 % over the set', () => {
    expect(overall.recall).toBeGreaterThanOrEqual(0.95);
    expect(overall.precision).toBeGreaterThanOrEqual(0.95);
  });

  test.each(scores.map((s) => [s.page.file, s]))('%s: recall at least 80 %%, and the draft passes validation', (_, s) => {
    expect(s.recall, `missed ${s.missed.join(', ')}`).toBeGreaterThanOrEqual(0.8);
    expect(validateCatalog(s.catalog).problems).toBeUndefined();
  });

  test.each([...scores, ...heldOutScores.scores].map((s) => [s.page.file, s]))(
    '%s: every purpose is the policy’s own words, the draft passes validation',
    (_, s) => {
      expect(validateCatalog(s.catalog).problems).toBeUndefined();
      const policy = readFileSync(fixture(s.page.file), 'utf8').replace(/\s+/g, ' ');
      for (const category of s.catalog.categories)
        for (const cookie of category.cookies) {
          if (cookie.purpose === BUILT_IN_CONSENT_PURPOSE || cookie.purpose === undefined) continue;
          expect(policy).toContain(cookie.purpose);
        }
    },
  );
});
