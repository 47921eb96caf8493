import Cookies from 'js-cookie';
import type { Catalog } from '../catalog/definition.js';
import { warnOnce } from '../console.js';

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
export class ConsentCookie {
  readonly #catalog: Catalog;

  constructor(catalog: Catalog) {
    this.#catalog = catalog;
  }

  read(): string | undefined {
    return attempt(() => Cookies.get(this.#catalog.consentCookie.name));
  }

  /** Writes the value; returns whether the browser kept it. */
  write(value: string): boolean {
    const { name, expiresDays, domain } = this.#catalog.consentCookie;
    return !!attempt(() => {
      Cookies.set(name, value, { expires: expiresDays, path: '/', sameSite: 'Lax', secure: location.protocol === 'https:', domain });
      // A browser with cookies off drops the write silently: read it back to know.
      if (Cookies.get(name) !== value) throw new Error('not kept');
      return true;
    });
  }

  remove(): void {
    const { name, domain } = this.#catalog.consentCookie;
    attempt(() => Cookies.remove(name, { path: '/', domain }));
  }
}
