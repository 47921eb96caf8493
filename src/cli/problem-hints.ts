import { NOT_IN_FORM, type Problem, UNKNOWN_KEY } from '../catalog/check-shape.js';
import { COOKIE_CONTROL_CATEGORY, catalogShape, LANGUAGE_TAG, WORDING_KEYS } from '../catalog/definition.js';
import type { Shape } from '../catalog/shape.js';
import { MATCHES_CONSENT_COOKIE, MATCHES_EVERY_COOKIE, NO_BASIS, NO_ESSENTIAL, OUT_OF_REACH, RESERVED_ID } from '../catalog/validate.js';

/**
 * The browser's validation messages are short, because every byte of them ships with every page
 * view; the command line says what the value should look like and why a rule exists.
 */

const LOCAL_TEXT = 'text that is not blank, or a map of language tag to text such as { "en": "…", "cy": "…" }';

/** What the text at a key should look like. */
const FORMS: Record<string, string> = {
  name: 'a non-empty name; for a cookie, its name (at most 256 characters) or a glob such as "_ga_*"',
  expires: 'an ISO-8601 duration such as "P2Y", "PT24H" or "P1000D", or "session"',
  domain: 'a domain such as ".example.gov.uk" (at most 253 characters)',
  id: 'an id of lower-case letters, digits, "-" or "_", such as "analytics" (at most 64 characters)',
  policyUrl: 'an http(s) or relative URL',
  url: 'an absolute http(s) URL',
  categories: 'one of this catalogue’s category ids',
  title: LOCAL_TEXT,
  description: LOCAL_TEXT,
  purpose: LOCAL_TEXT,
  label: LOCAL_TEXT,
  expiresText: LOCAL_TEXT,
};

/** Why each rule a shape cannot say exists, and what to do. */
const REASONS: Record<string, string> = {
  [RESERVED_ID]:
    'every JavaScript object has this name (constructor, toString, valueOf, …), so a lookup by this id could find an answer no resident gave; choose another id',
  [MATCHES_EVERY_COOKIE]:
    'the library would treat every cookie of the site as this category’s, and a refusal would delete the council’s session, login and XSRF cookies on the first page view; name the cookies, or use a narrower glob such as "_ga_*"',
  [MATCHES_CONSENT_COOKIE]:
    'a refusal would delete the cookie that keeps the refusal, and this category’s scripts could overwrite the choice; list the consent cookie under "essential" only, or narrow the glob',
  [NO_ESSENTIAL]:
    'every catalogue needs one, even with no cookies in it: it is where the consent cookie and the site’s necessary cookies are declared, and it is always on',
  [OUT_OF_REACH]:
    'no higher than site.domain, and in the browser the host the page is served from or one of its parents (e.g. ".example.gov.uk" for www.example.gov.uk)',
  [NO_BASIS]: 'essential cookies are always on, so they need no basis',
};

/** What the keys of a map may be, by the map's key pattern. */
const MAP_KEYS: Record<string, string> = {
  [LANGUAGE_TAG]: 'a language tag such as "en" or "cy"',
  [WORDING_KEYS]: 'a key of src/wording/en.ts, such as "bannerTitle"',
  [COOKIE_CONTROL_CATEGORY]: 'a Cookie Control category name of at most 100 characters',
};

/** The key a path ends in: `categories[1].cookies[0].expires` → `expires`. */
const lastKey = (path: string) =>
  path
    .replace(/\[\d+\]/g, '')
    .split('.')
    .pop() ?? '';

/** The shape a value is checked against once lists are stepped into and an object picks its branch. */
const itemShape = (shape: Shape): Shape =>
  shape.kind === 'list' ? itemShape(shape.of) : shape.kind === 'either' ? itemShape(shape.second) : shape;

/** The keys allowed beside the last one of `path`, in words. */
function allowedKeys(path: string): string | undefined {
  const keys = path.replace(/\[\d+\]/g, '').split('.');
  let shape: Shape | undefined = catalogShape;
  for (const key of keys.slice(0, -1)) {
    shape = shape && itemShape(shape);
    shape =
      shape?.kind === 'record'
        ? ({ ...shape.required, ...shape.optional } as Record<string, Shape>)[key]
        : shape?.kind === 'map'
          ? shape.of
          : undefined;
  }
  shape = shape && itemShape(shape);
  if (shape?.kind === 'record') return Object.keys({ ...shape.required, ...shape.optional }).join(', ');
  if (shape?.kind === 'map') return MAP_KEYS[shape.keys];
  return undefined;
}

/** A problem with the expected form spelled out, and each rule's reason, where we know them. */
export function explainProblem(problem: Problem): Problem {
  const { path, message } = problem;
  let explained = message;
  if (message.endsWith(NOT_IN_FORM)) {
    const form = FORMS[lastKey(path)] ?? FORMS[lastKey(path.replace(/\.[^.]+$/, ''))];
    if (form) explained = message.replace(NOT_IN_FORM, `is not ${form}`);
  } else if (message === UNKNOWN_KEY) {
    const allowed = allowedKeys(path);
    if (allowed) explained = `${UNKNOWN_KEY} (allowed here: ${allowed})`;
  } else if (message.startsWith('expected text,') && FORMS[lastKey(path)] === LOCAL_TEXT)
    explained = message.replace('expected text', `expected ${LOCAL_TEXT}`);
  else if (REASONS[message]) explained = `${message}; ${REASONS[message]}`;
  else if (message.endsWith(' is not an optional category'))
    explained = `${message} of this catalogue: map each Cookie Control category to one of its optional category ids`;
  return explained === message ? problem : { path, message: explained };
}
