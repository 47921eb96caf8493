import { either, type Infer, list, map, oneOf, record, text, whole, yesNo } from './shape.js';
import { MESSAGE_KEYS } from './wording-keys.js';

/**
 * The cookie catalogue a council writes: the one definition its TypeScript types, its
 * runtime validation and cookie-catalogs/catalog.schema.json are all derived from.
 */

export const LANGUAGE_TAG = '^[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,8}$';
export const DURATION_PATTERN = '^(session|P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?)$';
// Lengths are bounded too: a cookie name or id hundreds of characters long is a mistake, and a
// domain longer than DNS allows can never match.
const COOKIE_NAME = "^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,256}$";
const CATEGORY_ID = '^[a-z][a-z0-9_-]{0,63}$';
const DOMAIN = '^(?=.{1,254}$)\\.?([A-Za-z0-9-]{1,63}\\.)*[A-Za-z0-9-]{1,63}$';
export const COOKIE_CONTROL_CATEGORY = '^.{1,100}$';
const HTTP_OR_RELATIVE_URL = '^(https?://|/|\\./|\\.\\./|[^:]*$)';
const ABSOLUTE_HTTP_URL = '^https?://';

/**
 * An ISO 8601 duration (`P1Y`, `P13M`, `PT30M`) or `session`: the pattern checks the rest at
 * run time, the type is enough for TypeScript to refuse `"2 years"` in a catalogue written in code.
 */
export type Duration = 'session' | `P${string}`;

const domainName = text(DOMAIN);
const cookieName = text(COOKIE_NAME);

/** Resident-facing text: one string, or a map of language tag to string. */
const localText = either(text('\\S'), map(LANGUAGE_TAG, text()));

export const WORDING_KEYS = `^(${MESSAGE_KEYS.join('|')})$`;

export const GOOGLE_CONSENT_TYPES = [
  'analytics_storage',
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'functionality_storage',
  'personalization_storage',
] as const;

/**
 * `purpose` and `expires` are required (validate.ts), except in a draft that names them in
 * `review`: `import` leaves empty what a council's policy does not say, rather than invent it.
 */
const cookieShape = record(
  { name: cookieName },
  {
    purpose: localText,
    expires: text<Duration>(DURATION_PATTERN),
    label: localText,
    expiresText: localText,
    provider: text(),
    domain: domainName,
    path: text('^/'),
    type: oneOf('persistent', 'session'),
  },
);

const categoryShape = record(
  {
    id: text(CATEGORY_ID),
    title: localText,
    description: localText,
    cookies: list(cookieShape),
  },
  {
    basis: oneOf('consent', 'statistics-exemption'),
    googleConsentMode: list(oneOf(...GOOGLE_CONSENT_TYPES), 1),
  },
);

export const catalogShape = record(
  {
    site: record(
      { name: text('\\S') },
      {
        domain: domainName,
        policyUrl: text(HTTP_OR_RELATIVE_URL),
      },
    ),
    revision: whole(1),
    // Browsers keep no cookie longer than 400 days (RFC 6265bis): a longer promise would not be kept.
    consentCookie: record({ name: cookieName, expiresDays: whole(1, 400) }, { domain: domainName }),
    categories: list(categoryShape),
  },
  {
    $schema: text(),
    text: map(LANGUAGE_TAG, map(WORDING_KEYS, text())),
    privacySignals: record({}, { gpc: yesNo() }),
    consentLog: record({ url: text(ABSOLUTE_HTTP_URL) }, {}),
    /** A draft's open questions, by JSON path: what `import` could not read from the policy. */
    review: map('^.+$', text()),
    migrate: record(
      {},
      {
        cookieControl: record({ name: cookieName }, { categories: map(COOKIE_CONTROL_CATEGORY, text(CATEGORY_ID)) }),
      },
    ),
  },
);

export type Catalog = Infer<typeof catalogShape>;
export type Category = Catalog['categories'][number];
export type CookieDeclaration = Category['cookies'][number];
export type LocalText = Infer<typeof localText>;
export type GoogleConsentType = (typeof GOOGLE_CONSENT_TYPES)[number];

/**
 * A catalogue as TypeScript types a JSON file imported with `resolveJsonModule`: the same keys,
 * with every string widened to `string` (a JSON import loses `"consent"` and `"P1Y"` to
 * `string`). `defineCatalog()` takes this and gives a `Catalog`.
 */
export type CatalogJson = Widened<Catalog>;
type Widened<T> = T extends string
  ? string
  : T extends boolean
    ? boolean
    : T extends readonly (infer Item)[]
      ? Widened<Item>[]
      : T extends object
        ? { [K in keyof T]: Widened<T[K]> }
        : T;
