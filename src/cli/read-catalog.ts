import { readFileSync } from 'node:fs';
import type { Catalog } from '../catalog/definition.js';
import { type Problem, validateCatalog } from '../catalog/validate.js';
import { explainProblem } from './problem-hints.js';

export type CatalogFile = { catalog: Catalog; problems?: undefined } | { catalog?: undefined; problems: Problem[] };

/** Reads and validates a catalogue file; unreadable files and bad JSON are problems too. */
export function readCatalogFile(file: string): CatalogFile {
  let text: string;
  try {
    // Editors on Windows may save a byte-order mark; browsers' JSON loading ignores it, so do we.
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    return {
      problems: [{ path: '(file)', message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` }],
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problems: [{ path: '(file)', message: `is not valid JSON (${(error as Error).message})` }] };
  }
  const result = validateCatalog(value);
  return result.problems ? { problems: result.problems.map(explainProblem) } : result;
}
