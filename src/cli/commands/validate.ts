import { readCatalogFile } from '../read-catalog.js';

/** `validate <catalog.json>...`: one line per problem, naming file and JSON path; exit 1 if any. */
export function validateCommand(files: string[], out: (line: string) => void): number {
  if (!files.length) throw new UsageError('validate needs at least one catalogue file');
  let failed = 0;
  for (const file of files) {
    const { problems } = readCatalogFile(file);
    if (!problems) {
      out(`${file}: valid`);
      continue;
    }
    failed++;
    for (const problem of problems) out(`${file}: ${problem.path}: ${problem.message}`);
  }
  return failed ? 1 : 0;
}

/** A mistake in how the command was called: its message goes to stderr, with exit 2. */
export class UsageError extends Error {}
