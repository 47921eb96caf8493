import { DEFAULT_FETCH_LIMITS, FetchError, type FetchedPage, fetchPage } from '../fetch-page.js';
import { ImportError, importPolicy } from '../import/import-policy.js';
import { readInputFile } from '../read-input.js';
import { UsageError } from './validate.js';

export interface ImportCommandOptions {
  siteName?: string;
  domain?: string;
  /** For a page fetched from an address: seconds to wait for it. */
  timeout?: string;
}

/** Text from a policy or a catalogue must not drive the terminal: control characters are replaced. */
const printable = (line: string) => line.replace(/\p{Cc}/gu, '\uFFFD');

/** The importer's result as the command prints it: the draft for stdout, one note per line for stderr. */
export function importText(
  text: string,
  source: string,
  options: { siteName?: string; domain?: string; format?: 'html' | 'text' },
  noteLine: (line: string) => void,
): string {
  let result: ReturnType<typeof importPolicy>;
  try {
    result = importPolicy(text, options);
  } catch (error) {
    if (error instanceof ImportError) throw new UsageError(error.message);
    // A page nested or sized beyond what the reader can hold: say so, rather than crash with a stack trace.
    if (error instanceof RangeError) throw new UsageError(`cannot read ${source}: ${error.message}`);
    throw error;
  }
  for (const note of result.notes)
    noteLine(printable(note.kind === 'guess' ? `guess: ${note.text}` : `review: ${note.path}: ${note.text}`));
  noteLine(printable(result.summary.replace(/found;/, `found in ${source};`)));
  return JSON.stringify(result.catalog, null, 2);
}

/**
 * `import <policy.txt|policy.html|config.js|https://…> [--site-name NAME] [--domain DOMAIN]
 * [--timeout SECONDS]`: a draft catalogue (JSON, for stdout) from a cookie policy, a saved or
 * live cookie page, or a Cookie Control configuration. Each guess and each question left
 * open, and a summary, go to `noteLine`.
 */
export function runImport(source: string | undefined, options: ImportCommandOptions, noteLine: (line: string) => void): Promise<string> {
  if (source && /^https?:\/\//i.test(source)) return importPageCommand(source, options, noteLine);
  return Promise.resolve().then(() => importCommand(source, options, noteLine));
}

/** `import` of a file: text, HTML, or a Cookie Control script. */
export function importCommand(source: string | undefined, options: ImportCommandOptions, noteLine: (line: string) => void): string {
  if (!source) throw new UsageError('import needs a cookie policy: a file (text, HTML or a Cookie Control script) or an https:// address');
  const text = readInputFile(source);
  const format = /\.x?html?$/i.test(source) ? 'html' : undefined;
  return importText(text, source, { siteName: options.siteName, domain: options.domain, ...(format ? { format } : {}) }, noteLine);
}

/** `import` of a live page: fetched (redirects followed, within a time and a size limit), then read as the saved page would be. */
export async function importPageCommand(url: string, options: ImportCommandOptions, noteLine: (line: string) => void): Promise<string> {
  const seconds = options.timeout === undefined ? DEFAULT_FETCH_LIMITS.timeoutMs / 1000 : Number(options.timeout);
  if (!(seconds > 0)) throw new UsageError(`--timeout "${options.timeout}" is not a number of seconds`);
  let page: FetchedPage;
  try {
    page = await fetchPage(url, { ...DEFAULT_FETCH_LIMITS, timeoutMs: seconds * 1000 });
  } catch (error) {
    if (error instanceof FetchError) throw new UsageError(error.message);
    throw error;
  }
  if (page.url !== url) noteLine(printable(`import: ${url} redirected to ${page.url}`));
  const { siteName, domain } = options;
  return importText(page.text, page.url, { siteName, domain, ...(page.format ? { format: page.format } : {}) }, noteLine);
}
