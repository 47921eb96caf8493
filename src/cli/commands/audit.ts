import type { Browser } from 'playwright-core';
import type { Catalog } from '../../catalog/definition.js';
import { CannotRun, firstLine } from '../audit/cannot-run.js';
import { auditFindings } from '../audit/findings.js';
import { loadChromium } from '../audit/load-playwright.js';
import { PHASE_TITLES, type PhaseName } from '../audit/observed.js';
import { progressReporter } from '../audit/progress.js';
import { type AuditReport, reportAsText } from '../audit/report.js';
import { type PhaseResult, runPhase } from '../audit/run-phase.js';
import { CHROMIUM_ARGS, chromiumExecutable } from '../chromium.js';
import { readCatalogFile } from '../read-catalog.js';
import { packageVersion } from '../version.js';

export interface AuditOptions {
  catalog?: string;
  json: boolean;
  /** Extra Chromium flags, e.g. `--host-resolver-rules=…` to audit a staging host under its real name. */
  browserArgs: string[];
}

const PHASES: PhaseName[] = ['noChoice', 'accepted', 'rejected'];

function readCatalogOrStop(file: string | undefined): Catalog {
  if (!file) throw new CannotRun('audit needs --catalog <catalog.json>: the cookies the page is allowed to set');
  const { catalog, problems } = readCatalogFile(file);
  if (!catalog) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem(s); run validate)` : '';
    throw new CannotRun(`${file} is not a valid catalogue: ${problems[0].path}: ${problems[0].message}${more}`);
  }
  return catalog;
}

function checkUrl(url: string | undefined): string {
  if (!url) throw new CannotRun('audit needs the URL of a page to open');
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.href;
  } catch {
    // Reported below.
  }
  throw new CannotRun(`"${url}" is not an http(s) URL`);
}

async function launchChromium(browserArgs: string[]): Promise<Browser> {
  const chromium = await loadChromium();
  const executablePath = chromiumExecutable();
  try {
    return await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: [...CHROMIUM_ARGS, ...browserArgs] });
  } catch (error) {
    throw new CannotRun(`could not start Chromium (set CHROMIUM_PATH to a Chromium or Chrome): ${firstLine(error)}`);
  }
}

/** Opens the page three times in fresh profiles and returns the report. */
export async function runAudit(
  url: string,
  catalog: Catalog,
  browserArgs: string[],
  progress: (message: string) => void,
): Promise<AuditReport> {
  const browser = await launchChromium(browserArgs);
  try {
    const hasOptional = catalog.categories.some((category) => category.id !== 'essential');
    progress(`opening ${url} in fresh browser profiles`);
    // The phases share nothing but the browser, so they run side by side; the answered ones are
    // thrown away if the page turns out not to use the library.
    const wanted: PhaseName[] = hasOptional ? PHASES : ['noChoice'];
    const results = await Promise.all(
      wanted.map(async (phase) => {
        const result = await runPhase(browser, url, phase, hasOptional);
        progress(`${PHASE_TITLES[phase]}: ${result.cookies.length} cookie(s)`);
        return [phase, result] as const;
      }),
    );
    const byPhase = Object.fromEntries(results) as Partial<Record<PhaseName, PhaseResult>>;
    const noChoice = byPhase.noChoice!;
    const library = noChoice.library;
    const skipReason = !library
      ? 'the page does not use council-cookie-consent, so there is no banner to answer'
      : !hasOptional
        ? 'the catalogue has no optional category, so there is nothing to accept or reject'
        : undefined;
    const record = ({ library: _library, finalUrl: _finalUrl, ...phase }: PhaseResult) => phase;
    const phases: AuditReport['phases'] = skipReason
      ? { noChoice: record(noChoice), accepted: { skipped: skipReason }, rejected: { skipped: skipReason } }
      : { noChoice: record(noChoice), accepted: record(byPhase.accepted!), rejected: record(byPhase.rejected!) };
    const findings = auditFindings(catalog, skipReason ? { noChoice } : byPhase);
    return { version: packageVersion(), url, finalUrl: noChoice.finalUrl, library, findings, phases };
  } finally {
    await browser.close().catch(() => undefined);
  }
}

/**
 * `audit <url> --catalog <catalog.json> [--json]`: exit 0 with no findings, 1 with
 * findings, 2 (and one line on stderr) when the audit could not run.
 */
export async function auditCommand(url: string | undefined, options: AuditOptions): Promise<number> {
  try {
    const catalog = readCatalogOrStop(options.catalog);
    const report = await runAudit(checkUrl(url), catalog, options.browserArgs, progressReporter());
    console.log(options.json ? JSON.stringify(report, null, 2) : reportAsText(report, options.catalog!));
    return report.findings.length ? 1 : 0;
  } catch (error) {
    console.error(`council-cookie-consent: audit could not run: ${error instanceof CannotRun ? error.message : firstLine(error)}`);
    return 2;
  }
}
