import type { CookieDeclaration } from '../../catalog/definition.js';
import { type CategoryId, categoryFromWords } from './categories.js';
import type { CookieRow } from './cookie-row.js';
import { durationFromWords } from './duration-words.js';
import type { KnownCookie } from './known-cookies.js';
import { findKnownDomain } from './known-domains.js';

/** One catalogue entry to make from a row: a name, or a glob for a family of names. */
export interface Entry {
  name: string;
  label?: string;
  known?: KnownCookie;
  /** The known cookie matched only when case is ignored (ASP.NET_Sessionid for ASP.NET_SessionId). */
  knownIgnoringCase?: boolean;
}

export interface Classified {
  category: CategoryId;
  declaration: CookieDeclaration;
  /** The policy heading the cookie stood under, when that heading chose its category. */
  fromHeading?: boolean;
  /** It holds the resident's cookie choice: the catalogue's consent cookie, if the policy names no other. */
  consent?: boolean;
  /** Every guess made, one line each, for stderr. */
  guesses: string[];
}

/** "PHP uses" for a web server's own cookie, "Cloudflare uses" for a service's. */
const whoUses = (known: KnownCookie) => `${known.platform ?? known.provider} uses`;

const CONSENT_NAME = /consent|cookies?_?(policy|preferences|choices?)/i;
const DOMAIN = /^\.?([A-Za-z0-9-]+\.)*[A-Za-z0-9-]+$/;
/** Used when the policy gives no lifetime that can be read and the cookie is not a known one. */
const UNKNOWN_LIFETIME = 'P1Y';

function cleanDomain(text: string): string | undefined {
  const domain = text
    .trim()
    .split(/[\s,]+/)[0]
    .replace(/^https?:\/\//i, '')
    .replace(/\/.*$/, '')
    .toLowerCase();
  return DOMAIN.test(domain) && domain.includes('.') ? domain : undefined;
}

/**
 * Decides a cookie's category and fills its declaration. Evidence, strongest first: a
 * cookie this tool knows by name, the domain it is set on, the row's own "Type"/"Category",
 * the heading it stands under, a name any web server may use (PHPSESSID); failing all, review.
 */
export function classifyCookie(entry: Entry, row: CookieRow): Classified {
  const guesses: string[] = [];
  const say = (text: string) => guesses.push(`${entry.name}: ${text}`);
  const domain = row.domain ? cleanDomain(row.domain) : undefined;
  if (row.domain && !domain) say(`"${row.domain}" is not a domain; left out`);
  const knownDomain = domain ? findKnownDomain(domain) : undefined;
  const headingCategory = row.section ? categoryFromWords(row.section.heading) : undefined;
  const { known } = entry;

  let category: CategoryId;
  let provider = row.provider;
  let fromHeading = false;
  // A site's own consent cookie ("tmbc_cookie_consent") is strictly necessary, whatever heading it is under.
  const consent = known ? !!known.consent : CONSENT_NAME.test(entry.name) && !knownDomain;
  if (consent && !known) {
    category = 'essential';
    say('essential: its name says it keeps the cookie choice');
  } else if (known && !known.generic) {
    category = known.category;
    provider ??= known.provider;
    say(`${category}, a known ${known.provider} cookie`);
  } else if (knownDomain) {
    category = knownDomain.category;
    provider ??= knownDomain.provider;
    say(`${category}, set on ${domain}, which is ${knownDomain.provider}'s`);
  } else if (row.category) {
    category = row.category;
  } else if (headingCategory) {
    category = headingCategory;
    fromHeading = true;
    say(`${category}, from the heading "${row.section!.heading}"`);
    if (known && known.category !== category) say(`${whoUses(known)} this name too, as ${known.category}; check which this is`);
    else if (known) provider ??= known.provider;
  } else if (known) {
    category = known.category;
    provider ??= known.provider;
    say(`${category}, a cookie name ${whoUses(known)}`);
  } else {
    category = 'review';
    say('for review: not a cookie this tool knows, and no heading says what it is for');
  }
  if (headingCategory && headingCategory !== category && !fromHeading)
    say(`the policy lists it under "${row.section!.heading}", but it belongs in ${category}`);
  if (entry.knownIgnoringCase && known) say(`usually spelled ${known.name}; check which the site sets`);

  let purpose = row.purpose?.trim();
  if (!purpose && known) {
    purpose = known.purpose;
    say('purpose not given; the usual description used');
  }
  if (!purpose) {
    purpose = 'The policy does not say what this cookie is for.';
    say('purpose not given');
  }

  const read = row.expires ? durationFromWords(row.expires) : undefined;
  let expires = read?.expires;
  let expiresText = read?.expiresText;
  if (!expires) {
    expires = known?.expires ?? (row.type === 'session' ? 'session' : UNKNOWN_LIFETIME);
    if (row.expires) {
      // The words stay in the table residents read; the duration is the audit's yardstick, so say it is a guess.
      expiresText = row.expires;
      say(`lifetime "${row.expires}" is not a duration; ${expires} assumed (${known ? 'its usual lifetime' : 'check it'})`);
    } else say(`no lifetime given; ${expires} assumed (${known ? 'its usual lifetime' : 'check it'})`);
  }

  const declaration: CookieDeclaration = {
    name: entry.name,
    ...(entry.label ? { label: entry.label } : {}),
    purpose,
    expires,
    ...(expiresText ? { expiresText } : {}),
    ...(provider ? { provider } : {}),
    ...(domain ? { domain } : {}),
    ...(row.type ? { type: row.type } : {}),
  };
  return { category, declaration, fromHeading, consent, guesses };
}
