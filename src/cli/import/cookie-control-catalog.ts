import type { Catalog, Category, CookieDeclaration, GoogleConsentType, LocalText } from '../../catalog/definition.js';
import { GOOGLE_CONSENT_TYPES } from '../../catalog/definition.js';
import { CATALOG_SCHEMA_URL } from '../schema-url.js';
import { CATEGORY_TEMPLATES, categoryFromWords } from './categories.js';
import { classifyCookie, type Entry, type ReviewQuestion } from './classify-cookie.js';
import { type ConfigObject, type ConfigValue, isCode, isRecord } from './cookie-control-config.js';
import { readCookieNames } from './cookie-names.js';
import type { CookieRow } from './cookie-row.js';
import { findKnownCookie } from './known-cookies.js';
import { readHtml } from './read-html.js';

/**
 * A draft catalogue from a Cookie Control configuration: the same categories (ids from their
 * `name`s, titles and descriptions from `label` and `description`, Welsh from `locales`), the
 * same cookies (wildcards kept as globs), and `migrate.cookieControl`, so that residents who
 * answered Cookie Control are not asked again. A configuration says nothing of what each
 * cookie is for or how long it lasts: those come from the policy's own rows when the page has
 * them, and are otherwise left for review.
 */

export interface CookieControlDraft {
  catalog: Catalog;
  guesses: string[];
  review: [path: string, text: string][];
  declared: number;
  categories: number;
}

/** Cookie Control's own cookie, which the library reads once and then rewrites in its own format. */
const COOKIE_CONTROL_COOKIE = 'CookieControl';
const CONSENT_PURPOSE = 'Remembers whether you accepted or rejected optional cookies on this website.';
const COOKIE_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const globs = new Map<string, RegExp>();
/** `matchesCookieName`, with each glob compiled once: a page may have thousands of rows to check. */
function matchesGlob(glob: string, name: string): boolean {
  let pattern = globs.get(glob);
  if (!pattern) {
    pattern = new RegExp(
      `^${glob
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    if (globs.size > 256) globs.clear();
    globs.set(glob, pattern);
  }
  return pattern.test(name);
}

const text = (value: ConfigValue | undefined) => (typeof value === 'string' ? value : undefined);

/** Cookie Control's text may be HTML ("<p>We use …</p>"); a catalogue's text is never markup. */
function plainText(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const plain = /[<&]/.test(value)
    ? readHtml(value)
        .items.map((item) => (item.kind === 'table' ? item.rows.flat().join(' ') : item.text))
        .join(' ')
    : value;
  const collapsed = plain.replace(/\s+/g, ' ').trim();
  return collapsed || undefined;
}

/** "CY", "cy-GB", "cy_GB" → "cy": the library picks text by a page's primary language. */
const languageOf = (locale: string) => locale.trim().toLowerCase().split(/[-_]/)[0];

/** An id the catalogue accepts, from Cookie Control's category name ("Analytics Cookies" → "analytics-cookies"). */
function categoryId(name: string, taken: Set<string>): string {
  let id = name
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '');
  if (!id) id = 'optional';
  if (id === 'essential') id = 'essential-optional';
  let unique = id;
  for (let n = 2; taken.has(unique); n++) unique = `${id}-${n}`;
  taken.add(unique);
  return unique;
}

/** The Google Consent Mode types an `onAccept` grants: what the configuration already does, read from its code. */
function grantedConsentTypes(onAccept: ConfigValue | undefined): GoogleConsentType[] {
  if (!isCode(onAccept)) return [];
  const granted = new Set<GoogleConsentType>();
  for (const match of onAccept.code.matchAll(/['"]?([a-z_]+)['"]?\s*:\s*['"]granted['"]/g))
    if ((GOOGLE_CONSENT_TYPES as readonly string[]).includes(match[1])) granted.add(match[1] as GoogleConsentType);
  return [...granted];
}

/** Each language's version of the optional categories' label and description, by position. */
function localised(config: ConfigObject): { lang: string; categories: { label?: string; description?: string }[] }[] {
  const locales = Array.isArray(config.locales) ? config.locales : [];
  const found: { lang: string; categories: { label?: string; description?: string }[] }[] = [];
  for (const locale of locales) {
    if (!isRecord(locale) || typeof locale.locale !== 'string') continue;
    const lang = languageOf(locale.locale);
    if (!/^[a-z]{2,3}$/.test(lang) || lang === 'en') continue;
    const categories = (Array.isArray(locale.optionalCookies) ? locale.optionalCookies : []).map((category) =>
      isRecord(category) ? { label: plainText(text(category.label)), description: plainText(text(category.description)) } : {},
    );
    found.push({ lang, categories });
  }
  return found;
}

const withLanguages = (english: string, others: [string, string | undefined][]): LocalText => {
  const given = others.filter((pair): pair is [string, string] => !!pair[1]);
  return given.length ? { en: english, ...Object.fromEntries(given) } : english;
};

export function catalogFromCookieControl(
  config: ConfigObject,
  site: { name: string; domain?: string },
  policyRows: CookieRow[],
): CookieControlDraft {
  const guesses: string[] = [];
  const review: [string, string][] = [];
  const languages = localised(config);
  const taken = new Set<string>(['essential', 'review']);
  const used = new Set<string>();
  const usedGlobs: string[] = [];
  // Each policy row's names, read once; a row found by name in constant time (globs are few, and scan).
  const rowNames = policyRows.map((row) => readCookieNames(row.names).names);
  const rowByName = new Map<string, CookieRow>();
  rowNames.forEach((names, index) => {
    for (const name of names) if (!rowByName.has(name)) rowByName.set(name, policyRows[index]);
  });
  const rowFor = (name: string) =>
    rowByName.get(name) ??
    (name.includes('*') ? policyRows.find((_, index) => rowNames[index].some((listed) => matchesGlob(name, listed))) : undefined);

  /** A cookie of the configuration, with what the policy's own rows say of it, if anything. */
  const declare = (name: string, categoryName: string, path: () => string): CookieDeclaration | undefined => {
    if (!COOKIE_NAME.test(name) || name === '*') {
      guesses.push(`${categoryName}: "${name}" is not a cookie name this catalogue can hold; left out`);
      return undefined;
    }
    if (used.has(name)) {
      guesses.push(`${name}: listed again (in ${categoryName}); the first listing kept`);
      return undefined;
    }
    used.add(name);
    if (name.includes('*')) usedGlobs.push(name);
    const row = rowFor(name);
    const known = findKnownCookie(name);
    const entry: Entry = { name, ...(known && !known.ignoringCase ? { known: known.known } : {}) };
    // Classified only for its fields and questions: the configuration has already chosen the category.
    const classified = classifyCookie(entry, row ?? { names: name, source: `Cookie Control, ${categoryName}` });
    for (const question of classified.review.filter((q: ReviewQuestion) => q.field !== 'category'))
      pendingQuestions.push([
        path,
        {
          ...question,
          text: `${name}: ${row ? question.text : question.text.replace(/^the policy does not/, 'the configuration does not')}`,
        },
      ]);
    if (row) guesses.push(`${name}: purpose and lifetime from the policy (${row.source})`);
    return classified.declaration;
  };
  const pendingQuestions: [() => string, ReviewQuestion][] = [];

  const categories: Category[] = [];
  // Their names are data: a category called "__proto__" must become a key, not a prototype.
  const mapping: [string, string][] = [];

  // Essential: Cookie Control's necessary cookies, and the consent cookie, which keeps Cookie Control's name.
  const essential: Category = { id: 'essential', ...CATEGORY_TEMPLATES.essential, cookies: [] };
  categories.push(essential);
  review.push(['categories[0]', 'the title and description are standard wording: Cookie Control has none for necessary cookies']);
  const configuredDays =
    typeof config.consentCookieExpiry === 'number' && config.consentCookieExpiry >= 1 ? Math.round(config.consentCookieExpiry) : 90;
  // Browsers keep no cookie longer than 400 days, and the catalogue allows no more.
  const consentDays = Math.min(configuredDays, 400);
  if (configuredDays > consentDays)
    review.push([
      'consentCookie.expiresDays',
      `Cookie Control kept the choice for ${configuredDays} days; browsers keep a cookie for 400 at most`,
    ]);
  essential.cookies.push({ name: COOKIE_CONTROL_COOKIE, purpose: CONSENT_PURPOSE, expires: `P${consentDays}D` });
  used.add(COOKIE_CONTROL_COOKIE);
  for (const name of Array.isArray(config.necessaryCookies) ? config.necessaryCookies : []) {
    if (typeof name !== 'string') continue;
    const at = essential.cookies.length;
    const declaration = declare(name, 'necessaryCookies', () => `categories[0].cookies[${at}]`);
    if (declaration) essential.cookies.push(declaration);
  }

  const optional = Array.isArray(config.optionalCookies) ? config.optionalCookies : [];
  optional.forEach((category, position) => {
    if (!isRecord(category)) return;
    const theirName = text(category.name) ?? `category ${position + 1}`;
    const id = categoryId(theirName, taken);
    mapping.push([theirName, id]);
    const index = categories.length;
    const path = `categories[${index}]`;
    const label = plainText(text(category.label));
    const description = plainText(text(category.description));
    const template = CATEGORY_TEMPLATES[categoryFromWords(`${theirName} ${label ?? ''}`) ?? 'review'];
    if (!label || !description)
      review.push([path, `${!label ? 'the title' : 'the description'} is standard wording: Cookie Control's "${theirName}" has none`]);
    const inOther = (key: 'label' | 'description') =>
      languages.map(({ lang, categories: theirs }) => [lang, theirs[position]?.[key]] as [string, string | undefined]);
    const declared: Category = {
      id,
      title: withLanguages(label ?? template.title, label ? inOther('label') : []),
      description: withLanguages(description ?? template.description, description ? inOther('description') : []),
      cookies: [],
    };
    const consentTypes = grantedConsentTypes(category.onAccept);
    if (consentTypes.length) {
      declared.googleConsentMode = consentTypes;
      guesses.push(`${id}: googleConsentMode ${consentTypes.join(', ')}, as its onAccept grants them`);
    }
    const basis = text(category.lawfulBasis);
    if (basis && /legitimate/i.test(basis))
      review.push([
        path,
        `Cookie Control set this category on by default (lawfulBasis "${basis}"); here it stays off until a resident agrees`,
      ]);
    else if (category.recommendedState === true)
      review.push([path, 'Cookie Control recommended this category (recommendedState: true); here it stays off until a resident agrees']);
    for (const name of Array.isArray(category.cookies) ? category.cookies : []) {
      if (typeof name !== 'string') continue;
      const at = declared.cookies.length;
      const cookie = declare(name, theirName, () => `${path}.cookies[${at}]`);
      if (cookie) declared.cookies.push(cookie);
    }
    if (isCode(category.onAccept) || isCode(category.onRevoke))
      guesses.push(`${id}: its onAccept/onRevoke scripts are not carried over; mark those scripts with data-cookie-category="${id}"`);
    categories.push(declared);
  });

  // Cookies the policy lists but the configuration does not: kept, for a person to place.
  const unplaced: CookieDeclaration[] = [];
  const reviewIndex = categories.length;
  for (const names of rowNames)
    for (const name of names) {
      if (used.has(name) || usedGlobs.some((glob) => matchesGlob(glob, name))) continue;
      const at = unplaced.length;
      const declaration = declare(name, 'the policy', () => `categories[${reviewIndex}].cookies[${at}]`);
      if (!declaration) continue;
      unplaced.push(declaration);
      review.push([
        `categories[${reviewIndex}].cookies[${at}]`,
        `${name}: the policy lists it, but the Cookie Control configuration does not`,
      ]);
    }
  if (unplaced.length) {
    categories.push({ id: 'review', ...CATEGORY_TEMPLATES.review, cookies: unplaced });
    review.push([
      `categories[${reviewIndex}]`,
      'cookies the policy lists but Cookie Control does not: move each to the right category, then delete this one',
    ]);
  }
  for (const [path, question] of pendingQuestions) {
    const at = question.field === 'category' ? '' : `.${question.field}`;
    review.push([`${path()}${at}`, question.text]);
  }

  if (config.subDomains !== false && site.domain)
    review.push([
      'consentCookie',
      `Cookie Control shared the choice across subdomains (subDomains); to do the same, give consentCookie a "domain" of ".${site.domain.replace(/^\.|^www\./g, '')}"`,
    ]);
  if (isRecord(config.text) || languages.length)
    guesses.push(
      "Cookie Control's own banner wording (text, locales[].text) is not carried over: the library has its own, and text.<lang> overrides it",
    );

  const statementUrl = isRecord(config.statement) ? text(config.statement.url) : undefined;
  const policyUrl = statementUrl && /^(https?:\/\/|\/)/.test(statementUrl) ? statementUrl : undefined;
  const catalog: Catalog = {
    $schema: CATALOG_SCHEMA_URL,
    site: { name: site.name, ...(site.domain ? { domain: site.domain } : {}), ...(policyUrl ? { policyUrl } : {}) },
    revision: 1,
    consentCookie: { name: COOKIE_CONTROL_COOKIE, expiresDays: consentDays },
    categories,
    migrate: { cookieControl: { name: COOKIE_CONTROL_COOKIE, ...(mapping.length ? { categories: Object.fromEntries(mapping) } : {}) } },
  };
  // Sorted by path, so each cookie's questions come together, in the order residents see the cookies.
  review.sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
  if (review.length) catalog.review = Object.fromEntries(review);
  let declared = 0;
  for (const category of categories) declared += category.cookies.length;
  return { catalog, guesses, review, declared, categories: optional.length };
}
