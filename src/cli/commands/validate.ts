import { readCatalogFile } from '../read-catalog.js';
import { UnreadableInput } from '../read-input.js';

export interface ValidateOutput {
  /** Results: a line per valid file, per problem and per warning. */
  out: (line: string) => void;
  /** Files that could not be read. */
  err: (line: string) => void;
}

/**
 * `validate <catalog.json>...`: one line per problem or warning, naming file and JSON path.
 * Exit 2 if any file cannot be read (it says so on stderr; the others are still checked),
 * else 1 if any has a problem, else 0. Warnings never change the exit code.
 */
export function validateCommand(files: string[], { out, err }: ValidateOutput): number {
  if (!files.length) throw new UsageError('validate needs at least one catalogue file');
  let invalid = 0;
  let unreadable = 0;
  for (const file of files) {
    let result: ReturnType<typeof readCatalogFile>;
    try {
      result = readCatalogFile(file);
    } catch (error) {
      if (!(error instanceof UnreadableInput)) throw error;
      unreadable++;
      err(`council-cookie-consent: ${error.message}`);
      continue;
    }
    const { problems, warnings } = result;
    for (const problem of problems ?? []) out(`${file}: ${problem.path}: ${problem.message}`);
    for (const warning of warnings) out(`${file}: ${warning.path}: warning: ${warning.message}`);
    if (problems) {
      invalid++;
      continue;
    }
    // A draft from `import` is valid, but says what it still needs a person to answer.
    const questions = Object.entries(result.catalog?.review ?? {});
    out(questions.length ? `${file}: valid, but a draft: ${questions.length} question(s) in "review" to answer` : `${file}: valid`);
    for (const [path, question] of questions) out(`${file}: review: ${path}: ${question}`);
  }
  return unreadable ? 2 : invalid ? 1 : 0;
}

/** A mistake in how the command was called: its message goes to stderr, with exit 2. */
export class UsageError extends Error {}
