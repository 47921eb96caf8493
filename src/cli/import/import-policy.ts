import type { Catalog } from '../../catalog/definition.js';
import { describeProblems, validateCatalog } from '../../catalog/validate.js';
import { buildCatalog } from './build-catalog.js';
import { catalogFromCookieControl } from './cookie-control-catalog.js';
import { type ConfigObject, findCookieControlConfig, isRecord } from './cookie-control-config.js';
import type { CookieRow } from './cookie-row.js';
import type { PolicyDocument } from './policy-document.js';
import { readCookieRows } from './read-cookie-rows.js';
import { readHtml } from './read-html.js';
import { readText } from './read-text.js';
import { guessCouncilName, guessDomain } from './site-guess.js';

/**
 * The importer's core: a cookie policy's text or HTML in, a draft catalogue and its notes
 * out. Pure and synchronous, with no Node APIs, so the same function runs in the command
 * line and in a web page; reading files, fetching pages and printing belong to the caller.
 */

export interface ImportOptions {
  /** `site.name`; guessed from the policy when not given. */
  siteName?: string;
  /** `site.domain`; guessed from the policy when not given. */
  domain?: string;
  /** How to read the input; by default HTML when it starts like HTML. */
  format?: 'html' | 'text';
}

/** One line for the person checking the draft: a guess the import made, or a question it leaves open. */
export interface ImportNote {
  kind: 'guess' | 'review';
  text: string;
  /** For a review question, the JSON path it is about (also its key in `catalog.review`). */
  path?: string;
}

export interface ImportResult {
  /** The draft: it passes `validateCatalog`, with open questions in `catalog.review`. */
  catalog: Catalog;
  /** Guesses, then review questions, in reading order. */
  notes: ImportNote[];
  /** One line: what was read and what was declared. */
  summary: string;
  /** How many cookies the draft declares (globs count once). */
  declared: number;
}

/** Input that cannot be imported (bad options, too large): the message says why, for the person who gave it. */
export class ImportError extends Error {}

/** 64 MiB of text: a policy page is rarely above 1 MB. */
export const MAX_INPUT_CHARS = 64 * 1024 * 1024;

const DOMAIN = /^\.?([A-Za-z0-9-]+\.)*[A-Za-z0-9-]+$/;
const PLACEHOLDER_SITE_NAME = 'Council name (set it with --site-name)';

export const looksLikeHtml = (text: string) =>
  /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype|html|head|body|table|div|p|h[1-6]|section|main|article|meta|title|script|ul|dl)\b/i.test(
    text.slice(0, 4096),
  );

function plainTextOf(document: PolicyDocument): string {
  const parts: string[] = [document.title ?? ''];
  for (const item of document.items) parts.push(item.kind === 'table' ? item.rows.map((row) => row.join(' ')).join(' ') : item.text);
  return parts.join('\n');
}

function fromCookieControl(
  config: ConfigObject,
  site: { name: string; domain?: string },
  rows: CookieRow[],
  guesses: string[],
): ImportResult {
  const draft = catalogFromCookieControl(config, site, rows);
  const { problems } = validateCatalog(draft.catalog);
  if (problems) throw new Error(`the draft catalogue is invalid, which is a bug in import:\n${describeProblems(problems).join('\n')}`);
  const notes: ImportNote[] = [];
  for (const guess of [...guesses, ...draft.guesses]) notes.push({ kind: 'guess', text: guess });
  for (const [path, question] of draft.review) notes.push({ kind: 'review', path, text: question });
  const summary =
    `import: a Cookie Control configuration read (${draft.categories} optional categor${draft.categories === 1 ? 'y' : 'ies'}` +
    `${rows.length ? `, and ${rows.length} cookie row(s) of the policy` : ''}); ${draft.declared} cookie(s) declared, ` +
    `${draft.review.length} question(s) to answer`;
  return { catalog: draft.catalog, notes, summary, declared: draft.declared };
}

/**
 * A draft catalogue from a cookie policy (HTML or text), or from a Cookie Control
 * configuration (a page holding one, or the script itself). Throws ImportError for input it
 * cannot take.
 */
export function importPolicy(input: string, options: ImportOptions = {}): ImportResult {
  if (input.length > MAX_INPUT_CHARS)
    throw new ImportError(`the input is ${input.length} characters; the most import reads is ${MAX_INPUT_CHARS} (64 MiB)`);
  if (options.domain !== undefined && !DOMAIN.test(options.domain))
    throw new ImportError(`--domain "${options.domain}" is not a domain such as example.gov.uk`);
  const text = input.replace(/^\uFEFF/, '');
  const html = options.format ? options.format === 'html' : looksLikeHtml(text);
  // A Cookie Control configuration: in the page's scripts, or the whole input when it is JavaScript or JSON.
  const script = !html && /CookieControl\s*\.\s*load\s*\(|^\s*[{(]?[\s\S]*\boptionalCookies\b/.test(text.slice(0, 1_000_000));
  const document = html ? readHtml(text) : script ? { items: [] } : readText(text);
  const cookieControl = findCookieControlConfig(html ? (document.scripts ?? []) : script ? [text] : []);
  const reading = readCookieRows(document.items);
  const plain = plainTextOf(document);
  const guesses: string[] = [];

  let domain = options.domain;
  const statementUrl = cookieControl && isRecord(cookieControl.statement) ? cookieControl.statement.url : undefined;
  const statementHost = typeof statementUrl === 'string' ? /^https?:\/\/(?:www\.)?([^/:?#]+)/i.exec(statementUrl)?.[1] : undefined;
  if (domain === undefined && statementHost && DOMAIN.test(statementHost)) {
    domain = statementHost.toLowerCase();
    guesses.push(`site.domain: ${domain}, from the address of the cookie statement Cookie Control links to (or give --domain)`);
  }
  if (domain === undefined) {
    domain = guessDomain(plain);
    if (domain) guesses.push(`site.domain: ${domain}, the gov.uk domain the policy mentions most (or give --domain)`);
  }
  let name = options.siteName?.trim();
  if (!name) {
    name = (document.title && guessCouncilName(document.title, domain)) || guessCouncilName(plain, domain);
    guesses.push(name ? `site.name: ${name}, from the policy (or give --site-name)` : 'site.name: not found; give --site-name');
    name ||= PLACEHOLDER_SITE_NAME;
  }

  if (cookieControl) return fromCookieControl(cookieControl, { name, domain }, reading.rows, guesses);
  const draft = buildCatalog(reading.rows, { name, domain });
  const { problems } = validateCatalog(draft.catalog);
  // Every draft should be valid; if one is not, that is a bug here, and an invalid draft must not be given out.
  if (problems) throw new Error(`the draft catalogue is invalid, which is a bug in import:\n${describeProblems(problems).join('\n')}`);

  const notes: ImportNote[] = [];
  for (const guess of guesses) notes.push({ kind: 'guess', text: guess });
  for (const guess of draft.guesses) notes.push({ kind: 'guess', text: guess });
  for (const [path, question] of draft.review) notes.push({ kind: 'review', path, text: question });
  const summary = reading.rows.length
    ? `import: ${draft.rowsRead} cookie row(s) read (${reading.tables} table(s), ${reading.blocks} "Cookie name:" block(s)); ` +
      `${draft.declared} cookie(s) declared, ${draft.forReview} for review, ${draft.review.length} question(s) to answer`
    : 'import: no cookie table or "Cookie name:" block found; the draft declares no cookies';
  return { catalog: draft.catalog, notes, summary, declared: draft.declared };
}
