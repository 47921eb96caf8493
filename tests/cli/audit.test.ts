import { readFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
// @ts-expect-error: the demo server is plain JavaScript.
import { startDemoServer } from '../../demo/serve.js';
import type { Finding } from '../../src/cli/audit/findings.js';
import type { AuditReport } from '../../src/cli/audit/report.js';
import { auditReportErrors } from './report-schema.js';
import { fixture, ROOT, runCli } from './run-cli.js';

/**
 * The audit through the real bin, against the demo and against pages broken on purpose.
 * One server for all; the audits run side by side, each in its own Chromium.
 */

const TUNBRIDGE_WELLS = `${ROOT}cookie-catalogs/tunbridge-wells.json`;
const VERSION = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')).version;
const REAL_NAMES = '--host-resolver-rules=MAP *.example-council.test 127.0.0.1';

const LIBRARY = '<script src="/dist/council-cookie-consent.iife.js" data-catalog="/cookie-catalogs/tunbridge-wells.json" defer></script>';
const testPage = (body: string, head = LIBRARY) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test page</title>${head}</head><body><main><h1>Test page</h1>${body}</main></body></html>`;
/** Analytics code held back until consent, as the library expects. */
const blocked = (code: string) => `<script type="text/plain" data-cookie-category="analytics">${code}</script>`;

const ROUTES = {
  // The analytics tag is not blocked: it sets Google Analytics cookies before anyone agrees.
  '/broken/unblocked-analytics/': {
    body: testPage(
      `<script>document.cookie = '_ga=GA1.1.1; path=/; max-age=63072000'; document.cookie = '_gid=GA1.1.2; path=/; max-age=86400';</script>`,
    ),
  },
  // Once released, the tag also sets a cookie the catalogue does not declare.
  '/broken/undeclared-cookie/': {
    body: testPage(
      blocked(`document.cookie = 'council_tracker=1; path=/; max-age=86400'; document.cookie = '_ga=GA1.1.1; path=/; max-age=63072000';`),
    ),
  },
  // _gid is declared for 24 hours, but this tag keeps it a week.
  '/broken/long-lived-cookie/': { body: testPage(blocked(`document.cookie = '_gid=GA1.1.2; path=/; max-age=' + 7 * 86400;`)) },
  // Two cookies the page cannot delete when the resident rejects: one on a path other than /,
  // one set by the server as HttpOnly.
  '/broken/not-cleared/': {
    body: testPage(blocked(`document.cookie = '_gat=1; path=/broken/elsewhere/; max-age=50'; fetch('/broken/collect');`)),
  },
  '/broken/collect': { body: '', type: 'text/plain', headers: { 'set-cookie': '_ga=GA1.1.3; Path=/; Max-Age=3600; HttpOnly' } },
  // Pages that do not use the library at all.
  '/no-library/': { body: testPage(`<script>document.cookie = '_ga=GA1.1.1; path=/; max-age=3600';</script>`, '') },
  '/no-library/clean/': { body: testPage('<p>Nothing to see.</p>', '') },
  // A short link that sends the resident on to the council's site (the location is set once the port is known).
  '/go/tunbridge-wells': { body: '', status: 302, type: 'text/plain', headers: { location: '' } },
  // Another consent tool that also calls its global CookieConsent (Cookiebot, vanilla-cookieconsent).
  '/other-tool/': {
    body: testPage(`<script>window.CookieConsent = { consent: {} }; document.cookie = '_ga=GA1.1.1; path=/; max-age=3600';</script>`, ''),
  },
};

let server: { url: string; port: number; close(): Promise<void> };
beforeAll(async () => {
  server = await startDemoServer({ port: 0, routes: ROUTES });
  ROUTES['/go/tunbridge-wells'].headers.location = `http://www.example-council.test:${server.port}/tunbridge-wells/`;
});
afterAll(() => server?.close());

/** The report of an `audit --json` run, which must fit the schema the package ships. */
function reportOf(stdout: string): AuditReport {
  const report = JSON.parse(stdout) as AuditReport;
  expect(auditReportErrors(report)).toEqual([]);
  expect(report.version).toBe(VERSION);
  return report;
}

async function auditJson(path: string, extra: string[] = []) {
  const run = await runCli(['audit', `${server.url}${path}`, '--catalog', TUNBRIDGE_WELLS, '--json', ...extra]);
  expect(run.stderr).toBe(''); // Progress is for terminals only.
  return { code: run.code, report: reportOf(run.stdout) };
}
/** A port nothing listens on. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const kindsOf = (findings: Finding[], cookie: string) => findings.filter((f) => f.cookie === cookie).map((f) => f.kind);

describe.concurrent('audit', () => {
  test('the Tunbridge Wells demo, under a real domain name: no findings, exit 0', async () => {
    const url = `http://www.example-council.test:${server.port}/tunbridge-wells/`;
    const run = await runCli(['audit', url, '--catalog', TUNBRIDGE_WELLS, '--json', `--browser-arg=${REAL_NAMES}`]);
    expect(run.stderr).toBe('');
    const report = reportOf(run.stdout);
    expect(report).toMatchObject({ url, finalUrl: url, library: true, findings: [] });
    expect(run.code).toBe(0);
    const { noChoice, accepted, rejected } = report.phases as Required<AuditReport['phases']>;
    expect('cookies' in noChoice && noChoice.cookies).toEqual([]);
    // The stand-in tag sets its cookies on the parent domain, as Google Analytics does.
    expect('cookies' in accepted && accepted.cookies.map((c) => `${c.name}@${c.domain}`)).toEqual(
      expect.arrayContaining(['_ga@.example-council.test', '_gid@.example-council.test', '_gat@.example-council.test']),
    );
    expect('steps' in accepted && accepted.steps).toContain("accepted with the banner's button");
    expect('cookies' in rejected && rejected.cookies.map((c) => c.name)).toEqual(['CookieControl']);
    const ga = 'cookies' in accepted ? accepted.cookies.find((c) => c.name === '_ga')! : undefined;
    expect(ga).toMatchObject({ path: '/', party: 'first', httpOnly: false });
    // Chrome keeps no cookie longer than 400 days, whatever the tag asks for.
    expect(ga!.lifetimeSeconds).toBeLessThanOrEqual(400 * 86400);
  });

  test('a redirect to another host: the report says where it landed, and judges first or third party by that site', async () => {
    // A short link on another site sends the resident on to the council's page: the stand-in tag's
    // cookies on .example-council.test are the page's own, although the URL given was on example-link.test.
    const url = `http://go.example-link.test:${server.port}/go/tunbridge-wells`;
    const rules = '--browser-arg=--host-resolver-rules=MAP *.example-council.test 127.0.0.1, MAP *.example-link.test 127.0.0.1';
    const run = await runCli(['audit', url, '--catalog', TUNBRIDGE_WELLS, '--json', rules]);
    const report = reportOf(run.stdout);
    expect(report).toMatchObject({ url, finalUrl: `http://www.example-council.test:${server.port}/tunbridge-wells/`, findings: [] });
    const { accepted } = report.phases as Required<AuditReport['phases']>;
    const ga = 'cookies' in accepted ? accepted.cookies.find((c) => c.name === '_ga') : undefined;
    expect(ga).toMatchObject({ domain: '.example-council.test', party: 'first' });
    expect(run.code).toBe(0);
  });

  test('an unblocked analytics tag: set-before-consent, exit 1', async () => {
    const { code, report } = await auditJson('/broken/unblocked-analytics/');
    expect(code).toBe(1);
    expect(report.library).toBe(true);
    expect(kindsOf(report.findings, '_ga')).toContain('set-before-consent');
    expect(kindsOf(report.findings, '_gid')).toContain('set-before-consent');
    expect(report.findings.find((f) => f.kind === 'set-before-consent' && f.cookie === '_ga')).toMatchObject({
      category: 'analytics',
      phases: ['noChoice'],
    });
  });

  test('a cookie the catalogue does not declare: undeclared, and not cleared after rejecting', async () => {
    const { code, report } = await auditJson('/broken/undeclared-cookie/');
    expect(code).toBe(1);
    expect(kindsOf(report.findings, 'council_tracker')).toEqual(['undeclared', 'not-cleared-after-reject']);
    expect(report.findings.find((f) => f.kind === 'undeclared')!.phases).toEqual(['accepted', 'rejected']);
    expect(kindsOf(report.findings, '_ga')).toEqual([]);
  });

  test('a cookie outliving its declared expiry: lifetime-exceeds-declared', async () => {
    const { code, report } = await auditJson('/broken/long-lived-cookie/');
    expect(code).toBe(1);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({
      kind: 'lifetime-exceeds-declared',
      cookie: '_gid',
      declaredExpires: 'PT24H',
      declaredSeconds: 86400,
    });
    expect(report.findings[0].lifetimeSeconds).toBeGreaterThan(6 * 86400);
  });

  test('cookies the page cannot delete: not-cleared-after-reject, each with its reason (readable report)', async () => {
    const run = await runCli(['audit', `${server.url}/broken/not-cleared/`, '--catalog', TUNBRIDGE_WELLS]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Audit of http:\/\/localhost:\d+\/broken\/not-cleared\/ against .*tunbridge-wells\.json$/m);
    expect(run.stdout).toMatch(/^2 finding\(s\):$/m);
    expect(run.stdout).toMatch(/^not-cleared-after-reject\s+_ga\s+localhost\s+HttpOnly, so no script on the page can delete it/m);
    expect(run.stdout).toMatch(
      /^not-cleared-after-reject\s+_gat\s+localhost\s+set on path \/broken\/elsewhere\/, which pages outside it cannot see: declare "path"/m,
    );
    expect(run.stdout).toMatch(/^after accepting then rejecting\s+_ga\s+localhost\s+\/\s+60 minutes\s+first, HttpOnly$/m);
  });

  test('a page without the library: only the no-choice phase, and the report says so', async () => {
    const [{ code, report }, clean] = await Promise.all([
      auditJson('/no-library/'),
      runCli(['audit', `${server.url}/no-library/clean/`, '--catalog', TUNBRIDGE_WELLS]),
    ]);
    expect(code).toBe(1);
    expect(report.library).toBe(false);
    expect(report.findings.map((f) => [f.kind, f.cookie])).toEqual([['set-before-consent', '_ga']]);
    expect(report.phases.accepted).toEqual({ skipped: expect.stringMatching(/does not use council-cookie-consent/) });
    expect(report.phases.rejected).toEqual({ skipped: expect.stringMatching(/does not use council-cookie-consent/) });

    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/does not use council-cookie-consent .* only what it sets with no interaction was audited/);
    expect(clean.stdout).toMatch(/^No findings/m);
  });

  test('a page with another tool’s window.CookieConsent is audited as a page without the library', async () => {
    const { code, report } = await auditJson('/other-tool/');
    expect(report.library).toBe(false);
    expect(report.findings.map((f: Finding) => [f.kind, f.cookie])).toEqual([['set-before-consent', '_ga']]);
    expect(code).toBe(1);
  });

  test('could not run: exit 2 and one line, no stack trace', async () => {
    const closedPort = await freePort();
    const [unreachable, missingPage, noCatalog, badCatalog, notAUrl] = await Promise.all([
      runCli(['audit', `http://127.0.0.1:${closedPort}/`, '--catalog', TUNBRIDGE_WELLS]),
      runCli(['audit', `${server.url}/no-such-page`, '--catalog', TUNBRIDGE_WELLS]),
      runCli(['audit', `${server.url}/no-library/clean/`]),
      runCli(['audit', `${server.url}/no-library/clean/`, '--catalog', fixture('cli/invalid-catalog.json')]),
      runCli(['audit', 'tunbridgewells.gov.uk', '--catalog', TUNBRIDGE_WELLS]),
    ]);
    for (const run of [unreachable, missingPage, noCatalog, badCatalog, notAUrl]) {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/^council-cookie-consent: audit could not run: /);
    }
    expect(unreachable.stderr).toContain(`could not open http://127.0.0.1:${closedPort}/: net::ERR_CONNECTION_REFUSED`);
    expect(missingPage.stderr).toMatch(/answered HTTP 404/);
    expect(noCatalog.stderr).toMatch(/needs --catalog/);
    expect(badCatalog.stderr).toMatch(/invalid-catalog\.json is not a valid catalogue: /);
    expect(notAUrl.stderr).toMatch(/is not an http\(s\) URL/);
  });
});
