/**
 * council-cookie-consent for site builds: `init({ catalog })` starts consent on the page
 * and returns the same API the script-tag build puts on `window.CookieConsent`.
 */
import { createApi, type CookieConsentApi } from './api.js';

const existing = (window as Window & { CookieConsent?: CookieConsentApi }).CookieConsent;
const api: CookieConsentApi = existing ?? createApi();

export const init: CookieConsentApi['init'] = (options) => api.init(options);
export const ready = api.ready;
export const getConsent: CookieConsentApi['getConsent'] = () => api.getConsent();
export const hasConsent: CookieConsentApi['hasConsent'] = (categoryId) => api.hasConsent(categoryId);
export const acceptAll: CookieConsentApi['acceptAll'] = () => api.acceptAll();
export const rejectAll: CookieConsentApi['rejectAll'] = () => api.rejectAll();
export const setConsent: CookieConsentApi['setConsent'] = (answers) => api.setConsent(answers);
export const showPreferences: CookieConsentApi['showPreferences'] = () => api.showPreferences();
export const reset: CookieConsentApi['reset'] = () => api.reset();

export type { CookieConsentApi, ConsentSnapshot, InitOptions } from './api.js';
export type { Catalog, Category, CookieDeclaration, LocalText } from './catalog/definition.js';
export { validateCatalog, describeProblems, type Problem } from './catalog/validate.js';
export { CookieBanner } from './ui/cookie-banner/cookie-banner.js';
export { CookiePreferences } from './ui/cookie-preferences/cookie-preferences.js';
export { CookieTable } from './ui/cookie-table/cookie-table.js';
export { CookieEmbedPlaceholder } from './ui/cookie-embed-placeholder/cookie-embed-placeholder.js';
