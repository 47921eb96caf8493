/**
 * The single-file script-tag entry (`council-cookie-consent.all.iife.js`), for councils who want
 * one file: the same as the split one, with the interface and the Welsh wording built in.
 */

import { warn } from '../console.js';
import { type CookieConsentApi, createApi } from '../core/api.js';
import { bannerPart } from '../ui/banner-part.js';
import { detailsPart } from '../ui/details-part.js';
import '../wording/cy.js';

const page = window as Window & { CookieConsent?: CookieConsentApi };
const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[data-catalog]');

bannerPart.define();
detailsPart.define();
const everything = Promise.resolve({ banner: bannerPart, details: detailsPart });

if (page.CookieConsent) warn('included more than once; this copy is ignored');
else createApi(() => everything).init({ catalog: script?.getAttribute('data-catalog') as string });
