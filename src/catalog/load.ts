import { documentParsed } from '../document-parsed.js';
import type { Catalog } from './definition.js';
import { describeProblems, validateCatalog } from './validate.js';

const FETCH_TIMEOUT_MS = 10000;

/** A catalogue that could not be used; the message says why, for the console. */
export class CatalogError extends Error {}

function parseJson(body: string, what: string): unknown {
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new CatalogError(`${what} is not valid JSON (${(error as Error).message})`);
  }
}

async function fetchText(url: string): Promise<string> {
  const what = `the catalogue ${url}`;
  // The same mode and credentials as <link rel="preload" as="fetch" crossorigin>, so a preload is reused.
  const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), credentials: 'same-origin' }).catch((error: Error) => {
    throw new CatalogError(
      error.name === 'TimeoutError'
        ? `${what} did not answer within ${FETCH_TIMEOUT_MS / 1000} s`
        : `${what} could not be fetched (${error.message})`,
    );
  });
  if (!response.ok) throw new CatalogError(`${what} answered HTTP ${response.status}`);
  return response.text();
}

/**
 * Loads and validates a catalogue given as an object, a URL, or `#id` of an inline
 * `<script type="application/json">`. Rejects with a CatalogError naming the cause.
 */
export async function loadCatalog(source: unknown): Promise<Catalog> {
  if (!source) throw new CatalogError('no catalogue was given (data-catalog on the script tag, or init({ catalog }))');
  let value: unknown = source;
  if (typeof source === 'string' && source[0] === '#') {
    const id = source.slice(1);
    // A bundle in <head> may start before the inline catalogue has been parsed.
    if (!document.getElementById(id)) await documentParsed();
    const inline = document.getElementById(id);
    if (!inline) throw new CatalogError(`no element with id "${id}" holds the catalogue`);
    value = parseJson(inline.textContent ?? '', `the catalogue ${source}`);
  } else if (typeof source === 'string') value = parseJson(await fetchText(source), `the catalogue ${source}`);
  const result = validateCatalog(value, location.hostname);
  if (result.problems)
    throw new CatalogError(
      `${typeof source === 'string' ? source : 'the catalogue object'} is invalid (npx council-cookie-consent validate explains):\n  ${describeProblems(result.problems).join('\n  ')}`,
    );
  return result.catalog;
}
