import { isObject } from '../catalog/check-shape.js';
import { isWithin, withoutDot } from '../catalog/cookie-domain.js';
import type { Catalog } from '../catalog/definition.js';
import { warn, warnOnce } from '../console.js';
import { cookieValues, expireCookie, setCookie } from '../cookies/cookie-jar.js';
import { DAY_MS, parse } from './consent-record.js';
import type { ConsentStorage } from './consent-state.js';

/**
 * The consent cookie. It is believed only where this library writes it (`path=/`, on the
 * catalogue's `consentCookie.domain`, else this host only): another site under the same parent
 * domain, or a page on a longer path, can set a cookie of the same name that the browser sends
 * too, even first. `document.cookie` does not say where a cookie lives, so when a page sees any
 * copy it has not checked yet, it deletes the name everywhere it can reach except its own place:
 * what is left is its own copy. Reading never writes the library's own copy, so it cannot undo
 * another tab's newer choice. Before a choice is written every reachable copy is deleted.
 */
export function consentCookie(catalog: Catalog): ConsentStorage {
  const { name, expiresDays, domain } = catalog.consentCookie;
  const place = { domain };
  /** A Cookie Control cookie of our very name, waiting to be taken over: migration reads it before it goes. */
  const migrating = (value: string) => {
    const theirs = catalog.migrate?.cookieControl?.name === name && parse(value);
    return isObject(theirs) && 'optionalCookies' in theirs;
  };
  /** When a stored value stops counting: its own `time` plus the catalogue's lifetime. */
  const expiresAt = (value: string) => {
    const time = (parse(value) as { time?: unknown } | undefined)?.time;
    return new Date((Number.isInteger(time) ? (time as number) : Date.now()) + expiresDays * DAY_MS);
  };
  /** The copies last seen, and which of them is ours: nothing to check again while they stay the same. */
  let seen: string | undefined;
  let ours: string | undefined;

  /** Runs a cookie operation; if the browser refuses cookies it says why, once, and never throws. */
  function attempt<T>(operation: () => T): T | undefined {
    try {
      return operation();
    } catch {
      warnOnce('cookies are disabled or unavailable: a choice holds for this page view only');
      return undefined;
    }
  }

  const remember = (value: string | undefined) => {
    seen = cookieValues(name).join('\n');
    ours = value;
  };

  return {
    read: () =>
      attempt(() => {
        const copies = cookieValues(name);
        if (copies.join('\n') === seen) return ours;
        // A choice not yet taken over from Cookie Control: the take-over decides, and deletes every copy.
        if (copies.some(migrating)) {
          remember(undefined);
          return undefined;
        }
        if (copies.length) expireCookie(name, undefined, place);
        const left = cookieValues(name);
        if (left.length < copies.length)
          warnOnce(
            `${copies.length - left.length} other cookie(s) named ${name} (set by another site on a parent domain, or on another path) were deleted: a choice is only read where this library writes it`,
          );
        remember(left.length === 1 ? left[0] : undefined);
        return ours;
      }),
    /** Writes the value where it will be the only copy; returns whether the browser kept it so. */
    write(value) {
      return !!attempt(() => {
        expireCookie(name);
        setCookie(name, value, expiresAt(value), place);
        const copies = cookieValues(name);
        remember(copies.length === 1 && copies[0] === value ? value : undefined);
        if (ours === value) return true;
        if (copies.includes(value))
          warn(`another cookie named ${name} could not be removed (set by another site?): this choice holds for this page view only`);
        else if (domain && !isWithin(location.hostname, withoutDot(domain)))
          warn(
            `consentCookie.domain "${domain}" does not include this page's host ${location.hostname}: a choice holds for this page view only`,
          );
        else throw new Error('not kept');
        return false;
      });
    },
    /**
     * Writes the stored value again, unchanged and with its own expiry, if it is still the only
     * copy: Safari keeps a cookie that a script wrote for 7 days at most, so a resident who comes
     * back within a week keeps their choice for its full lifetime.
     */
    renew: (value) =>
      attempt(() => {
        if (cookieValues(name).join('\n') === value) setCookie(name, value, expiresAt(value), place);
        remember(ours);
      }),
    remove: () =>
      attempt(() => {
        expireCookie(name);
        remember(undefined);
      }),
  };
}
