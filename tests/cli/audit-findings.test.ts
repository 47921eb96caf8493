import { describe, expect, test } from 'vitest';
import type { Catalog } from '../../src/catalog/definition.js';
import { CannotRun, firstLine } from '../../src/cli/audit/cannot-run.js';
import { auditFindings, type Phases } from '../../src/cli/audit/findings.js';
import { loadChromium } from '../../src/cli/audit/load-playwright.js';
import type { ObservedCookie, PhaseRecord } from '../../src/cli/audit/observed.js';
import { lifetimeInWords } from '../../src/cli/audit/report.js';
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
  test('first and third party, by registrable domain', () => {
    expect(siteOf('www.tmbc.gov.uk')).toBe('tmbc.gov.uk');
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
    expect([null, 59, 600, 86400, 400 * DAY].map(lifetimeInWords)).toEqual(['session', '59 s', '10 min', '24 h', '400 days']);
  });
});
