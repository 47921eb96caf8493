import { readCatalogFile } from '../read-catalog.js';

/** `validate <catalog.json>...`: one line per problem, naming file and JSON path; exit 1 if any. */
export function validateCommand(files: string[], out: (line: string) => void): number {
  if (!files.length) throw new UsageError('validate needs at least one catalogue file');
  let failed = 0;
  for (const file of files) {
    const { catalog, problems } = readCatalogFile(file);
    if (!problems) {
      // A draft from `import` is valid, but says what it still needs a person to answer.
      const questions = Object.entries(catalog.review ?? {});
      out(questions.length ? `${file}: valid, but a draft: ${questions.length} question(s) in "review" to answer` : `${file}: valid`);
      for (const [path, question] of questions) out(`${file}: review: ${path}: ${question}`);
      continue;
    }
    failed++;
    for (const problem of problems) out(`${file}: ${problem.path}: ${problem.message}`);
  }
  return failed ? 1 : 0;
}

/** A mistake in how the command was called: its message goes to stderr, with exit 2. */
export class UsageError extends Error {}
