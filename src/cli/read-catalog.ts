import type { Catalog } from '../catalog/definition.js';
import { type Problem, validateCatalog } from '../catalog/validate.js';
import { broadGlobWarnings } from './broad-globs.js';
import { describeJsonSyntaxError } from './json-syntax.js';
import { explainProblem } from './problem-hints.js';
import { publicSuffixProblems } from './public-suffix.js';
import { readInputFile } from './read-input.js';

export type CatalogFile =
  | { catalog: Catalog; problems?: undefined; warnings: Problem[] }
  | { catalog?: undefined; problems: Problem[]; warnings: Problem[] };

/**
 * Reads and checks a catalogue file: the browser's validation, explained, plus the checks only
 * the command line can make (the public suffix list) and warnings that do not make it invalid.
 * A file that cannot be read throws UnreadableInput; bad JSON is a problem of the catalogue.
 */
export function readCatalogFile(file: string): CatalogFile {
  const text = readInputFile(file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problems: [{ path: '(file)', message: `is not valid JSON: ${describeJsonSyntaxError(text, error)}` }], warnings: [] };
  }
  const result = validateCatalog(value);
  const problems = [...(result.problems ?? []), ...publicSuffixProblems(value)].map(explainProblem);
  const warnings = broadGlobWarnings(value);
  return problems.length ? { problems, warnings } : { catalog: value as Catalog, warnings };
}
