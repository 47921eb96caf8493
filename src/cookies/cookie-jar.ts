import Cookies from 'js-cookie';
import { hostAndParents, withoutDot } from '../catalog/cookie-domain.js';

/**
 * The one module that reads, writes and deletes cookies. Writes and deletions go through
 * js-cookie. Reads parse `document.cookie` here because a page can see several cookies of
 * one name (set on a parent domain, or on a longer path) and js-cookie returns only the
 * first; names are compared exactly as the browser holds them, never decoded, so
 * `CookieContro%6C` is not `CookieControl`. Every function throws when the browser refuses
 * cookies; callers decide what that means.
 */

/** Where this page keeps a cookie it writes: `path=/`, on `domain` (none: this host only). */
export interface CookiePlace {
  domain?: string;
}

const secure = () => location.protocol === 'https:';

/** Every cookie this page can see, as [name, value] in the browser's order. */
function visibleCookies(): [string, string][] {
  const jar = document.cookie;
  return jar
    ? jar.split('; ').map((pair) => {
        const split = pair.indexOf('=');
        return split < 0 ? ['', pair] : [pair.slice(0, split), pair.slice(split + 1)];
      })
    : [];
}

/** The names of the cookies this page can see. */
export const cookieNames = (): string[] => visibleCookies().map(([name]) => name);

/** The values of every cookie named exactly `name` that this page can see. */
export function cookieValues(name: string): string[] {
  return visibleCookies()
    .filter(([found]) => found === name)
    .map(([, value]) => {
      try {
        return Cookies.converter.read(value, name);
      } catch {
        return value;
      }
    });
}

/** Writes a first-party cookie: `path=/`, `SameSite=Lax`, `Secure` on https. */
export function setCookie(name: string, value: string, expires: Date, { domain }: CookiePlace = {}): void {
  Cookies.set(name, value, { expires, path: '/', sameSite: 'Lax', secure: secure(), domain });
}

/** Deletes the cookie this page keeps at `place` (see setCookie), and no other copy. */
export function removeCookie(name: string, { domain }: CookiePlace = {}): void {
  Cookies.remove(name, { path: '/', domain, secure: secure() });
}

/**
 * The paths a cookie visible on `pathname` may have been set with: every prefix of it, with
 * and without its trailing slash (`/p/page.html` → `/`, `/p`, `/p/`, `/p/page.html`).
 */
export function pathPrefixes(pathname: string): string[] {
  const paths = new Set(['/']);
  for (let slash = pathname.indexOf('/', 1); slash > 0; slash = pathname.indexOf('/', slash + 1))
    paths.add(pathname.slice(0, slash)).add(pathname.slice(0, slash + 1));
  return [...paths.add(pathname)];
}

/**
 * Deletes `name` wherever this page can reach it: this host only and each parent domain, on
 * `paths` (by default every path a cookie visible here can have). `except` is left alone.
 */
export function expireCookie(name: string, paths = pathPrefixes(location.pathname), except?: CookiePlace): void {
  const kept = except && (except.domain ? withoutDot(except.domain) : '');
  for (const domain of ['', ...hostAndParents(location.hostname)])
    for (const path of paths) if (kept !== domain || path !== '/') Cookies.remove(name, { path, domain, secure: secure() });
}
