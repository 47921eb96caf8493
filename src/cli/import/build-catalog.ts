import type { Catalog, Category, CookieDeclaration } from '../../catalog/definition.js';
import { durationSeconds } from '../../catalog/duration.js';
import { CATALOG_SCHEMA_URL } from '../schema-url.js';
import { CATEGORY_IDS, CATEGORY_TEMPLATES, type CategoryId, categoryFromWords } from './categories.js';
import { classifyCookie, type Entry, type ReviewQuestion } from './classify-cookie.js';
import { readCookieNames } from './cookie-names.js';
import type { CookieRow } from './cookie-row.js';
import { findKnownCookie } from './known-cookies.js';

/** The longest review note: enough to quote a row, well within the longest text a catalogue may hold. */
const REVIEW_NOTE_MAX = 1000;

export interface SiteFacts {
  name: string;
  domain?: string;
}

export interface Draft {
  catalog: Catalog;
  /** Every guess, one line each. */
  guesses: string[];
  /** The draft's open questions (also in `catalog.review`), by JSON path, in reading order. */
  review: [path: string, text: string][];
  /** Rows that gave at least one cookie. */
  rowsRead: number;
  /** Cookies declared, and how many of them wait in the review category. */
  declared: number;
  forReview: number;
}

/** "… begin with …": how a policy names a family of cookies by how their names start. */
const FAMILY_BY_START = /\b(?:begins?|starts?|prefixed)\s+(?:with|by)/i;

/** The consent cookie a draft names when the policy lists none. */
const DEFAULT_CONSENT_COOKIE = { name: 'cookie_consent', expiresDays: 365 };

/**
 * Names a row lists, as catalogue entries: a policy that lost an underscore ("_utma" for
 * "__utma") is put right, and several names of one family become one glob ("__utm*").
 */
function entriesOf(row: CookieRow, guesses: string[]): Entry[] {
  const reading = readCookieNames(row.names);
  for (const piece of reading.unreadable) guesses.push(`${row.source}: "${piece}" is not a cookie name; left out`);
  const singles: Entry[] = [];
  const families = new Map<string, string[]>();
  reading.names.forEach((written, index) => {
    let name = written;
    // "Cookies that begin with 'Localview.'": the policy names a family by its start.
    if (FAMILY_BY_START.test(row.purpose ?? '') && !name.endsWith('*')) {
      const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const start = new RegExp(`${FAMILY_BY_START.source}\\s+['"‘’“”]?${escaped}([._-]?)`, 'i').exec(row.purpose ?? '');
      if (start) name = `${name}${start[1]}*`;
    }
    let match = findKnownCookie(name);
    const repaired = name.startsWith('_') && (!match || match.ignoringCase) ? findKnownCookie(`_${name}`) : undefined;
    if (repaired && !repaired.ignoringCase) {
      guesses.push(`${name}: read as _${name}, the ${repaired.known.provider} cookie (the policy seems to have lost an underscore)`);
      name = `_${name}`;
      match = repaired;
    }
    const family = match?.known.family;
    if (family) {
      const members = families.get(family);
      if (members) members.push(name);
      else families.set(family, [name]);
    } else {
      const asWritten = reading.written[index];
      singles.push({
        name,
        ...(asWritten !== name ? { label: asWritten } : {}),
        ...(match ? { known: match.known, knownIgnoringCase: match.ignoringCase } : {}),
      });
    }
  });
  for (const [family, names] of families) {
    const known = findKnownCookie(names[0])!.known;
    singles.push(names.length > 1 ? { name: family, label: names.join(', '), known } : { name: names[0], known });
  }
  return singles;
}

/** Browsers keep no cookie longer than 400 days, and the catalogue allows no more. */
const MOST_DAYS = 400;

/** The consent cookie's lifetime in whole days, as the policy gives it (unbounded). */
const daysOf = (expires: string | undefined) => {
  const seconds = expires && durationSeconds(expires);
  return seconds ? Math.max(1, Math.round(seconds / 86400)) : DEFAULT_CONSENT_COOKIE.expiresDays;
};

interface Placed {
  declaration: CookieDeclaration;
  review: ReviewQuestion[];
}

/**
 * A draft catalogue from a policy's cookie rows. It always passes validation: what the
 * policy does not say is left out and named in `review`. Linear in the number of rows.
 */
export function buildCatalog(rows: CookieRow[], site: SiteFacts): Draft {
  const guesses: string[] = [];
  const placed = new Map<CategoryId, Placed[]>();
  const place = (category: CategoryId, cookie: Placed) => {
    const list = placed.get(category);
    if (list) list.push(cookie);
    else placed.set(category, [cookie]);
  };
  const wording = new Map<CategoryId, { title: string; description: string }>();
  const seen = new Set<string>();
  let consentCookie: { name: string; expiresDays: number } | undefined;
  let rowsRead = 0;
  for (const row of rows) {
    const entries = entriesOf(row, guesses);
    if (entries.length) rowsRead++;
    for (const entry of entries) {
      if (seen.has(entry.name)) {
        guesses.push(`${entry.name}: listed again (${row.source}); the first listing kept`);
        continue;
      }
      seen.add(entry.name);
      const classified = classifyCookie(entry, row);
      for (const guess of classified.guesses) guesses.push(guess);
      const { category, declaration } = classified;
      place(category, { declaration, review: classified.review });
      // The consent cookie must be an exact name: a policy's placeholder ("cookie_consent_*") cannot be it.
      if (category === 'essential' && classified.consent && !consentCookie && !entry.name.includes('*')) {
        const days = daysOf(declaration.expires);
        if (days > MOST_DAYS)
          guesses.push(
            `${entry.name}: the policy keeps the choice for ${days} days; the draft keeps it for ${MOST_DAYS}, the most a browser allows`,
          );
        consentCookie = { name: entry.name, expiresDays: Math.min(days, MOST_DAYS) };
      }
      // The policy's own heading and introduction become the category's title and description.
      const section = row.section;
      if (section && !wording.has(category) && categoryFromWords(section.heading) === category && section.heading.length <= 80)
        wording.set(category, {
          title: section.heading,
          description: section.paragraphs.join(' ') || CATEGORY_TEMPLATES[category].description,
        });
    }
  }
  const optional = CATEGORY_IDS.filter((id) => id !== 'essential' && placed.get(id)?.length);
  if (!consentCookie) {
    consentCookie = { ...DEFAULT_CONSENT_COOKIE };
    // With nothing optional there is no banner, so no consent cookie is ever written to declare.
    if (optional.length && !seen.has(consentCookie.name)) {
      place('essential', {
        // This library's own cookie: what it does is known, not guessed.
        declaration: {
          name: consentCookie.name,
          purpose: 'Remembers whether you accepted or rejected optional cookies on this website.',
          expires: `P${consentCookie.expiresDays}D`,
        },
        review: [],
      });
      guesses.push(`${consentCookie.name}: the policy names no consent cookie; this one added to essential (rename it if you wish)`);
    }
  }
  const review: [string, string][] = [];
  const clip = (text: string) => (text.length > REVIEW_NOTE_MAX ? `${text.slice(0, REVIEW_NOTE_MAX - 1)}…` : text);
  const categories: Category[] = (['essential', ...optional] as CategoryId[]).map((id, index) => {
    const path = `categories[${index}]`;
    const own = wording.get(id);
    if (id === 'review')
      review.push([path, 'cookies the import could not place: move each to the right category, then delete this category']);
    else if (!own && placed.get(id)?.length)
      review.push([path, 'the title and description are standard wording, not the policy’s: check them']);
    const cookies = (placed.get(id) ?? []).map(({ declaration, review: questions }, cookieIndex) => {
      for (const question of questions) {
        const at = question.field === 'category' ? '' : `.${question.field}`;
        // A question may quote a row of the policy, which can run to pages: a note stays within what a catalogue text may hold.
        review.push([`${path}.cookies[${cookieIndex}]${at}`, clip(`${declaration.name}: ${question.text}`)]);
      }
      return declaration;
    });
    return { id, ...(own ?? CATEGORY_TEMPLATES[id]), cookies };
  });
  const catalog: Catalog = {
    $schema: CATALOG_SCHEMA_URL,
    site: { name: site.name, ...(site.domain ? { domain: site.domain } : {}) },
    revision: 1,
    consentCookie,
    categories,
    ...(review.length ? { review: Object.fromEntries(review) } : {}),
  };
  let declared = 0;
  for (const category of categories) declared += category.cookies.length;
  return { catalog, guesses, review, rowsRead, declared, forReview: placed.get('review')?.length ?? 0 };
}
