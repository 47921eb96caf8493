/**
 * council-cookie-consent for site builds: `init({ catalog })` starts consent on the page and
 * returns the same API the script-tag build puts on `window.CookieConsent`. Importing this
 * module does nothing by itself, so it is safe in a server-side render; the interface (Lit
 * and the elements) is imported only when a page needs it.
 */
import { type CookieConsentApi, createApi } from './core/api.js';
import { esmInterface } from './core/esm-interface.js';

type ConsentWindow = { CookieConsent?: CookieConsentApi };
const inBrowser = typeof window !== 'undefined' && typeof document !== 'undefined';
let own: CookieConsentApi | undefined;
/** The API that runs consent on this page: a script-tag copy may have started first. */
const running = (): CookieConsentApi | undefined =>
  inBrowser ? ((window as ConsentWindow).CookieConsent ?? (own ??= createApi(esmInterface))) : undefined;

let settle: { resolve(value: unknown): void; reject(reason: unknown): void } | undefined;
/** Resolves once the catalogue is loaded and the stored choice read (docs/api.md); never on a server. */
export const ready = new Promise((resolve, reject) => {
  settle = { resolve, reject };
}) as CookieConsentApi['ready'];
ready.catch(() => undefined);

export const init = (options: Parameters<CookieConsentApi['init']>[0]): CookieConsentApi | undefined => {
  const api = running()?.init(options);
  api?.ready.then(settle?.resolve, settle?.reject);
  return api;
};
export const getConsent: CookieConsentApi['getConsent'] = () => running()?.getConsent() ?? null;
export const hasConsent: CookieConsentApi['hasConsent'] = (categoryId) => running()?.hasConsent(categoryId) ?? false;
export const acceptAll: CookieConsentApi['acceptAll'] = () => running()?.acceptAll();
export const rejectAll: CookieConsentApi['rejectAll'] = () => running()?.rejectAll();
export const setConsent: CookieConsentApi['setConsent'] = (answers) => running()?.setConsent(answers);
export const showPreferences: CookieConsentApi['showPreferences'] = () => running()?.showPreferences();
export const reset: CookieConsentApi['reset'] = () => running()?.reset();

export { defineCatalog } from './catalog/define-catalog.js';
export type { Catalog, CatalogJson, Category, CookieDeclaration, Duration, LocalText } from './catalog/definition.js';
export { describeProblems, type Problem, validateCatalog } from './catalog/validate.js';
export type { ConsentSnapshot, InitOptions } from './core/api.js';
export type {
  ConsentChangeDetail,
  ConsentMethod,
  CookieBanner,
  CookieConsentApi,
  CookieEmbedPlaceholder,
  CookiePreferences,
  CookieTable,
} from './globals.js';
export type { PageConsent } from './ui/page-consent-context.js';
