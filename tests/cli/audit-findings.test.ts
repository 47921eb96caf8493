import { describe, expect, test } from 'vitest';
import type { Catalog } from '../../src/catalog/definition.js';
import { CannotRun, firstLine } from '../../src/cli/audit/cannot-run.js';
import { auditFindings, type Phases } from '../../src/cli/audit/findings.js';
import { lifetimeInWords } from '../../src/cli/audit/lifetime-words.js';
import { loadChromium } from '../../src/cli/audit/load-playwright.js';
import type { ObservedCookie, PhaseRecord } from '../../src/cli/audit/observed.js';
import { redirectNote, reportAsText } from '../../src/cli/audit/report.js';
import { isFirstParty, siteOf } from '../../src/cli/audit/site-of.js';

/** The findings rules on recorded phases, without a browser. */

const catalog: Catalog = {
  site: { name: 'Test Borough Council', domain: 'test.gov.uk' },
  revision: 1,
  consentCookie: { name: 'test_consent', expiresDays: 90 },
  categories: [
    {
      id: 'essential',
      title: 'Essential',
      description: 'Always on.',
      cookies: [{ name: 'PHPSESSID', purpose: 'Session.', expires: 'session' }],
    },
    {
      id: 'analytics',
      title: 'Analytics',
      description: 'Optional.',
      cookies: [
        { name: '_ga', purpose: 'Counts visitors.', expires: 'P2Y' },
        { name: '_gat', purpose: 'Rate limit.', expires: 'PT1M' },
        { name: '__utm*', purpose: 'Old analytics.', expires: 'P90D' },
        { name: 'siteimproveses', purpose: 'Visit.', expires: 'session', domain: '.siteimprove.com' },
      ],
    },
    {
      id: 'statistics',
      title: 'Statistics',
      description: 'On until turned off.',
      basis: 'statistics-exemption',
      cookies: [{ name: 'nmstat', purpose: 'Counts visits.', expires: 'P1000D' }],
    },
  ],
};

const DAY = 86400;
const cookie = (name: string, lifetimeSeconds: number | null, extra: Partial<ObservedCookie> = {}): ObservedCookie => ({
  name,
  domain: 'www.test.gov.uk',
  path: '/',
  expires: null,
  lifetimeSeconds,
  party: 'first',
  httpOnly: false,
  secure: false,
  sameSite: 'Lax',
  ...extra,
});
const phase = (cookies: ObservedCookie[], setThenRemoved: ObservedCookie[] = []): PhaseRecord => ({
  steps: [],
  cookies,
  setThenRemoved,
  localStorage: [],
  libraryMessages: [],
});
const findings = (phases: Phases) => auditFindings(catalog, phases).map((f) => `${f.kind} ${f.cookie}`);

describe('audit findings', () => {
  test('a clean run has none: declared cookies, consent respected, the consent cookie counted as declared', () => {
    const consentCookie = cookie('test_consent', 90 * DAY);
    expect(
      findings({
        noChoice: phase([cookie('PHPSESSID', null), cookie('nmstat', 400 * DAY)]),
        accepted: phase([consentCookie, cookie('_ga', 400 * DAY), cookie('__utma', 80 * DAY), cookie('_gat', 59)]),
        rejected: phase([consentCookie]),
      }),
    ).toEqual([]);
  });

  test('set-before-consent: an optional cookie with no choice made, even one the library deleted again', () => {
    expect(findings({ noChoice: phase([cookie('_ga', 400 * DAY)]) })).toEqual(['set-before-consent _ga']);
    expect(findings({ noChoice: phase([], [cookie('__utmz', 90 * DAY)]) })).toEqual(['set-before-consent __utmz']);
    // The statistics exemption is on until a resident turns it off.
    expect(findings({ noChoice: phase([cookie('nmstat', 400 * DAY)]) })).toEqual([]);
  });

  test('set-before-consent even when undeclared: a well-known optional cookie (_ga) needs consent whatever the catalogue says', () => {
    const bare: Catalog = { ...catalog, categories: [catalog.categories[0]] };
    const result = auditFindings(bare, { noChoice: phase([cookie('_ga', 400 * DAY), cookie('council_tracker', DAY)]) });
    expect(result.map((f) => `${f.kind} ${f.cookie}`)).toEqual(['set-before-consent _ga', 'undeclared _ga', 'undeclared council_tracker']);
    expect(result[0].reason).toBe(
      'set with no choice made; the catalogue does not declare it, but it is a known Google Analytics cookie (analytics), which needs consent first',
    );
    // Seen only after accepting, it was not set before consent.
    expect(auditFindings(bare, { accepted: phase([cookie('_ga', 400 * DAY)]) }).map((f) => f.kind)).toEqual(['undeclared']);
    // A known essential cookie (a session) is not held to consent.
    expect(auditFindings(bare, { noChoice: phase([cookie('JSESSIONID', null)]) }).map((f) => f.kind)).toEqual(['undeclared']);
  });

  test('undeclared: any cookie the catalogue does not name, in any phase, reported once', () => {
    const stray = cookie('council_tracker', DAY);
    const result = auditFindings(catalog, { noChoice: phase([stray]), accepted: phase([stray]) });
    expect(result.map((f) => `${f.kind} ${f.cookie}`)).toEqual(['undeclared council_tracker']);
    expect(result[0].phases).toEqual(['noChoice', 'accepted']);
  });

  test('not-cleared-after-reject, with a reason the council can act on', () => {
    const result = auditFindings(catalog, {
      noChoice: phase([]),
      accepted: phase([]),
      rejected: phase([
        cookie('siteimproveses', null, { domain: '.siteimprove.com', party: 'third' }),
        cookie('_ga', 400 * DAY, { httpOnly: true }),
        cookie('_gat', 50, { path: '/forms/' }),
        cookie('__utmb', DAY),
        cookie('nmstat', 400 * DAY),
        cookie('council_tracker', DAY),
        cookie('PHPSESSID', null),
        cookie('test_consent', 90 * DAY),
      ]),
    });
    const reasons = Object.fromEntries(result.filter((f) => f.kind === 'not-cleared-after-reject').map((f) => [f.cookie, f.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['__utmb', '_ga', '_gat', 'council_tracker', 'nmstat', 'siteimproveses']);
    expect(reasons.siteimproveses).toMatch(/^set on siteimprove\.com, another site's domain, which this page cannot delete/);
    expect(reasons._ga).toMatch(/^HttpOnly/);
    expect(reasons._gat).toMatch(/path \/forms\//);
    expect(reasons.council_tracker).toMatch(/not in the catalogue/);
    expect(reasons.__utmb).toMatch(/declared as analytics but still there/);
  });

  test('a cookie there before any choice and still there after rejecting is undeclared, not "not cleared"', () => {
    const stray = cookie('server_id', DAY);
    expect(findings({ noChoice: phase([stray]), accepted: phase([stray]), rejected: phase([stray]) })).toEqual(['undeclared server_id']);
  });

  test('lifetime-exceeds-declared: more than 10 % or 60 s longer, whichever is more', () => {
    const lives = (name: string, seconds: number | null) => findings({ accepted: phase([cookie(name, seconds)]) });
    expect(lives('_gat', 119)).toEqual([]); // PT1M: 60 s of slack.
    expect(lives('_gat', 121)).toEqual(['lifetime-exceeds-declared _gat']);
    expect(lives('__utma', 99 * DAY - 1)).toEqual([]); // P90D: 9 days of slack.
    expect(lives('__utma', 99 * DAY + 1)).toEqual(['lifetime-exceeds-declared __utma']);
    // Chrome caps cookies at 400 days, so P2Y and P1000D declarations are never exceeded.
    expect(lives('_ga', 400 * DAY)).toEqual([]);
    expect(lives('PHPSESSID', null)).toEqual([]);
    expect(lives('PHPSESSID', 3600)).toEqual(['lifetime-exceeds-declared PHPSESSID']);
    expect(lives('test_consent', 365 * DAY)).toEqual(['lifetime-exceeds-declared test_consent']);
  });

  test('the reason gives both lifetimes in words', () => {
    const reason = (name: string, seconds: number) => auditFindings(catalog, { accepted: phase([cookie(name, seconds)]) })[0].reason;
    expect(reason('__utma', 400 * DAY)).toBe('lives 400 days, declared 90 days');
    expect(reason('_gat', 3600)).toBe('lives 60 minutes, declared 1 minute');
    expect(reason('PHPSESSID', 7 * DAY)).toBe('lives 7 days, declared a session cookie');
  });

  test('the finding carries what was declared and what was seen', () => {
    const [finding] = auditFindings(catalog, { accepted: phase([cookie('_gat', 3600)]) });
    expect(finding).toMatchObject({
      kind: 'lifetime-exceeds-declared',
      cookie: '_gat',
      domain: 'www.test.gov.uk',
      path: '/',
      category: 'analytics',
      declaredExpires: 'PT1M',
      declaredSeconds: 60,
      lifetimeSeconds: 3600,
      phases: ['accepted'],
    });
  });
});

describe('audit helpers', () => {
  test('first and third party, by registrable domain on the public suffix list', () => {
    expect(siteOf('www.tmbc.gov.uk')).toBe('tmbc.gov.uk');
    // Suffixes a short hard-coded list did not know, and the list's private section.
    expect(siteOf('www.example.org.au')).toBe('example.org.au');
    expect(siteOf('maps.example.gov.scot')).toBe('example.gov.scot');
    expect(siteOf('council.github.io')).toBe('council.github.io');
    expect(isFirstParty('.council-a.github.io', 'council-b.github.io')).toBe(false);
    expect(isFirstParty('.example.org.au', 'www.other.org.au')).toBe(false);
    expect(siteOf('gov.uk')).toBe('gov.uk');
    expect(siteOf('.google.com')).toBe('google.com');
    expect(siteOf('localhost')).toBe('localhost');
    expect(siteOf('127.0.0.1')).toBe('127.0.0.1');
    expect(isFirstParty('.tmbc.gov.uk', 'www.tmbc.gov.uk')).toBe(true);
    expect(isFirstParty('.siteimprove.com', 'www.tmbc.gov.uk')).toBe(false);
    expect(isFirstParty('tunbridgewells.gov.uk', 'www.tmbc.gov.uk')).toBe(false);
  });

  test('without playwright-core the audit cannot run, and says why in one line', async () => {
    await expect(loadChromium('playwright-core-that-is-not-installed')).rejects.toThrow(CannotRun);
    await expect(loadChromium('playwright-core-that-is-not-installed')).rejects.toThrow(
      /^audit needs playwright-core-that-is-not-installed \(npm install --save-dev playwright-core-that-is-not-installed\)/,
    );
  });

  test("Playwright's long errors come down to their first line", () => {
    expect(firstLine(new Error('page.goto: net::ERR_NAME_NOT_RESOLVED at https://x.test/\nCall log:\n  - navigating'))).toBe(
      'net::ERR_NAME_NOT_RESOLVED at https://x.test/',
    );
  });

  test('lifetimes in words for the readable report', () => {
    expect([null, 1, 59, 600, 86400, 400 * DAY].map(lifetimeInWords)).toEqual([
      'session',
      '1 second',
      '59 seconds',
      '10 minutes',
      '24 hours',
      '400 days',
    ]);
  });

  test('a page on another host after a redirect is said to be, with the site it is judged by', () => {
    expect(redirectNote({ url: 'http://localhost:8080/go/', finalUrl: 'https://www.tmbc.gov.uk/home' })).toBe(
      'The page redirected to https://www.tmbc.gov.uk/home, another host: first and third party are judged by its site, tmbc.gov.uk.',
    );
    expect(redirectNote({ url: 'http://www.tmbc.gov.uk/', finalUrl: 'https://www.tmbc.gov.uk/home' })).toBeUndefined();
    const text = reportAsText(
      {
        version: '1.0.0',
        url: 'http://localhost:8080/go/',
        finalUrl: 'https://www.tmbc.gov.uk/',
        library: false,
        findings: [],
        phases: { noChoice: phase([]) },
      },
      'tmbc.json',
    );
    expect(text.split('\n').slice(0, 2)).toEqual([
      'Audit of http://localhost:8080/go/ against tmbc.json',
      'The page redirected to https://www.tmbc.gov.uk/, another host: first and third party are judged by its site, tmbc.gov.uk.',
    ]);
  });
});
