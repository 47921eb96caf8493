import type { Catalog } from './definition.js';
import { describeProblems, validateCatalog } from './validate.js';

/** A catalogue that could not be used; the message says why, for the console. */
export class CatalogError extends Error {
  override name = 'CatalogError';
}

const FETCH_TIMEOUT_MS = 10000;

async function fetchJson(url: string): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), FETCH_TIMEOUT_MS);
  let response: Response;
  try {
    // The same mode and credentials as <link rel="preload" as="fetch" crossorigin>, so a preload is reused.
    response = await fetch(url, { signal: controller.signal, credentials: 'same-origin' });
  } catch (error) {
    throw new CatalogError(
      controller.signal.aborted
        ? `the catalogue ${url} did not answer within ${FETCH_TIMEOUT_MS / 1000} s`
        : `the catalogue ${url} could not be fetched (${(error as Error).message})`,
    );
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) throw new CatalogError(`the catalogue ${url} answered HTTP ${response.status}`);
  const body = await response.text();
  return parseJson(body, `the catalogue ${url}`);
}

function parseJson(body: string, what: string): unknown {
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new CatalogError(`${what} is not valid JSON (${(error as Error).message})`);
  }
}

function readInline(id: string): unknown {
  const element = document.getElementById(id);
  if (!element) throw new CatalogError(`no element with id "${id}" holds the catalogue`);
  return parseJson(element.textContent ?? '', `the catalogue in #${id}`);
}

/**
 * Loads and validates a catalogue given as an object, a URL, or `#id` of an inline
 * `<script type="application/json">`. Rejects with a CatalogError naming the cause.
 */
export async function loadCatalog(source: unknown): Promise<Catalog> {
  if (source === undefined || source === null || source === '')
    throw new CatalogError('no catalogue was given (data-catalog on the script tag, or init({ catalog }))');
  const where = typeof source === 'string' ? source : 'the catalogue object';
  const value = typeof source === 'string' ? (source.startsWith('#') ? readInline(source.slice(1)) : await fetchJson(source)) : source;
  const result = validateCatalog(value);
  if (result.problems) throw new CatalogError(`${where} is invalid:\n  ${describeProblems(result.problems).join('\n  ')}`);
  return result.catalog;
}
