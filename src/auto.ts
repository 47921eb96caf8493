/**
 * The script-tag entry: `<script src=".../council-cookie-consent.iife.js" data-catalog="..." defer>`
 * starts consent by itself and exposes the API as `window.CookieConsent`.
 */
import { type CookieConsentApi, createApi } from './api.js';
import { warn } from './console.js';

const page = window as Window & { CookieConsent?: CookieConsentApi };
const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[data-catalog]');

if (page.CookieConsent) warn('included more than once; this copy is ignored');
else createApi().init({ catalog: script?.getAttribute('data-catalog') });
