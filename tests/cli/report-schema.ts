import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ROOT } from './run-cli.js';

/** The JSON Schema the package ships for `audit --json`, compiled strictly (unknown keywords are errors). */
export const AUDIT_REPORT_SCHEMA = JSON.parse(readFileSync(`${ROOT}schemas/audit-report.schema.json`, 'utf8'));
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(AUDIT_REPORT_SCHEMA);

/** Every way `report` departs from the schema, as "path: message" lines (none when it fits). */
export function auditReportErrors(report: unknown): string[] {
  return validate(report) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '(top)'}: ${error.message}`);
}
