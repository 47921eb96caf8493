import { readFileSync } from 'node:fs';
import { ImportError, importPolicy } from '../import/import-policy.js';
import { UsageError } from './validate.js';

export interface ImportCommandOptions {
  siteName?: string;
  domain?: string;
}

/** Text from a policy or a catalogue must not drive the terminal: control characters are replaced. */
const printable = (line: string) => line.replace(/\p{Cc}/gu, '\uFFFD');

/** The importer's result as the command prints it: the draft for stdout, one note per line for stderr. */
export function importText(
  text: string,
  source: string,
  options: ImportCommandOptions & { format?: 'html' | 'text' },
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
 * `import <policy.txt|policy.html> [--site-name NAME] [--domain DOMAIN]`: a draft
 * catalogue (JSON, for stdout) from a cookie policy. Each guess and each question left
 * open, and a summary, go to `noteLine`.
 */
export function importCommand(file: string | undefined, options: ImportCommandOptions, noteLine: (line: string) => void): string {
  if (!file) throw new UsageError('import needs a cookie policy file (text or HTML)');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const format = /\.x?html?$/i.test(file) ? 'html' : undefined;
  return importText(text, file, { ...options, ...(format ? { format } : {}) }, noteLine);
}
