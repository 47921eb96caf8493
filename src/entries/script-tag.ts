/**
 * The script-tag entry: `<script src=".../council-cookie-consent.iife.js" data-catalog="..." defer>`
 * starts consent by itself and exposes the API as `window.CookieConsent`. It holds what every
 * page view needs; the interface comes from the files beside it, only when a page needs it.
 */

// Written by the build: the parts' Subresource Integrity hashes.
import { PART_HASHES } from 'virtual:part-hashes';
import { warn } from '../console.js';
import { type CookieConsentApi, createApi } from '../core/api.js';
import { scriptTagInterface } from '../core/script-tag-interface.js';

const page = window as Window & { CookieConsent?: CookieConsentApi };
const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[data-catalog]');

if (page.CookieConsent) warn('included more than once; this copy is ignored');
// A missing data-catalog (null) is refused by the catalogue loader, with a message.
else createApi(scriptTagInterface(script, PART_HASHES)).init({ catalog: script?.getAttribute('data-catalog') as string });
