import { isWithin, withoutDot } from '../../catalog/cookie-domain.js';
import type { Catalog, CookieDeclaration } from '../../catalog/definition.js';
import { matchesCookieName } from '../../catalog/glob.js';
import { ESSENTIAL } from '../../catalog/validate.js';

export interface Declared {
  categoryId: string;
  /** Off until a resident agrees: any category but essential and those on by the statistics exemption. */
  needsConsent: boolean;
  /** Deleted when a resident rejects: any category but essential. */
  optional: boolean;
  declaration: CookieDeclaration;
}

/**
 * The catalogue's declaration of a cookie the browser holds, by name (globs included).
 * Where several match, one declared on the cookie's own domain wins. The consent cookie
 * counts as declared even if no table lists it: `consentCookie` declares it.
 */
export function findDeclaration(catalog: Catalog, name: string, domain: string): Declared | undefined {
  const matches: Declared[] = catalog.categories.flatMap((category) =>
    category.cookies
      .filter((cookie) => matchesCookieName(cookie.name, name))
      .map((declaration) => ({
        categoryId: category.id,
        needsConsent: category.id !== ESSENTIAL && category.basis !== 'statistics-exemption',
        optional: category.id !== ESSENTIAL,
        declaration,
      })),
  );
  const host = withoutDot(domain);
  const onItsDomain = matches.find((m) => m.declaration.domain && isWithin(host, withoutDot(m.declaration.domain)));
  if (onItsDomain ?? matches[0]) return onItsDomain ?? matches[0];
  if (name === catalog.consentCookie.name)
    return {
      categoryId: ESSENTIAL,
      needsConsent: false,
      optional: false,
      declaration: { name, purpose: 'consent cookie', expires: `P${catalog.consentCookie.expiresDays}D` },
    };
  return undefined;
}
