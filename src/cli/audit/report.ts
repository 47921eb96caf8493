import type { Finding } from './findings.js';
import { lifetimeInWords } from './lifetime-words.js';
import { PHASE_TITLES, type PhaseName, type PhaseRecord, type SkippedPhase } from './observed.js';
import { siteOf } from './site-of.js';

/** What `audit --json` prints: schemas/audit-report.schema.json describes it. */
export interface AuditReport {
  /** The version of council-cookie-consent that wrote the report. */
  version: string;
  url: string;
  /** Where the page ended up after any redirect: first and third party are judged by its site. */
  finalUrl: string;
  library: boolean;
  findings: Finding[];
  phases: Partial<Record<PhaseName, PhaseRecord | SkippedPhase>>;
}

export const NO_LIBRARY_NOTE =
  'This page does not use council-cookie-consent (it has no window.CookieConsent), so there is no banner to answer: ' +
  'only what it sets with no interaction was audited.';

/** A note when the page is on another host than the URL given, or undefined. */
export function redirectNote(report: Pick<AuditReport, 'url' | 'finalUrl'>): string | undefined {
  const host = new URL(report.finalUrl).hostname;
  if (host === new URL(report.url).hostname) return undefined;
  return `The page redirected to ${report.finalUrl}, another host: first and third party are judged by its site, ${siteOf(host)}.`;
}

/** Plain columns, padded to the widest cell, for a terminal or a CI log. */
function columns(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  '));
}

const isSkipped = (phase: PhaseRecord | SkippedPhase | undefined): phase is SkippedPhase => !!phase && 'skipped' in phase;

/** The report as text: what was done, every cookie seen per phase, then the findings. */
export function reportAsText(report: AuditReport, catalogFile: string): string {
  const lines = [`Audit of ${report.url} against ${catalogFile}`];
  const redirected = redirectNote(report);
  if (redirected) lines.push(redirected);
  if (!report.library) lines.push(NO_LIBRARY_NOTE);
  lines.push('');
  const cookieRows = [['PHASE', 'COOKIE', 'DOMAIN', 'PATH', 'LIFETIME', 'PARTY']];
  const storageRows = [['PHASE', 'ORIGIN', 'LOCAL STORAGE KEY']];
  for (const [name, phase] of Object.entries(report.phases) as [PhaseName, PhaseRecord | SkippedPhase][]) {
    if (isSkipped(phase)) {
      lines.push(`${PHASE_TITLES[name]}: skipped (${phase.skipped})`);
      continue;
    }
    lines.push(`${PHASE_TITLES[name]}: ${phase.steps.join(', ')}; ${phase.cookies.length} cookie(s)`);
    for (const c of phase.cookies)
      cookieRows.push([
        PHASE_TITLES[name],
        c.name,
        c.domain,
        c.path,
        lifetimeInWords(c.lifetimeSeconds),
        c.party + (c.httpOnly ? ', HttpOnly' : ''),
      ]);
    // Their lifetime is what the script asked for; the browser never got to keep them.
    for (const c of phase.setThenRemoved)
      cookieRows.push([
        PHASE_TITLES[name],
        c.name,
        c.domain,
        c.path,
        `(${lifetimeInWords(c.lifetimeSeconds)})`,
        `${c.party}, set then removed`,
      ]);
    for (const item of phase.localStorage) storageRows.push([PHASE_TITLES[name], item.origin, item.key]);
  }
  lines.push('', ...(cookieRows.length > 1 ? columns(cookieRows) : ['No cookies were set in any phase.']));
  if (storageRows.length > 1) lines.push('', ...columns(storageRows));
  lines.push('');
  if (!report.findings.length) lines.push('No findings: every cookie seen is declared, and consent was respected.');
  else {
    lines.push(`${report.findings.length} finding(s):`);
    lines.push(...columns([['KIND', 'COOKIE', 'DOMAIN', 'WHY'], ...report.findings.map((f) => [f.kind, f.cookie, f.domain, f.reason])]));
  }
  return lines.join('\n');
}
