import { pickText } from '../../catalog/local-text.js';
import { lifetimeInWords } from './lifetime.js';
import { FORM_LANGUAGES, textIn } from './local-text.js';

/**
 * What changed between the catalogue an editor started from and the one they leave with, in
 * sentences for a change log: categories matched by id, cookies by name (so a cookie moved to
 * another category is a move, not a removal and an addition).
 */

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const objectAt = (value: unknown, key: string): Json => (isObject(value) && isObject(value[key]) ? value[key] : {});
const listAt = (value: unknown, key: string): Json[] => (isObject(value) && Array.isArray(value[key]) ? value[key].filter(isObject) : []);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const LONGEST_QUOTE = 160;
const quote = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `“${text.length > LONGEST_QUOTE ? `${text.slice(0, LONGEST_QUOTE - 1)}…` : text}”`;
};
const LANGUAGE_NAMES: Record<string, string> = { en: '', cy: ' (Welsh)' };

/** How one plain value changed: "domain set to “x”", "… removed (it was “x”)", "… changed from “a” to “b”". */
function valueChange(label: string, before: unknown, after: unknown, words = quote): string | undefined {
  if (same(before, after)) return undefined;
  if (before === undefined) return `${label} set to ${words(after)}`;
  if (after === undefined) return `${label} removed (it was ${words(before)})`;
  return `${label} changed from ${words(before)} to ${words(after)}`;
}

/** How resident-facing text changed, language by language. */
function textChanges(label: string, before: unknown, after: unknown): string[] {
  if (same(before, after)) return [];
  const changes = FORM_LANGUAGES.map((lang) => {
    const [was, now] = [textIn(before, lang), textIn(after, lang)];
    return valueChange(`${label}${LANGUAGE_NAMES[lang]}`, was || undefined, now || undefined);
  }).filter((change): change is string => !!change);
  // Another language than the form's: said once, without its text.
  return changes.length ? changes : [`${label} changed in another language`];
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const sentence = (subject: string, changes: string[]) => (changes.length ? `${subject}: ${changes.join('; ')}.` : undefined);
const titleOf = (category: Json) => pickText(category.title as string, 'en') || String(category.id);

function cookieChanges(before: Json, after: Json): string[] {
  return [
    ...textChanges('label', before.label, after.label),
    ...textChanges('purpose', before.purpose, after.purpose),
    valueChange('lifetime', before.expires, after.expires, lifetimeInWords),
    ...textChanges('lifetime shown', before.expiresText, after.expiresText),
    valueChange('provider', before.provider, after.provider),
    valueChange('domain', before.domain, after.domain),
    valueChange('path', before.path, after.path),
    valueChange('type', before.type, after.type),
  ].filter((change): change is string => !!change);
}

function categoryChanges(before: Json, after: Json): string[] {
  return [
    ...textChanges('title', before.title, after.title),
    ...textChanges('description', before.description, after.description),
    valueChange('legal basis', before.basis ?? 'consent', after.basis ?? 'consent'),
    valueChange('Google Consent Mode types', before.googleConsentMode, after.googleConsentMode, (value) =>
      Array.isArray(value) && value.length ? value.join(', ') : 'none',
    ),
  ].filter((change): change is string => !!change);
}

interface PlacedCookie {
  cookie: Json;
  category: Json;
}

function placedCookies(categories: Json[]): PlacedCookie[] {
  return categories.flatMap((category) => listAt(category, 'cookies').map((cookie) => ({ cookie, category })));
}

function cookieSentences(beforeCategories: Json[], afterCategories: Json[]): string[] {
  const sentences: string[] = [];
  const unmatched = placedCookies(beforeCategories);
  const take = (test: (placed: PlacedCookie) => boolean) => {
    const index = unmatched.findIndex(test);
    return index < 0 ? undefined : unmatched.splice(index, 1)[0];
  };
  const matches: [PlacedCookie, PlacedCookie | undefined][] = placedCookies(afterCategories).map((now) => [
    now,
    take((was) => was.cookie.name === now.cookie.name && was.category.id === now.category.id),
  ]);
  // Then a cookie of the same name elsewhere: it was moved.
  for (const match of matches) match[1] ??= take((was) => was.cookie.name === match[0].cookie.name);
  for (const [now, was] of matches) {
    const name = `cookie ${quote(now.cookie.name)}`;
    if (!was) sentences.push(`Added the ${name} to “${titleOf(now.category)}”.`);
    else {
      const changes = cookieChanges(was.cookie, now.cookie);
      if (was.category.id !== now.category.id)
        sentences.push(
          `Moved the ${name} from “${titleOf(was.category)}” to “${titleOf(now.category)}”${changes.length ? `; ${changes.join('; ')}` : ''}.`,
        );
      else if (changes.length) sentences.push(sentence(`Changed the ${name} in “${titleOf(now.category)}”`, changes)!);
    }
  }
  for (const was of unmatched) sentences.push(`Removed the cookie ${quote(was.cookie.name)} from “${titleOf(was.category)}”.`);
  return sentences;
}

function categorySentences(beforeCategories: Json[], afterCategories: Json[]): string[] {
  const sentences: string[] = [];
  const beforeIds = beforeCategories.map((category) => category.id);
  const afterIds = afterCategories.map((category) => category.id);
  // Its cookies are said one by one (added, or moved from another category).
  for (const category of afterCategories)
    if (!beforeIds.includes(category.id)) sentences.push(`Added the category “${titleOf(category)}” (id ${quote(category.id)}).`);
  for (const category of beforeCategories)
    if (!afterIds.includes(category.id)) sentences.push(`Removed the category “${titleOf(category)}” (id ${quote(category.id)}).`);
  const kept = (ids: unknown[], other: unknown[]) => ids.filter((id) => other.includes(id));
  if (!same(kept(beforeIds, afterIds), kept(afterIds, beforeIds)))
    sentences.push(`Put the categories in a new order: ${afterCategories.map((category) => `“${titleOf(category)}”`).join(', ')}.`);
  for (const now of afterCategories) {
    const was = beforeCategories.find((category) => category.id === now.id);
    if (was) {
      const changed = sentence(`Changed the category “${titleOf(now)}”`, categoryChanges(was, now));
      if (changed) sentences.push(changed);
    }
  }
  return sentences;
}

function wordingSentences(before: Json, after: Json): string[] {
  const sentences: string[] = [];
  for (const lang of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const [was, now] = [objectAt(before, lang), objectAt(after, lang)];
    const language = lang === 'en' ? 'English' : lang === 'cy' ? 'Welsh' : `language “${lang}”`;
    for (const key of new Set([...Object.keys(was), ...Object.keys(now)])) {
      if (same(was[key], now[key])) continue;
      if (now[key] === undefined) sentences.push(`The ${language} wording “${key}” is the built-in one again (it was ${quote(was[key])}).`);
      else sentences.push(`${capitalised(valueChange(`the ${language} wording “${key}”`, was[key], now[key])!)}.`);
    }
  }
  return sentences;
}

const HANDLED = new Set(['$schema', 'site', 'revision', 'consentCookie', 'categories', 'text', 'review']);
/** The other top-level keys, said as a change log would. */
const OTHER_KEYS: Record<string, string> = {
  privacySignals: 'Changed whether Global Privacy Control is honoured',
  consentLog: 'Changed where each choice is sent as proof of consent',
  migrate: 'Changed how residents’ Cookie Control choices are taken over',
};
const raw = (value: unknown, key: string) => (isObject(value) ? value[key] : undefined);

/** The changes from `before` to `after`, as sentences; none when nothing changed. */
export function whatChanged(before: unknown, after: unknown): string[] {
  const sentences: string[] = [];
  const add = (change: string | undefined) => change && sentences.push(`${capitalised(change)}.`);
  const [site, wasSite] = [objectAt(after, 'site'), objectAt(before, 'site')];
  add(valueChange('the site name', wasSite.name, site.name));
  add(valueChange('the website domain', wasSite.domain, site.domain));
  add(valueChange('the cookie policy page address', wasSite.policyUrl, site.policyUrl));
  const [revision, wasRevision] = [isObject(after) ? after.revision : undefined, isObject(before) ? before.revision : undefined];
  if (typeof revision === 'number' && typeof wasRevision === 'number' && revision > wasRevision)
    sentences.push(`Raised the revision from ${wasRevision} to ${revision}: every resident will be asked again.`);
  else add(valueChange('the revision', wasRevision, revision));
  const [cookie, wasCookie] = [objectAt(after, 'consentCookie'), objectAt(before, 'consentCookie')];
  add(valueChange('the consent cookie’s name', wasCookie.name, cookie.name));
  add(valueChange('the days the choice is kept', wasCookie.expiresDays, cookie.expiresDays, String));
  add(valueChange('the consent cookie’s domain', wasCookie.domain, cookie.domain));
  const [categories, wasCategories] = [listAt(after, 'categories'), listAt(before, 'categories')];
  sentences.push(...categorySentences(wasCategories, categories), ...cookieSentences(wasCategories, categories));
  sentences.push(...wordingSentences(objectAt(before, 'text'), objectAt(after, 'text')));
  const [review, wasReview] = [objectAt(after, 'review'), objectAt(before, 'review')];
  const answered = Object.keys(wasReview).filter((path) => !(path in review)).length;
  if (answered) sentences.push(`Answered ${answered} open question${answered === 1 ? '' : 's'} from the import.`);
  for (const key of new Set([...Object.keys(isObject(before) ? before : {}), ...Object.keys(isObject(after) ? after : {})]))
    if (!HANDLED.has(key) && !same(raw(before, key), raw(after, key))) sentences.push(`${OTHER_KEYS[key] ?? `Changed “${key}”`}.`);
  return sentences;
}
