import { isWithin, withoutDot } from '../catalog/cookie-domain.js';
import type { Catalog, CookieDeclaration } from '../catalog/definition.js';
import { cookieNameMatcher } from '../catalog/glob.js';
import { warn } from '../console.js';
import { cookieNames, expireCookie } from '../cookies/cookie-jar.js';

/**
 * Deletes the cookies a catalogue lists for refused categories (exact names and globs),
 * on the host and each parent domain, on `/` and on every deeper path a cookie visible on
 * this page can have, and on the paths the catalogue declares. Cookies declared on another
 * site's domain cannot be deleted by this page: with `warnForeign`, one warning names each
 * such domain. Returns the names it found and deleted.
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
  const listed = cookieNameMatcher(declarations.map((cookie) => cookie.name));
  const consent = catalog.consentCookie.name;
  const found = () => [...new Set(cookieNames().filter((name) => name !== consent && listed(name)))];
  let deleted: string[] = [];
  try {
    // Most cookies sit on path=/: delete them there, then look again for copies set on deeper paths.
    deleted = found();
    for (const name of deleted) expireCookie(name, ['/']);
    for (const name of found()) expireCookie(name);
    // A cookie on a declared path is not visible from every page: delete it there by name.
    for (const { name, path } of declarations) if (path && name !== consent && !name.includes('*')) expireCookie(name, [path]);
  } catch {
    // document.cookie refused the write; the cookies-unavailable warning covers it.
  }
  if (warnForeign)
    for (const [domain, names] of foreign)
      warn(
        `${names.join(', ')} on ${domain} (another site's domain) cannot be deleted by this page; residents can clear them in their browser`,
      );
  return deleted;
}
