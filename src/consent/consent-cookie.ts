import Cookies from 'js-cookie';
import type { Catalog } from '../catalog/definition.js';
import { warnOnce } from '../console.js';
import type { ConsentStorage } from './consent-state.js';

/** Runs a cookie operation; if the browser refuses cookies it says why, once, and never throws. */
function attempt<T>(operation: () => T): T | undefined {
  try {
    return operation();
  } catch {
    warnOnce('cookies are disabled or unavailable: a choice holds for this page view only');
    return undefined;
  }
}

/** The consent cookie, written and read with js-cookie. */
export const consentCookie = (catalog: Catalog): ConsentStorage => ({
  read: () => attempt(() => Cookies.get(catalog.consentCookie.name)),
  /** Writes the value; returns whether the browser kept it. */
  write(value) {
    const { name, expiresDays, domain } = catalog.consentCookie;
    return !!attempt(() => {
      Cookies.set(name, value, { expires: expiresDays, path: '/', sameSite: 'Lax', secure: location.protocol === 'https:', domain });
      // A browser with cookies off drops the write silently: read it back to know.
      if (Cookies.get(name) !== value) throw new Error('not kept');
      return true;
    });
  },
  remove() {
    const { name, domain } = catalog.consentCookie;
    attempt(() => Cookies.remove(name, { path: '/', domain }));
  },
});
