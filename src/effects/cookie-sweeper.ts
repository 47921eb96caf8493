import { isWithin, withoutDot } from '../catalog/cookie-domain.js';
import type { Catalog, CookieDeclaration } from '../catalog/definition.js';
import { matchesCookieName } from '../catalog/glob.js';
import { warn } from '../console.js';

/** Names of the cookies this page can see. */
export function cookieNamesInJar(): string[] {
  try {
    return document.cookie
      .split(';')
      .map((pair) => pair.split('=')[0].trim())
      .filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * The domains a cookie of this page may have been set on: the host and each parent,
 * stopping before a single label (a top-level domain cannot hold cookies).
 */
export function hostAndParents(host: string): string[] {
  const labels = host.split('.');
  if (labels.length < 2 || /^[\d.]+$/.test(host) || host.includes(':')) return [host];
  return labels.slice(0, -1).map((_, index) => labels.slice(index).join('.'));
}

function expire(name: string, domain?: string): void {
  const secure = location.protocol === 'https:' ? '; secure' : '';
  const domainPart = domain ? `; domain=${domain}` : '';
  document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/${domainPart}${secure}`;
}

/**
 * Deletes the cookies a catalogue lists for refused categories (exact names and globs),
 * on the host and each parent domain. Cookies declared on another site's domain cannot be
 * deleted by this page: with `warnForeign`, one warning names each such domain.
 */
export function sweepCookies(catalog: Catalog, refusedIds: string[], warnForeign: boolean, host = location.hostname): string[] {
  const declarations: CookieDeclaration[] = catalog.categories
    .filter((category) => refusedIds.includes(category.id))
    .flatMap((category) => category.cookies);
  if (!declarations.length) return [];
  const siteDomain = catalog.site.domain && withoutDot(catalog.site.domain);
  const foreign = new Map<string, string[]>();
  for (const cookie of declarations) {
    const domain = cookie.domain && withoutDot(cookie.domain);
    if (domain && !isWithin(host, domain) && !isWithin(domain, host) && !(siteDomain && isWithin(domain, siteDomain)))
      foreign.set(domain, [...(foreign.get(domain) ?? []), cookie.name]);
  }
  const deleted: string[] = [];
  const domains = hostAndParents(host);
  for (const name of cookieNamesInJar()) {
    if (name === catalog.consentCookie.name || !declarations.some((cookie) => matchesCookieName(cookie.name, name))) continue;
    try {
      expire(name);
      for (const domain of domains) expire(name, domain);
      deleted.push(name);
    } catch {
      // document.cookie refused the write; the cookies-unavailable warning covers it.
    }
  }
  if (warnForeign)
    for (const [domain, names] of foreign)
      warn(
        `${names.join(', ')} on ${domain} (another site's domain) cannot be deleted by this page; residents can clear them in their browser`,
      );
  return deleted;
}
