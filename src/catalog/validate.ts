import { checkShape, MISSING, type Problem } from './check-shape.js';
import { isWithin, withoutDot } from './cookie-domain.js';
import { type Catalog, catalogShape } from './definition.js';
import { ESSENTIAL } from './essential.js';
import { matchesCookieName } from './glob.js';

export type { Problem };

export type Validation = { catalog: Catalog; problems?: undefined } | { catalog?: undefined; problems: Problem[] };

export { ESSENTIAL };

/** Messages the command line explains at length (cli/problem-hints.ts); here they stay short. */
export const NO_BASIS = 'is not for essential cookies';
export const RESERVED_ID = 'is reserved by JavaScript';
export const MATCHES_EVERY_COOKIE = 'matches every cookie';
export const MATCHES_CONSENT_COOKIE = 'matches consentCookie.name';
export const NO_ESSENTIAL = `has no "${ESSENTIAL}" category`;
export const OUT_OF_REACH = "must be the page's host or a parent, within site.domain";

/**
 * Checks a parsed catalogue: its shape, then the rules a shape cannot say. The messages are
 * short (this runs on every page view); `validate` on the command line explains them
 * (cli/problem-hints.ts) and adds the checks that need the public suffix list.
 *
 * `host` is the page's host name, in the browser: a consent cookie domain must reach it.
 */
export function validateCatalog(value: unknown, host?: string): Validation {
  const problems: Problem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  checkShape(catalogShape, value, '', problems);
  if (problems.length) return { problems };
  const { categories, consentCookie, site, migrate, review } = value as Catalog;
  const seen = new Set<string>();
  categories.forEach(({ id, basis, cookies }, index) => {
    const at = `categories[${index}]`;
    if (seen.has(id)) problem(`${at}.id`, `"${id}" is used by an earlier category`);
    // Every object has "constructor": a lookup by id must never find an answer nobody gave.
    if (id in {}) problem(`${at}.id`, RESERVED_ID);
    seen.add(id);
    if (id === ESSENTIAL && basis) problem(`${at}.basis`, NO_BASIS);
    cookies.forEach(({ name }, n) => {
      // "*" would delete the site's own session, login and XSRF cookies on the first page view.
      if (!name.replace(/\*/g, '')) problem(`${at}.cookies[${n}].name`, MATCHES_EVERY_COOKIE);
      // Deleting it on a refusal would delete the refusal.
      else if (id !== ESSENTIAL && matchesCookieName(name, consentCookie.name)) problem(`${at}.cookies[${n}].name`, MATCHES_CONSENT_COOKIE);
    });
  });
  if (!seen.has(ESSENTIAL)) problem('categories', NO_ESSENTIAL);
  for (const [theirs, ours] of Object.entries(migrate?.cookieControl?.categories ?? {}))
    if (!seen.has(ours) || ours === ESSENTIAL)
      problem(`migrate.cookieControl.categories.${theirs}`, `"${ours}" is not an optional category`);
  // A cookie's purpose and lifetime are required; only a draft may leave one out, where its review note says why.
  for (const [i, category] of categories.entries())
    for (const [j, cookie] of category.cookies.entries())
      for (const key of ['purpose', 'expires'] as const) {
        const path = `categories[${i}].cookies[${j}].${key}`;
        if (!(key in cookie || review?.[path])) problem(path, MISSING);
      }
  if (consentCookie.name.includes('*')) problem('consentCookie.name', 'must not be a glob');
  // A public suffix (gov.uk) needs the public suffix list, which only the command line has;
  // browsers refuse a cookie there anyway, so the choice is never stored and nothing optional runs.
  const domain = consentCookie.domain && withoutDot(consentCookie.domain);
  if (domain && ((site.domain && !isWithin(domain, withoutDot(site.domain))) || (host && !isWithin(host, domain))))
    problem('consentCookie.domain', OUT_OF_REACH);
  return problems.length ? { problems } : { catalog: value as Catalog };
}

/** Problems as lines a person can act on: `categories[1].cookies[0].expires: ...`. */
export const describeProblems = (problems: Problem[]) => problems.map((p) => `${p.path}: ${p.message}`);
