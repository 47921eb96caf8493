import { type CatalogCheck, checkCatalog } from './check-catalog.js';
import { describeJsonSyntaxError } from './json-syntax.js';
import { readInputFile } from './read-input.js';

export type CatalogFile = CatalogCheck;

/**
 * Reads and checks a catalogue file (check-catalog.ts). A file that cannot be read throws
 * UnreadableInput; bad JSON is a problem of the catalogue.
 */
export function readCatalogFile(file: string): CatalogFile {
  const text = readInputFile(file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problems: [{ path: '(file)', message: `is not valid JSON: ${describeJsonSyntaxError(text, error)}` }], warnings: [] };
  }
  return checkCatalog(value);
}
