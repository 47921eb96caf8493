import { describeProblems, validateCatalog } from '../../catalog/validate.js';
import { buildCatalog } from '../import/build-catalog.js';
import type { PolicyDocument } from '../import/policy-document.js';
import { readCookieRows } from '../import/read-cookie-rows.js';
import { readHtml } from '../import/read-html.js';
import { readText } from '../import/read-text.js';
import { guessCouncilName, guessDomain } from '../import/site-guess.js';
import { readInputFile } from '../read-input.js';
import { UsageError } from './validate.js';

export interface ImportOptions {
  siteName?: string;
  domain?: string;
}

const DOMAIN = /^\.?([A-Za-z0-9-]+\.)*[A-Za-z0-9-]+$/;
const PLACEHOLDER_SITE_NAME = 'Council name (set it with --site-name)';

const looksLikeHtml = (file: string, text: string) =>
  /\.x?html?$/i.test(file) || /^\s*<(!doctype|html|head|body|table|div|p|h[1-6]|section|main|article)\b/i.test(text);

const plainTextOf = (document: PolicyDocument) =>
  [document.title ?? '', ...document.items.map((item) => (item.kind === 'table' ? item.rows.flat().join(' ') : item.text))].join('\n');

/**
 * `import <policy.txt|policy.html> [--site-name NAME] [--domain DOMAIN]`: a draft
 * catalogue (JSON, for stdout) from a cookie policy. Each guess, and a summary, go to `note`.
 */
export function importCommand(file: string | undefined, options: ImportOptions, noteLine: (line: string) => void): string {
  // Policy text is echoed in the notes: control characters must not reach the terminal.
  const note = (line: string) => noteLine(line.replace(/\p{Cc}/gu, '\uFFFD'));
  if (!file) throw new UsageError('import needs a cookie policy file (text or HTML)');
  const text = readInputFile(file);
  if (options.domain !== undefined && !DOMAIN.test(options.domain))
    throw new UsageError(`--domain "${options.domain}" is not a domain such as example.gov.uk`);

  const document = looksLikeHtml(file, text) ? readHtml(text) : readText(text);
  const reading = readCookieRows(document.items);
  const plain = plainTextOf(document);
  const guesses: string[] = [];

  let domain = options.domain;
  if (domain === undefined) {
    domain = guessDomain(plain);
    if (domain) guesses.push(`site.domain: ${domain}, the gov.uk domain the policy mentions most (or give --domain)`);
  }
  let name = options.siteName?.trim();
  if (!name) {
    name = (document.title && guessCouncilName(document.title, domain)) || guessCouncilName(plain, domain);
    guesses.push(name ? `site.name: ${name}, from the policy (or give --site-name)` : `site.name: not found; give --site-name`);
    name ||= PLACEHOLDER_SITE_NAME;
  }

  const draft = buildCatalog(reading.rows, { name, domain });
  const { problems } = validateCatalog(draft.catalog);
  // Every draft should be valid; if one is not, that is a bug here, and an invalid draft must not be printed.
  if (problems) throw new Error(`the draft catalogue is invalid, which is a bug in import:\n${describeProblems(problems).join('\n')}`);

  for (const guess of [...guesses, ...draft.guesses]) note(`guess: ${guess}`);
  note(
    reading.rows.length
      ? `import: ${draft.rowsRead} cookie row(s) read (${reading.tables} table(s), ${reading.blocks} "Cookie name:" block(s)); ` +
          `${draft.declared} cookie(s) declared, ${draft.forReview} for review`
      : `import: no cookie table or "Cookie name:" block found in ${file}; the draft declares no cookies`,
  );
  return JSON.stringify(draft.catalog, null, 2);
}
