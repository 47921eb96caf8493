import { describe, expect, test } from 'vitest';
import { readCatalogFile } from '../../src/cli/read-catalog.js';
import { cookieTables } from '../../src/ui/cookie-table/cookie-table-tree.js';
import { toHtml } from '../../src/ui/element-tree-html.js';
import { wordingFor } from '../../src/wording/wording.js';
import { fixture, runCli } from './run-cli.js';
import '../../src/wording/cy.js';

const TUNBRIDGE_WELLS = 'cookie-catalogs/tunbridge-wells.json';

/** What `<cookie-table>` renders, from the same renderer, as static HTML. */
function elementMarkup(file: string, lang: string, category?: string): string {
  const { catalog } = readCatalogFile(file);
  return cookieTables(catalog!, lang, wordingFor(catalog!, lang), category)
    .map((tree) => toHtml(tree))
    .join('\n');
}

describe('tables', () => {
  test('every category, as the element renders it: a captioned table with Name, Purpose, Expires', async () => {
    const run = await runCli(['tables', TUNBRIDGE_WELLS]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${elementMarkup(TUNBRIDGE_WELLS, 'en')}\n`);
    expect(run.stdout.match(/<table /g)).toHaveLength(2);
    expect(run.stdout).toContain('<caption class="cookie-table__caption" part="caption">Analytics cookies (optional)</caption>');
    expect(run.stdout).toMatch(/<th class="cookie-table__header" part="header" scope="col">Name<\/th>/);
    expect(run.stdout).toMatch(
      /<th class="cookie-table__name" part="name" scope="row">_ga<\/th>\s*<td[^>]*>Helps us count[^<]*<\/td>\s*<td[^>]*>2 years<\/td>/,
    );
    expect(run.stdout).not.toMatch(/<script/i);
  });

  test('--lang cy --category analytics: the one table, in Welsh', async () => {
    const run = await runCli(['tables', TUNBRIDGE_WELLS, '--lang', 'cy', '--category', 'analytics']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${elementMarkup(TUNBRIDGE_WELLS, 'cy', 'analytics')}\n`);
    expect(run.stdout.match(/<table /g)).toHaveLength(1);
    expect(run.stdout).toContain('Cwcis dadansoddi (dewisol)');
    expect(run.stdout).toContain('>24 awr<');
  });

  test('expiresText and labels are shown as the catalogue words them', async () => {
    const run = await runCli(['tables', 'cookie-catalogs/tonbridge-malling.json', '--category', 'analytics']);
    expect(run.stdout).toMatch(/scope="row">__utma, __utmb, __utmc, __utmz<\/th>/);
    expect(run.stdout).toContain('>1000 days after last visit<');
    expect(run.stdout).toContain('>Browser session<');
  });

  test('an unknown category, a missing file or an invalid catalogue: exit 2 with the reason', async () => {
    const unknown = await runCli(['tables', TUNBRIDGE_WELLS, '--category', 'marketing']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toContain('has no category "marketing" (it has: essential, analytics)');
    const invalid = await runCli(['tables', fixture('cli/invalid-catalog.json')]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('revision: expected a whole number of at least 1, found 0');
    expect((await runCli(['tables'])).stderr).toContain('tables needs a catalogue file');
  });
});
