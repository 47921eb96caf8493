import { findKnownCookie, type KnownCookie } from '../../cli/import/known-cookies.js';
import { lifetimeInWords } from './lifetime.js';
import { textIn } from './local-text.js';

/** A value the known-cookie table offers for one field of a cookie: shown with a button, never written unasked. */
export interface Offer {
  field: 'provider' | 'purpose' | 'expires' | 'category';
  value: string;
  /** The value as the offer says it ("2 years", "Analytics cookies (optional)"). */
  words: string;
}

export interface Suggestion {
  known: KnownCookie;
  /** The name matched only when case is ignored (`_GA` for `_ga`): worth saying. */
  ignoringCase: boolean;
  offers: Offer[];
}

type Json = Record<string, unknown>;

/**
 * What the known-cookie table (the one `import` uses) suggests for a cookie: its usual provider,
 * purpose and lifetime where the cookie has none, and its usual category where the catalogue has
 * that category and the cookie is elsewhere. Undefined when there is nothing to offer.
 */
export function suggestionFor(cookie: Json, categoryId: unknown, categories: { id: string; title: string }[]): Suggestion | undefined {
  if (typeof cookie.name !== 'string' || !cookie.name.trim()) return undefined;
  const found = findKnownCookie(cookie.name.trim());
  if (!found) return undefined;
  const { known } = found;
  const offers: Offer[] = [];
  if (typeof cookie.provider !== 'string' || !cookie.provider.trim())
    offers.push({ field: 'provider', value: known.provider, words: known.provider });
  if (!textIn(cookie.purpose, 'en').trim() && !textIn(cookie.purpose, 'cy').trim())
    offers.push({ field: 'purpose', value: known.purpose, words: known.purpose });
  if (cookie.expires === undefined) offers.push({ field: 'expires', value: known.expires, words: lifetimeInWords(known.expires) });
  const usual = categories.find((category) => category.id === known.category);
  if (usual && known.category !== categoryId) offers.push({ field: 'category', value: usual.id, words: usual.title });
  return offers.length ? { known, ignoringCase: found.ignoringCase, offers } : undefined;
}
