import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { AuditReport } from '../../src/cli/audit/report.js';
import { auditReportErrors } from './report-schema.js';
import { ROOT } from './run-cli.js';

/** The schema itself: strict enough that a report which drifts from it fails (real reports are checked in audit.test.ts). */

const packageJson = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));

const report = (): AuditReport => ({
  version: '1.2.3',
  url: 'http://localhost:8080/',
  finalUrl: 'http://localhost:8080/',
  library: true,
  findings: [
    {
      kind: 'lifetime-exceeds-declared',
      cookie: '_gid',
      domain: 'localhost',
      path: '/',
      category: 'analytics',
      phases: ['accepted'],
      reason: 'lives 7 days, declared 24 hours',
      declaredExpires: 'PT24H',
      declaredSeconds: 86400,
      lifetimeSeconds: 604800,
    },
  ],
  phases: {
    noChoice: { steps: ['opened the page'], cookies: [], setThenRemoved: [], localStorage: [], consent: null, libraryMessages: [] },
    accepted: { skipped: 'the page does not use council-cookie-consent' },
    rejected: { skipped: 'the page does not use council-cookie-consent' },
  },
});

describe('the audit report schema', () => {
  test('accepts a report of the documented form', () => {
    expect(auditReportErrors(report())).toEqual([]);
  });

  test('requires the version, and refuses keys and kinds it does not document', () => {
    const { version: _version, ...withoutVersion } = report();
    expect(auditReportErrors(withoutVersion)).toEqual(["(top): must have required property 'version'"]);
    expect(auditReportErrors({ ...report(), extra: 1 })).toEqual(['(top): must NOT have additional properties']);
    const unknownKind = report();
    (unknownKind.findings[0] as { kind: string }).kind = 'tracking';
    expect(auditReportErrors(unknownKind)).toContain('/findings/0/kind: must be equal to one of the allowed values');
  });

  test('ships in the package, importable by path', () => {
    expect(packageJson.files).toContain('schemas');
    expect(packageJson.exports['./schemas/*.json']).toBe('./schemas/*.json');
    expect(existsSync('schemas/audit-report.schema.json')).toBe(true);
  });
});
