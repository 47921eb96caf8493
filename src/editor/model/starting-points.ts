import { ESSENTIAL } from '../../catalog/essential.js';
import { CATEGORY_TEMPLATES } from '../../cli/import/categories.js';
import { ImportError, type ImportNote, importPolicy } from '../../cli/import/import-policy.js';
import { describeJsonSyntaxError } from '../../cli/json-syntax.js';
import { CATALOG_SCHEMA_URL } from '../../cli/schema-url.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Where a catalogue came from, as the editor says it ("Tunbridge Wells Borough Council's catalogue"). */
export interface Start {
  catalog: Json;
  /** In words, for the page and the change log. */
  from: string;
  /** The file name to download as. */
  fileName: string;
  kind: 'blank' | 'bundled' | 'file' | 'policy' | 'cookie-control';
  /** What `import` guessed and asks, for a pasted policy or configuration. */
  notes?: ImportNote[];
  summary?: string;
}

/** Input the editor cannot start from; the message says why, to the person who gave it. */
export class StartError extends Error {}

const CONSENT_COOKIE = 'cookie_consent';

/** A new catalogue: the essential category with the consent cookie in it, and nothing to ask yet. */
export function blankStart(): Start {
  return {
    kind: 'blank',
    from: 'a blank catalogue',
    fileName: 'cookie-catalogue.json',
    catalog: {
      $schema: CATALOG_SCHEMA_URL,
      site: { name: '' },
      revision: 1,
      consentCookie: { name: CONSENT_COOKIE, expiresDays: 365 },
      categories: [
        {
          id: ESSENTIAL,
          title: CATEGORY_TEMPLATES.essential.title,
          description: CATEGORY_TEMPLATES.essential.description,
          cookies: [
            {
              name: CONSENT_COOKIE,
              purpose: 'Remembers whether you accepted or rejected optional cookies on this website.',
              expires: 'P365D',
            },
          ],
        },
      ],
    },
  };
}

/**
 * What stops the form from showing a catalogue: a list that is not a list, an object that is not
 * an object. The values inside may be wrong: the form shows each problem at its field.
 */
export function structureProblems(value: unknown): string[] {
  if (!isObject(value))
    return ['the file holds JSON, but not an object with the catalogue’s keys (site, revision, consentCookie, categories)'];
  const problems: string[] = [];
  for (const key of ['site', 'consentCookie', 'text', 'review', 'migrate', 'privacySignals', 'consentLog'])
    if (key in value && !isObject(value[key])) problems.push(`“${key}” is not an object`);
  if ('categories' in value && !Array.isArray(value.categories)) problems.push('“categories” is not a list');
  if (Array.isArray(value.categories))
    for (const [i, category] of (value.categories as unknown[]).entries()) {
      if (!isObject(category)) problems.push(`category ${i + 1} is not an object`);
      else if ('cookies' in category && !Array.isArray(category.cookies)) problems.push(`the cookies of category ${i + 1} are not a list`);
      else
        for (const [j, cookie] of ((category.cookies as unknown[] | undefined) ?? []).entries())
          if (!isObject(cookie)) problems.push(`cookie ${j + 1} of category ${i + 1} is not an object`);
    }
  if (isObject(value.text))
    for (const [lang, wording] of Object.entries(value.text))
      if (!isObject(wording)) problems.push(`the wording for “${lang}” is not an object`);
  return problems;
}

function catalogueStart(value: unknown, from: string, fileName: string, kind: Start['kind']): Start {
  const problems = structureProblems(value);
  if (problems.length)
    throw new StartError(
      `The form cannot show this file: ${problems.join('; ')}. Correct it in a text editor, or start from something else.`,
    );
  return { catalog: value as Json, from, fileName, kind };
}

export const bundledStart = (file: string, catalog: unknown): Start =>
  catalogueStart(structuredClone(catalog), `the bundled catalogue ${file}`, file, 'bundled');

/** A catalogue from its site's name: `Tunbridge Wells Borough Council` → `tunbridge-wells-borough-council.json`. */
export const fileNameFor = (siteName: unknown) =>
  `${
    String(siteName ?? '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'cookie-catalogue'
  }.json`;

const COOKIE_CONTROL_SUMMARY = 'import: a Cookie Control configuration';

/** A draft by the importer `import` uses; `expect` a Cookie Control configuration, or take whatever it reads. */
function importedStart(
  text: string,
  expect: 'cookie-control' | 'any',
  from: string,
  options: { siteName?: string; domain?: string } = {},
): Start {
  let result: ReturnType<typeof importPolicy>;
  try {
    result = importPolicy(text, {
      ...(options.siteName?.trim() ? { siteName: options.siteName.trim() } : {}),
      ...(options.domain?.trim() ? { domain: options.domain.trim() } : {}),
    });
  } catch (error) {
    if (error instanceof ImportError)
      throw new StartError(`The import could not read it: ${error.message.replace(/--domain/g, 'the domain')}.`);
    throw error;
  }
  const cookieControl = result.summary.startsWith(COOKIE_CONTROL_SUMMARY);
  if (expect === 'cookie-control' && !cookieControl)
    throw new StartError(
      'No Cookie Control configuration was found in what you pasted. Paste the script that calls CookieControl.load({ … }), or the object it is given (with its optionalCookies).',
    );
  const catalog = result.catalog as unknown as Json;
  return {
    catalog,
    from,
    fileName: fileNameFor((catalog.site as Json).name),
    kind: cookieControl ? 'cookie-control' : 'policy',
    notes: result.notes,
    summary: result.summary.replace(/^import: /, ''),
  };
}

/** A draft from a pasted cookie policy (text or HTML; a page holding a Cookie Control set-up is read as one). */
export function policyStart(text: string, options: { siteName?: string; domain?: string } = {}): Start {
  if (!text.trim()) throw new StartError('Paste your cookie policy first: its text, or its HTML.');
  return importedStart(text, 'any', 'your pasted cookie policy', options);
}

/** A draft from a pasted Cookie Control configuration. */
export function cookieControlStart(text: string, options: { siteName?: string; domain?: string } = {}): Start {
  if (!text.trim()) throw new StartError('Paste your Cookie Control configuration first.');
  return importedStart(text, 'cookie-control', 'your Cookie Control configuration', options);
}

/**
 * A file the editor was given: a catalogue (JSON), or a cookie policy or Cookie Control set-up
 * (HTML, text, JavaScript) for the importer.
 */
export function fileStart(text: string, name: string): Start {
  const body = text.replace(/^\uFEFF/, '');
  const from = `the file ${name}`;
  if (!/\.json$/i.test(name) && !/^\s*[[{]/.test(body)) {
    if (!body.trim()) throw new StartError(`${name} is empty.`);
    return importedStart(body, 'any', from);
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    // A script holding a Cookie Control set-up may start with "{" too.
    if (!/\.json$/i.test(name) && /optionalCookies/.test(body)) return importedStart(body, 'cookie-control', from);
    throw new StartError(`${name} is not valid JSON: ${describeJsonSyntaxError(body, error)}.`);
  }
  if (isObject(value) && !('categories' in value) && 'optionalCookies' in value) return importedStart(body, 'cookie-control', from);
  return catalogueStart(value, from, name.replace(/^.*[\\/]/, ''), 'file');
}
