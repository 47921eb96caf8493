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

/** A question for the person reviewing the draft, about one field of one cookie. */
export interface ReviewQuestion {
  field: 'purpose' | 'expires' | 'provider' | 'category';
  text: string;
}

export interface Classified {
  category: CategoryId;
  /** `purpose` and `expires` are left out when the policy does not state them. */
  declaration: CookieDeclaration;
  /** The policy heading the cookie stood under, when that heading chose its category. */
  fromHeading?: boolean;
  /** It holds the resident's cookie choice: the catalogue's consent cookie, if the policy names no other. */
  consent?: boolean;
  /** Every guess made, one line each, for stderr. */
  guesses: string[];
  /** What the policy does not say, or what was only suggested: the draft's review notes. */
  review: ReviewQuestion[];
}

/** "PHP uses" for a web server's own cookie, "Cloudflare uses" for a service's. */
const whoUses = (known: KnownCookie) => `${known.platform ?? known.provider} uses`;

const CONSENT_NAME = /consent|cookies?_?(policy|preferences|choices?)/i;
const DOMAIN = /^\.?([A-Za-z0-9-]+\.)*[A-Za-z0-9-]+$/;

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
 * Decides a cookie's category and fills its declaration with what the policy says, and
 * nothing else. Evidence for the category, strongest first: a cookie this tool knows by
 * name, the domain it is set on, the row's own "Type"/"Category", the heading it stands
 * under, a name any web server may use (PHPSESSID); failing all, review. What this tool
 * knows (a usual provider, purpose or lifetime) is offered in the review notes as a
 * suggestion, never written into the declaration: a council publishes that text as its own.
 */
export function classifyCookie(entry: Entry, row: CookieRow): Classified {
  const guesses: string[] = [];
  const review: ReviewQuestion[] = [];
  const say = (text: string) => guesses.push(`${entry.name}: ${text}`);
  const ask = (field: ReviewQuestion['field'], text: string) => review.push({ field, text });
  const domain = row.domain ? cleanDomain(row.domain) : undefined;
  if (row.domain && !domain) say(`"${row.domain}" is not a domain; left out`);
  const knownDomain = domain ? findKnownDomain(domain) : undefined;
  const headingCategory = row.section ? categoryFromWords(row.section.heading) : undefined;
  const policyCategory = row.category ?? headingCategory;
  const { known } = entry;

  let category: CategoryId;
  let fromHeading = false;
  /** Who the tool thinks sets it, when the policy does not say: a suggestion only. */
  const suggestedProvider = known?.provider ?? knownDomain?.provider;
  let suggestedBy: string | undefined;
  /** What the tool knows says optional, where the policy says essential: residents' consent comes first. */
  const knownOptional = (known && !known.generic && known.category !== 'essential') || knownDomain;
  // A site's own consent cookie ("tmbc_cookie_consent") is strictly necessary, whatever heading it is under.
  const consent = known ? !!known.consent : CONSENT_NAME.test(entry.name) && !knownDomain;
  if (consent && !known) {
    category = 'essential';
    say('essential: its name says it keeps the cookie choice');
    if (policyCategory !== 'essential') suggestedBy = 'its name, which says it keeps the cookie choice';
  } else if (policyCategory && !(policyCategory === 'essential' && knownOptional)) {
    // The policy's own word for it: its row's type, or the heading it stands under.
    category = policyCategory;
    fromHeading = !row.category;
    if (fromHeading) say(`${category}, from the heading "${row.section!.heading}"`);
    if (known && !known.consent && known.category !== category)
      say(`${whoUses(known)} this name too, as ${known.category}; check which this is`);
  } else if (known && !known.generic) {
    category = known.category;
    say(`${category}, a known ${known.provider} cookie`);
    suggestedBy = `the known-cookie table (a ${known.provider} cookie)`;
  } else if (knownDomain) {
    category = knownDomain.category;
    say(`${category}, set on ${domain}, which is ${knownDomain.provider}'s`);
    suggestedBy = `the domain it is set on (${domain}, ${knownDomain.provider}'s)`;
  } else if (known) {
    category = known.category;
    say(`${category}, a cookie name ${whoUses(known)}`);
    suggestedBy = `the known-cookie table (a name ${whoUses(known)})`;
  } else {
    category = 'review';
    say('for review: not a cookie this tool knows, and no heading says what it is for');
  }
  if (policyCategory && policyCategory !== category && row.section)
    say(`the policy lists it under "${row.section.heading}", but it belongs in ${category}`);
  if (suggestedBy && policyCategory !== category)
    ask(
      'category',
      `${category} is a suggestion from ${suggestedBy}; ` +
        (policyCategory === 'essential'
          ? `the policy calls it essential, but it needs consent first`
          : row.section
            ? `the policy lists it under "${row.section.heading}"`
            : 'the policy gives no category'),
    );
  if (entry.knownIgnoringCase && known) say(`usually spelled ${known.name}; check which the site sets`);

  const provider = row.provider;
  if (!provider && suggestedProvider) ask('provider', `the policy does not say who sets it; suggestion: ${suggestedProvider}`);

  const purpose = row.purpose?.trim();
  if (!purpose && row.unsplit)
    ask('purpose', `the policy's row could not be split into its columns; take the purpose from it: "${row.unsplit}"`);
  else if (!purpose) ask('purpose', `the policy does not say what it is for${known ? `; suggestion: "${known.purpose}"` : ''}`);

  const read = row.expires ? durationFromWords(row.expires) : undefined;
  let expires = read?.expires;
  let expiresText = read?.expiresText;
  if (!expires && row.type === 'session') expires = 'session'; // The policy calls it a session cookie.
  if (!expires) {
    // The policy's words stay in the table residents read; the duration is left for a person to give.
    if (row.expires) expiresText = row.expires;
    const suggestion = known ? `; suggestion: ${known.expires}, its usual lifetime` : '';
    ask(
      'expires',
      row.expires
        ? `"${row.expires}" is not a lifetime this tool can read; give one such as P2Y, PT24H or session${suggestion}`
        : `the policy does not say how long it lasts${suggestion}`,
    );
  }

  const declaration: CookieDeclaration = {
    name: entry.name,
    ...(entry.label ? { label: entry.label } : {}),
    ...(purpose ? { purpose } : {}),
    ...(expires ? { expires } : {}),
    ...(expiresText ? { expiresText } : {}),
    ...(provider ? { provider } : {}),
    ...(domain ? { domain } : {}),
    ...(row.type ? { type: row.type } : {}),
  };
  return { category, declaration, fromHeading, consent, guesses, review };
}
