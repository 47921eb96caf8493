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

/** A name js-cookie writes as it is; it encodes any other, so `AMCV_…%40AdobeOrg` would become `…%2540…`. */
const plainName = (name: string) => /^[\w!#$&'*+\-.^`|~]+$/.test(name);

/**
 * Sets a cookie through js-cookie; a name it would encode is written exactly as the browser holds
 * it, with the same attributes, so the name written is the name read and deleted.
 */
function write(name: string, value: string, attributes: Cookies.CookieAttributes & { path: string }): void {
  if (plainName(name)) Cookies.set(name, value, attributes);
  else
    document.cookie = `${name}=${Cookies.converter.write(value, name)}${Object.entries(attributes)
      .filter(([, set]) => set)
      .map(([key, set]) => `; ${key}${set === true ? '' : `=${set instanceof Date ? set.toUTCString() : set}`}`)
      .join('')}`;
}

/** Writes a first-party cookie: `path=/`, `SameSite=Lax`, `Secure` on https. */
export function setCookie(name: string, value: string, expires: Date, { domain }: CookiePlace = {}): void {
  write(name, value, { expires, path: '/', sameSite: 'Lax', secure: secure(), domain });
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
  // A host with no parent (localhost, an IP address) has no domain cookies: `domain=` it means this host only.
  const parents = hostAndParents(location.hostname).filter((domain) => domain.includes('.') && !/^[\d.]+$/.test(domain));
  for (const domain of ['', ...parents])
    for (const path of paths)
      if (kept !== domain || path !== '/') write(name, '', { expires: new Date(0), path, domain, secure: secure() });
}
