import type { Catalog } from '../catalog/definition.js';
import { type Problem, validateCatalog } from '../catalog/validate.js';
import { broadGlobWarnings } from './broad-globs.js';
import { explainProblem } from './problem-hints.js';
import { publicSuffixProblems } from './public-suffix.js';

export type CatalogCheck =
  | { catalog: Catalog; problems?: undefined; warnings: Problem[] }
  | { catalog?: undefined; problems: Problem[]; warnings: Problem[] };

/**
 * Everything `validate` checks in a parsed catalogue: the browser's validation, explained, the
 * checks only the command line can make (the public suffix list), and warnings that do not make
 * it invalid. No file system: the catalogue editor runs the same checks in its page.
 */
export function checkCatalog(value: unknown): CatalogCheck {
  const result = validateCatalog(value);
  const problems = [...(result.problems ?? []), ...publicSuffixProblems(value)].map(explainProblem);
  const warnings = broadGlobWarnings(value);
  return problems.length ? { problems, warnings } : { catalog: value as Catalog, warnings };
}
