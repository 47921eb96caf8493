// A site's own bundle: the ESM API, a catalogue from JSON, one written in code.
import {
  type Catalog,
  type ConsentSnapshot,
  type CookieConsentApi,
  type CookieDeclaration,
  defineCatalog,
  init,
  validateCatalog,
} from 'council-cookie-consent';
import tunbridgeWells from 'council-cookie-consent/catalogs/tunbridge-wells.json';
import ownCatalog from './own-catalog.json';

// init({ catalog }) takes a URL (or #id of an inline catalogue) …
const started: CookieConsentApi | undefined = init({ catalog: '/cookie-catalogs/example.json' });
// … or a catalogue: one imported from JSON through defineCatalog(), the package's own or a site's.
init({ catalog: defineCatalog(tunbridgeWells) });
init({ catalog: defineCatalog(ownCatalog), nonce: 'abc123' });
// @ts-expect-error: the catalogue is neither a number nor unknown
init({ catalog: 42 });
// @ts-expect-error: init() needs a catalogue
init({});

export async function answers(): Promise<boolean> {
  const api = init({ catalog: '#cookie-catalog' });
  const stored: ConsentSnapshot | null | undefined = await api?.ready;
  return (stored?.categories.analytics ?? false) || (api?.hasConsent('analytics') ?? false);
}

// A catalogue written in TypeScript is checked key by key.
export const written: Catalog = {
  site: { name: 'Example Borough Council', domain: 'example.gov.uk', policyUrl: '/cookies' },
  revision: 1,
  consentCookie: { name: 'example_cookie_consent', expiresDays: 365 },
  categories: [
    {
      id: 'essential',
      title: 'Essential cookies',
      description: 'Cookies the site needs to work.',
      cookies: [{ name: 'PHPSESSID', purpose: 'Keeps your session.', expires: 'session' }],
    },
    {
      id: 'analytics',
      title: { en: 'Analytics cookies', cy: 'Cwcis dadansoddi' },
      description: 'How the site is used.',
      basis: 'consent',
      googleConsentMode: ['analytics_storage'],
      cookies: [{ name: '_ga', purpose: 'Tells visits apart.', expires: 'P2Y' }],
    },
  ],
};

const cookie = (declaration: CookieDeclaration) => declaration;
// @ts-expect-error: a lifetime is an ISO 8601 duration (P2Y) or "session", never words
cookie({ name: '_ga', purpose: 'Tells visits apart.', expires: '2 years' });
// @ts-expect-error: a misspelt key is refused (purpose)
cookie({ name: '_ga', purpose: 'Tells visits apart.', purpse: 'typo', expires: 'P2Y' });

export const misspelt: Catalog = {
  site: { name: 'Example Borough Council' },
  revision: 1,
  consentCookie: { name: 'example_cookie_consent', expiresDays: 365 },
  categories: [],
  // @ts-expect-error: no such key in a catalogue
  privacySignal: { gpc: true },
};

export const badBasis: Catalog = {
  ...written,
  categories: [
    {
      ...written.categories[1],
      // @ts-expect-error: basis is 'consent' or 'statistics-exemption'
      basis: 'legitimate interest',
    },
  ],
};

// validateCatalog() takes anything and says what is wrong with it, by JSON path.
const checked = validateCatalog(JSON.parse('{}'));
export const problems: string[] = checked.problems?.map((problem) => problem.path) ?? [];
export { started };
