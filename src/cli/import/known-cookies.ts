import type { CategoryId } from './categories.js';

/** A cookie whose name says what it is, whichever site sets it. */
export interface KnownCookie {
  /** Exact name, or a glob with `*`. */
  name: string;
  category: Exclude<CategoryId, 'review'>;
  provider: string;
  /**
   * What it is usually for, and its usual lifetime (ISO-8601 or `session`): only ever offered
   * to the person reviewing a draft as a suggestion, never written into a council's catalogue.
   */
  purpose: string;
  expires: string;
  /** A glob that gathers related names into one catalogue entry (`__utma, __utmb` → `__utm*`). */
  family?: string;
  /**
   * A name any web server uses for its own purposes (PHPSESSID): weaker evidence than a
   * known domain, which wins over it (ASP.NET_SessionId on .siteimprove.com is Siteimprove's).
   */
  generic?: boolean;
  /** A consent tool's cookie: a candidate for the catalogue's `consentCookie`. */
  consent?: boolean;
  /** For a website's own cookie (provider "this website"), the software that names it so. */
  platform?: string;
}

const GA = 'Google Analytics';
const gaCounts = 'Helps us count how many people visit the website by telling us if you have visited before.';
const utm = (name: string, expires: string, purpose: string): KnownCookie => ({
  name,
  category: 'analytics',
  provider: GA,
  purpose,
  expires,
  family: '__utm*',
});
const session = (name: string, platform: string): KnownCookie => ({
  name,
  category: 'essential',
  provider: 'this website',
  platform,
  purpose: 'Keeps your visit together from page to page, so forms and services work.',
  expires: 'session',
  generic: true,
});
const ownCookie = (name: string, platform: string, purpose: string, expires: string): KnownCookie => ({
  name,
  category: 'essential',
  provider: 'this website',
  platform,
  purpose,
  expires,
  generic: true,
});
const consent = (name: string, provider: string, expires: string): KnownCookie => ({
  name,
  category: 'essential',
  provider,
  purpose: 'Remembers whether you accepted or rejected optional cookies.',
  expires,
  consent: true,
});
const trafficRouting = (name: string, provider: string, expires: string): KnownCookie => ({
  name,
  category: 'essential',
  provider,
  purpose: 'Sends each of your requests to the same server, so the website stays quick and reliable.',
  expires,
  generic: true,
});
const botProtection = (name: string, provider: string, expires: string): KnownCookie => ({
  name,
  category: 'essential',
  provider,
  purpose: 'Tells people and automated attacks apart, to keep the website secure.',
  expires,
  generic: true,
});
const clarity = (name: string, expires: string): KnownCookie => ({
  name,
  category: 'analytics',
  provider: 'Microsoft Clarity',
  purpose: 'Records how people use the website (clicks, scrolling) so we can improve it.',
  expires,
});
const hotjar = (name: string, expires: string): KnownCookie => ({
  name,
  category: 'analytics',
  provider: 'Hotjar',
  purpose: 'Records how people use the website (clicks, scrolling, feedback) so we can improve it.',
  expires,
});
const youtube = (name: string, expires: string): KnownCookie => ({
  name,
  category: 'video',
  provider: 'YouTube',
  purpose: 'Set by YouTube when you watch a video we have embedded, to count views and remember your player settings.',
  expires,
});
const advertising = (name: string, provider: string, expires: string): KnownCookie => ({
  name,
  category: 'marketing',
  provider,
  purpose: `Used by ${provider} to show and measure adverts.`,
  expires,
});

/**
 * Cookies common on UK council websites. Exact names come before globs, so `_ga` is not
 * read as `_ga_*`.
 */
export const KNOWN_COOKIES: KnownCookie[] = [
  // Google Analytics 4 and Universal Analytics.
  { name: '_ga', category: 'analytics', provider: GA, purpose: gaCounts, expires: 'P2Y' },
  { name: '_ga_*', category: 'analytics', provider: GA, purpose: 'Keeps track of your visit for Google Analytics 4.', expires: 'P2Y' },
  { name: '_gid', category: 'analytics', provider: GA, purpose: gaCounts, expires: 'PT24H' },
  { name: '_gat*', category: 'analytics', provider: GA, purpose: 'Used to reduce the number of requests.', expires: 'PT1M' },
  {
    name: '_dc_gtm_*',
    category: 'analytics',
    provider: 'Google Tag Manager',
    purpose: 'Used to reduce the number of requests.',
    expires: 'PT1M',
  },
  utm('__utma', 'P2Y', 'Tells visitors apart and counts visits for Google Analytics.'),
  utm('__utmb', 'PT30M', 'Marks the start of a visit for Google Analytics.'),
  utm('__utmc', 'session', 'Marks the end of a visit for Google Analytics.'),
  utm('__utmt', 'PT10M', 'Used to reduce the number of requests.'),
  utm('__utmv', 'P2Y', 'Holds visitor-level custom values for Google Analytics.'),
  utm('__utmz', 'P6M', 'Records how you reached the website (a search engine, a link) for Google Analytics.'),
  {
    name: '_gac_*',
    category: 'marketing',
    provider: 'Google Ads',
    purpose: 'Holds advertising campaign information for Google Ads.',
    expires: 'P90D',
  },
  advertising('_gcl_au', 'Google Ads', 'P90D'),
  advertising('IDE', 'Google DoubleClick', 'P13M'),
  advertising('test_cookie', 'Google DoubleClick', 'PT15M'),
  advertising('NID', 'Google', 'P6M'),
  advertising('1P_JAR', 'Google', 'P1M'),
  // Google's own consent record on google.com (maps, YouTube, reCAPTCHA): not this site's consent cookie.
  advertising('CONSENT', 'Google', 'P2Y'),
  advertising('SOCS', 'Google', 'P13M'),
  // Siteimprove.
  {
    name: 'nmstat',
    category: 'analytics',
    provider: 'Siteimprove',
    purpose: 'Helps to record your use of the website, so we can improve it.',
    expires: 'P1000D',
  },
  {
    name: 'siteimproveses',
    category: 'analytics',
    provider: 'Siteimprove',
    purpose: 'Records the sequence of pages you look at during one visit.',
    expires: 'session',
  },
  // Microsoft Clarity.
  clarity('_clck', 'P1Y'),
  clarity('_clsk', 'P1D'),
  clarity('CLID', 'P1Y'),
  clarity('ANONCHK', 'PT10M'),
  clarity('SM', 'session'),
  clarity('MR', 'P7D'),
  advertising('MUID', 'Microsoft', 'P1Y'),
  // Hotjar.
  hotjar('_hjSessionUser_*', 'P1Y'),
  hotjar('_hjSession_*', 'PT30M'),
  hotjar('_hj*', 'P1Y'),
  // Matomo (Piwik).
  { name: '_pk_id*', category: 'analytics', provider: 'Matomo', purpose: 'Tells visitors apart for Matomo analytics.', expires: 'P13M' },
  {
    name: '_pk_ses*',
    category: 'analytics',
    provider: 'Matomo',
    purpose: 'Keeps a visit together for Matomo analytics.',
    expires: 'PT30M',
  },
  // Social media and advertising.
  advertising('_fbp', 'Meta (Facebook)', 'P90D'),
  advertising('fr', 'Meta (Facebook)', 'P90D'),
  advertising('personalization_id', 'X (Twitter)', 'P2Y'),
  advertising('guest_id', 'X (Twitter)', 'P2Y'),
  advertising('bcookie', 'LinkedIn', 'P1Y'),
  advertising('lidc', 'LinkedIn', 'P1D'),
  // YouTube and Vimeo, for embedded videos.
  youtube('YSC', 'session'),
  youtube('VISITOR_INFO1_LIVE', 'P6M'),
  youtube('VISITOR_PRIVACY_METADATA', 'P6M'),
  youtube('__Secure-YEC', 'P13M'),
  youtube('PREF', 'P8M'),
  youtube('yt-remote-*', 'session'),
  {
    name: 'vuid',
    category: 'video',
    provider: 'Vimeo',
    purpose: 'Set by Vimeo when you watch a video we have embedded, to count views.',
    expires: 'P2Y',
  },
  // The web server's own session, whatever the platform.
  session('ASP.NET_SessionId', 'ASP.NET'),
  session('ASPSESSIONID*', 'ASP'),
  session('PHPSESSID', 'PHP'),
  session('JSESSIONID', 'Java'),
  session('CFID', 'ColdFusion'),
  session('CFTOKEN', 'ColdFusion'),
  session('laravel_session', 'Laravel'),
  session('SQ_SYSTEM_SESSION', 'Squiz Matrix'),
  session('SESS*', 'Drupal'),
  session('SSESS*', 'Drupal'),
  ownCookie('.ASPXAUTH', 'ASP.NET', 'Keeps you signed in.', 'session'),
  ownCookie('__RequestVerificationToken', 'ASP.NET', 'Protects forms against cross-site request forgery.', 'session'),
  ownCookie('XSRF-TOKEN', 'Laravel and Angular', 'Protects forms against cross-site request forgery.', 'PT2H'),
  ownCookie('csrftoken', 'Django', 'Protects forms against cross-site request forgery.', 'P1Y'),
  // Load balancers and bot protection.
  botProtection('__cf_bm', 'Cloudflare', 'PT30M'),
  botProtection('cf_clearance', 'Cloudflare', 'P1Y'),
  botProtection('_cfuvid', 'Cloudflare', 'session'),
  trafficRouting('__cflb', 'Cloudflare', 'PT23H'),
  trafficRouting('AWSALB', 'Amazon Web Services', 'P7D'),
  trafficRouting('AWSALBCORS', 'Amazon Web Services', 'P7D'),
  trafficRouting('AWSELB', 'Amazon Web Services', 'session'),
  trafficRouting('ARRAffinity', 'Microsoft Azure', 'session'),
  trafficRouting('ARRAffinitySameSite', 'Microsoft Azure', 'session'),
  trafficRouting('TiPMix', 'Microsoft Azure', 'PT1H'),
  trafficRouting('BIGipServer*', 'F5', 'session'),
  botProtection('TS01*', 'F5', 'session'),
  botProtection('incap_ses_*', 'Imperva', 'session'),
  botProtection('visid_incap_*', 'Imperva', 'P1Y'),
  botProtection('nlbi_*', 'Imperva', 'session'),
  botProtection('ak_bmsc', 'Akamai', 'PT2H'),
  botProtection('bm_sv', 'Akamai', 'PT2H'),
  botProtection('_abck', 'Akamai', 'P1Y'),
  botProtection('_GRECAPTCHA', 'Google reCAPTCHA', 'P6M'),
  // Consent tools, this one's included.
  consent('CookieControl', 'CivicUK Cookie Control', 'P90D'),
  consent('cookies_policy', 'GOV.UK cookie banner', 'P1Y'),
  consent('cookies_preferences_set', 'GOV.UK cookie banner', 'P1Y'),
  consent('cookieconsent_status', 'Cookie Consent (Osano)', 'P1Y'),
  consent('CookieConsent', 'Cookiebot', 'P1Y'),
  consent('OptanonConsent', 'OneTrust', 'P1Y'),
  consent('OptanonAlertBoxClosed', 'OneTrust', 'P1Y'),
  consent('cc_cookie', 'CookieConsent (orestbida)', 'P6M'),
  consent('cookie-agreed', 'Drupal EU Cookie Compliance', 'P100D'),
  consent('klaro', 'Klaro', 'P1Y'),
  consent('tarteaucitron', 'tarteaucitron', 'P1Y'),
  consent('euconsent-v2', 'IAB Transparency and Consent Framework', 'P1Y'),
];

const EXACT = new Map(KNOWN_COOKIES.filter((known) => !known.name.includes('*')).map((known) => [known.name, known]));
const EXACT_IGNORING_CASE = new Map([...EXACT.values()].map((known) => [known.name.toLowerCase(), known]));
/** Each glob compiled once: a policy of 100,000 rows looks up every name. */
const GLOBS = KNOWN_COOKIES.filter((known) => known.name.includes('*')).map((known) => ({
  known,
  pattern: new RegExp(
    `^${known.name
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  ),
}));

/** A known cookie this name is: exact names first, then globs, then exact names ignoring case. */
export function findKnownCookie(name: string): { known: KnownCookie; ignoringCase: boolean } | undefined {
  const exact = EXACT.get(name);
  if (exact) return { known: exact, ignoringCase: false };
  // A catalogue glob (`_ga_*`) is known when it is a known glob or falls inside one.
  const glob = GLOBS.find(({ pattern }) => pattern.test(name))?.known;
  if (glob) return { known: glob, ignoringCase: false };
  const loose = EXACT_IGNORING_CASE.get(name.toLowerCase());
  return loose ? { known: loose, ignoringCase: true } : undefined;
}
