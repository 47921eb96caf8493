/**
 * What a page gets from the library, as TypeScript sees it: the script tag's global API, the
 * change event on `document`, and the four elements in `HTMLElementTagNameMap` (each element's
 * module declares its own tag). The main entry re-exports from here, so a site that imports
 * anything from `council-cookie-consent` (or lists it in `compilerOptions.types`) gets them;
 * the script-tag files' types (`council-cookie-consent/iife`) are this file.
 */
import type { CookieConsentApi } from './core/api.js';
import type { ConsentChangeDetail } from './core/consent-change.js';

declare global {
  interface Window {
    /** Set by the script tag (or by `init()`) once consent has started on the page. */
    CookieConsent?: CookieConsentApi;
  }
  interface DocumentEventMap {
    'cookie-consent:change': CustomEvent<ConsentChangeDetail>;
  }
}

export type { CookieConsentApi } from './core/api.js';
export type { ConsentChangeDetail, ConsentMethod } from './core/consent-change.js';
export type { CookieBanner } from './ui/cookie-banner/cookie-banner.js';
export type { CookieEmbedPlaceholder } from './ui/cookie-embed-placeholder/cookie-embed-placeholder.js';
export type { CookiePreferences } from './ui/cookie-preferences/cookie-preferences.js';
export type { CookieTable } from './ui/cookie-table/cookie-table.js';
