import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { validateCatalog } from '../../src/catalog/validate.js';
import { progressReporter } from '../../src/cli/audit/progress.js';
import { importCommand } from '../../src/cli/commands/import.js';
import { categoryFromWords } from '../../src/cli/import/categories.js';
import { readCookieNames } from '../../src/cli/import/cookie-names.js';
import { findKnownCookie } from '../../src/cli/import/known-cookies.js';
import { readText } from '../../src/cli/import/read-text.js';
import { splitSpacedRow } from '../../src/cli/import/spaced-row.js';
import { headerRoles } from '../../src/cli/import/table-columns.js';

describe('import, part by part', () => {
  test.each([
    ['_ga', ['_ga']],
    ['_utma, _utmb, _utmc, _utmz', ['_utma', '_utmb', '_utmc', '_utmz']],
    ['_ga and _gid', ['_ga', '_gid']],
    ['_ga_<container-id>', ['_ga_*']],
    ['_ga_<container id>', ['_ga_*']],
    ['_hjSessionUser_{site_id}', ['_hjSessionUser_*']],
    ['_ga_XXXXXXXXXX', ['_ga_*']],
    ['_gat (Google Analytics)', ['_gat']],
    ['nmstat cookie', ['nmstat']],
    ['"CookieControl"', ['CookieControl']],
    ['cookie-agreed', ['cookie-agreed']],
    ['_ga _gid', ['_ga', '_gid']],
  ])('the name cell %j holds %j', (cell, names) => {
    expect(readCookieNames(cell).names).toEqual(names);
  });

  test('a service named where a cookie name should be is not read as cookies', () => {
    expect(readCookieNames('Google Analytics')).toEqual({ names: [], written: [], unreadable: ['Google Analytics'] });
  });

  test('well-known cookies: exact names before globs, case-insensitive only as a last resort', () => {
    expect(findKnownCookie('_ga')?.known.name).toBe('_ga');
    expect(findKnownCookie('_ga_ABC123')?.known.name).toBe('_ga_*');
    expect(findKnownCookie('_gat_UA-1-1')?.known.name).toBe('_gat*');
    expect(findKnownCookie('ASP.NET_Sessionid')).toMatchObject({ known: { name: 'ASP.NET_SessionId' }, ignoringCase: true });
    expect(findKnownCookie('council_theme')).toBeUndefined();
  });

  test('header words in any order; a data row is not a header', () => {
    expect(headerRoles(['Lasts for', 'Cookie', 'Description', 'Set by'])).toEqual(['expires', 'name', 'purpose', 'provider']);
    expect(headerRoles(['Name of cookie', 'What it does', 'Expiry date'])).toEqual(['name', 'purpose', 'expires']);
    expect(headerRoles(['_ga', 'Counts visitors', '2 years'])).toBeUndefined();
    expect(headerRoles(['Name', 'Address'])).toBeUndefined();
  });

  test('single-spaced rows split by what each column can hold', () => {
    expect(splitSpacedRow('_ga Tells visitors apart 2 years', ['name', 'purpose', 'expires'])).toEqual([
      '_ga',
      'Tells visitors apart',
      '2 years',
    ]);
    expect(splitSpacedRow('nmstat Records visits 1000 days after last visit', ['name', 'purpose', 'expires'])).toEqual([
      'nmstat',
      'Records visits',
      '1000 days after last visit',
    ]);
    expect(splitSpacedRow('2 years _ga Tells visitors apart', ['expires', 'name', 'purpose'])).toEqual([
      '2 years',
      '_ga',
      'Tells visitors apart',
    ]);
    expect(splitSpacedRow('We keep them for 2 years', ['name', 'purpose', 'expires'])).toBeUndefined();
  });

  test('headings name categories, or none', () => {
    expect(categoryFromWords('Strictly necessary cookies')).toBe('essential');
    expect(categoryFromWords('Cookies that measure website use')).toBe('analytics');
    expect(categoryFromWords('Videos')).toBe('video');
    expect(categoryFromWords('Third party cookies')).toBeUndefined();
  });

  test('plain text: pipe tables, headings and sentences are told apart', () => {
    const { items } = readText('Essential cookies\nWe use one cookie.\nName | Purpose | Expires |\n---|---|---|\na | b | 1 day |\n');
    expect(items).toEqual([
      { kind: 'heading', text: 'Essential cookies' },
      { kind: 'text', text: 'We use one cookie.' },
      {
        kind: 'table',
        rows: [
          ['Name', 'Purpose', 'Expires'],
          ['a', 'b', '1 day'],
        ],
      },
    ]);
  });

  test('audit progress goes to a terminal only', () => {
    const written: string[] = [];
    const stream = (isTTY: boolean) => ({ isTTY, write: (text: string) => written.push(text) }) as unknown as NodeJS.WriteStream;
    progressReporter(stream(false))('quiet');
    progressReporter(stream(true))('opening');
    expect(written).toEqual(['audit: opening\n']);
  });
});

describe('import never writes an invalid catalogue', () => {
  // Scraps of real policies, shuffled into lines: whatever a policy holds, the draft validates.
  const scraps = [
    'Name',
    'Purpose',
    'Expires',
    'Cookie',
    'Description',
    'Lasts for',
    'Type',
    'Domain',
    'Cookie name:',
    'Information:',
    'Expires:',
    'Domain:',
    'Type:',
    '|',
    '|',
    '---',
    '_ga',
    '_utma, _utmb',
    '__utm*',
    'nmstat',
    'PHPSESSID',
    'CookieControl',
    'x y z',
    'Google Analytics',
    '2 years',
    '1000 days after last visit',
    'Browser session',
    'Persistent',
    'Session',
    '1 year 1 month 4 days',
    '.example.gov.uk',
    'not a domain!',
    'Analytics cookies',
    'Essential cookies',
    '# Videos',
    '<container-id>',
    '"',
    ':',
    '\t',
    '  ',
    'café',
    '🍪',
    '<b>',
    '',
    'and',
    '_ga_XXXX',
    '*',
    '=',
    'consent_cookie',
    'cookie_consent',
    'Category:',
    'Provider:',
    'YouTube',
    'Marketing',
    '{id}',
    '[x]',
    'https://www.youtube.com/x',
    'Name: Jane',
    'two weeks',
    '0 days',
    '99999999999 years',
    'Set by',
  ];
  const line = fc.array(fc.constantFrom(...scraps), { maxLength: 8 }).map((words) => words.join(' '));
  const policy = fc.array(line, { maxLength: 30 }).map((lines) => lines.join('\n'));

  test('a consent cookie kept for longer than a browser allows is drafted at 400 days, and the guess says so (found by the property below)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ccc-long-')), 'policy.txt');
    writeFileSync(file, 'consent_cookie\nx y z 99999999999 years Expires');
    const notes: string[] = [];
    const draft = JSON.parse(importCommand(file, {}, (note) => notes.push(note)));
    expect(validateCatalog(draft).problems).toBeUndefined();
    expect(draft.consentCookie).toEqual({ name: 'consent_cookie', expiresDays: 400 });
    expect(notes.join('\n')).toContain('the draft keeps it for 400, the most a browser allows');
  });

  test('for any text or HTML', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccc-fuzz-'));
    fc.assert(
      fc.property(policy, fc.boolean(), (text, asHtml) => {
        const file = join(dir, asHtml ? 'policy.html' : 'policy.txt');
        writeFileSync(
          file,
          asHtml
            ? `<table>${text
                .split('\n')
                .map((row) => `<tr><td>${row.split('|').join('</td><td>')}</td></tr>`)
                .join('')}</table>\n<p>${text}</p>`
            : text,
        );
        const draft = JSON.parse(importCommand(file, {}, () => undefined));
        expect(validateCatalog(draft).problems).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});
