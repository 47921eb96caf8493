import Cookies from 'js-cookie';
import type { Catalog } from '../catalog/definition.js';
import { warnOnce } from '../console.js';

const COOKIES_UNAVAILABLE =
  'cookies are disabled or unavailable, so your choice applies to this page view only and nothing optional runs without it';

/** The consent cookie, written and read with js-cookie. Failures warn once and never throw. */
export class ConsentCookie {
  constructor(private readonly catalog: Catalog) {}

  private get attributes(): Cookies.CookieAttributes {
    const { expiresDays, domain } = this.catalog.consentCookie;
    return {
      expires: expiresDays,
      path: '/',
      sameSite: 'Lax',
      secure: location.protocol === 'https:',
      ...(domain ? { domain } : {}),
    };
  }

  read(): string | undefined {
    try {
      return Cookies.get(this.catalog.consentCookie.name);
    } catch {
      warnOnce(COOKIES_UNAVAILABLE);
      return undefined;
    }
  }

  /** Writes the value; returns whether the browser kept it. */
  write(value: string): boolean {
    try {
      Cookies.set(this.catalog.consentCookie.name, value, this.attributes);
      if (Cookies.get(this.catalog.consentCookie.name) === value) return true;
    } catch {
      // Reported below, the same as a browser that silently drops cookies.
    }
    warnOnce(COOKIES_UNAVAILABLE);
    return false;
  }

  remove(): void {
    try {
      const { domain } = this.attributes;
      Cookies.remove(this.catalog.consentCookie.name, { path: '/', ...(domain ? { domain } : {}) });
    } catch {
      warnOnce(COOKIES_UNAVAILABLE);
    }
  }
}
