import { isWithin, withoutDot } from '../catalog/cookie-domain.js';
import type { Catalog } from '../catalog/definition.js';
import { warn, warnOnce } from '../console.js';
import { cookieValues, expireCookie, removeCookie, setCookie } from '../cookies/cookie-jar.js';
import { DAY_MS, parse } from './consent-record.js';
import type { ConsentStorage } from './consent-state.js';

/**
 * The consent cookie. It is believed only where this library writes it (`path=/`, on the
 * catalogue's `consentCookie.domain`, else this host only): another site under the same
 * parent domain, or a page on a longer path, can set a cookie of the same name that the
 * browser sends too, even first. Such copies are never read as the choice, and every copy
 * this page can reach is deleted before a choice is written, so the choice is the only one.
 */
export function consentCookie(catalog: Catalog): ConsentStorage {
  const { name, expiresDays, domain } = catalog.consentCookie;
  const place = { domain };
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
        if (!copies.length) {
          remember(undefined);
          return undefined;
        }
        // Which copy sits where we write? Take ours out, see which value went, and put it back as it was.
        removeCookie(name, place);
        const left = cookieValues(name);
        for (const value of left) if (copies.includes(value)) copies.splice(copies.indexOf(value), 1);
        const mine = copies.length === 1 ? copies[0] : undefined;
        if (mine !== undefined) setCookie(name, mine, expiresAt(mine), place);
        if (left.length && catalog.migrate?.cookieControl?.name !== name)
          warnOnce(
            `${left.length} other cookie(s) named ${name} (set by another site on a parent domain, or on another path) are ignored: a choice is only read where this library writes it`,
          );
        remember(mine);
        return mine;
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
    remove: () =>
      attempt(() => {
        expireCookie(name);
        remember(undefined);
      }),
  };
}
