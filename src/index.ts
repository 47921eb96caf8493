/**
 * council-cookie-consent for site builds: `init({ catalog })` starts consent on the page
 * and returns the same API the script-tag build puts on `window.CookieConsent`.
 */
import { type CookieConsentApi, createApi } from './api.js';

const page = window as Window & { CookieConsent?: CookieConsentApi };
const api: CookieConsentApi = page.CookieConsent ?? createApi();
/** The API that runs consent on this page: a script-tag copy may have started first. */
const running = () => page.CookieConsent ?? api;

export const init: CookieConsentApi['init'] = (options) => api.init(options);
export const ready = api.ready;
export const getConsent: CookieConsentApi['getConsent'] = () => running().getConsent();
export const hasConsent: CookieConsentApi['hasConsent'] = (categoryId) => running().hasConsent(categoryId);
export const acceptAll: CookieConsentApi['acceptAll'] = () => running().acceptAll();
export const rejectAll: CookieConsentApi['rejectAll'] = () => running().rejectAll();
export const setConsent: CookieConsentApi['setConsent'] = (answers) => running().setConsent(answers);
export const showPreferences: CookieConsentApi['showPreferences'] = () => running().showPreferences();
export const reset: CookieConsentApi['reset'] = () => running().reset();

export type { ConsentSnapshot, CookieConsentApi, InitOptions } from './api.js';
export type { Catalog, Category, CookieDeclaration, LocalText } from './catalog/definition.js';
export { describeProblems, type Problem, validateCatalog } from './catalog/validate.js';
export { CookieBanner } from './ui/cookie-banner/cookie-banner.js';
export { CookieEmbedPlaceholder } from './ui/cookie-embed-placeholder/cookie-embed-placeholder.js';
export { CookiePreferences } from './ui/cookie-preferences/cookie-preferences.js';
export { CookieTable } from './ui/cookie-table/cookie-table.js';
