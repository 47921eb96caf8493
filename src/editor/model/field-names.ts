import { pickText } from '../../catalog/local-text.js';
import { MESSAGE_KEYS } from '../../catalog/wording-keys.js';
import { pathOf, segmentsOf, valueAt } from './paths.js';

/**
 * Where a value of the catalogue is shown in the form, and what a person calls it: a problem the
 * validator reports at `categories[1].cookies[0].expires` is shown at the lifetime of that
 * cookie, and said as "Analytics cookies › cookie “_ga” › Lifetime".
 */

/** Fields the form has, by path with the list positions left out. */
const FIELD_LABELS: Record<string, string> = {
  'site.name': 'Council or website name',
  'site.domain': 'Website domain',
  'site.policyUrl': 'Cookie policy page address',
  revision: 'Revision',
  'consentCookie.name': 'Consent cookie name',
  'consentCookie.expiresDays': 'Days the choice is kept',
  'consentCookie.domain': 'Consent cookie domain',
  'categories.id': 'Category id',
  'categories.title': 'Title',
  'categories.description': 'Description',
  'categories.basis': 'Legal basis',
  'categories.googleConsentMode': 'Google Consent Mode types',
  'categories.cookies.name': 'Cookie name or pattern',
  'categories.cookies.label': 'Name shown in the table',
  'categories.cookies.purpose': 'Purpose',
  'categories.cookies.expires': 'Lifetime',
  'categories.cookies.expiresText': 'Lifetime shown in the table',
  'categories.cookies.provider': 'Provider',
  'categories.cookies.domain': 'Domain',
  'categories.cookies.path': 'Path',
  'privacySignals.gpc': 'Honour Global Privacy Control',
  'consentLog.url': 'Consent log address',
  'migrate.cookieControl.name': 'Cookie Control’s cookie name',
};

/** Resident-facing text fields: the form has an English and a Welsh input for each. */
const LOCAL_TEXT_FIELDS = new Set([
  'categories.title',
  'categories.description',
  'categories.cookies.label',
  'categories.cookies.purpose',
  'categories.cookies.expiresText',
]);

/** `categories[1].cookies[0].expires` → `categories.cookies.expires`. */
export const shapePath = (path: string) => path.replace(/\[\d+\]/g, '');

/** An element id for the field at a path (ids must stay valid whatever a key holds). */
export const fieldId = (path: string) =>
  `field-${path.replace(/\[(\d+)\]/g, '-$1').replace(/[^A-Za-z0-9_-]/g, (c) => (c === '.' ? '-' : `_${c.charCodeAt(0).toString(16)}`))}`;

/** The label of the field at a path, if the form has one there. */
export function fieldLabel(path: string): string | undefined {
  if (/\]$/.test(path)) return undefined;
  const shape = shapePath(path);
  if (FIELD_LABELS[shape]) return FIELD_LABELS[shape];
  const wording = /^text\.(en|cy)\.(\w+)$/.exec(path);
  if (wording && (MESSAGE_KEYS as readonly string[]).includes(wording[2]))
    return `Wording “${wording[2]}” (${wording[1] === 'cy' ? 'Welsh' : 'English'})`;
  if (/^migrate\.cookieControl\.categories\.[^.]+$/.test(path)) return `Cookie Control category “${path.split('.').pop()}”`;
  return undefined;
}

export const isLocalTextField = (path: string) => !/\]$/.test(path) && LOCAL_TEXT_FIELDS.has(shapePath(path));

/** Groups of fields that show the problems no field of theirs can: a cookie, a category, a section. */
const GROUP =
  /^(categories\[\d+\]\.cookies\[\d+\]|categories\[\d+\]|categories|site|consentCookie|text|migrate|review|privacySignals|consentLog)$/;

export interface Place {
  /** The field's path (`….title.cy` for a Welsh input), or the group's ('' for the whole catalogue). */
  path: string;
  field: boolean;
}

/**
 * Where a problem at `path` is shown: the field it names (the Welsh input of a resident-facing
 * text for `.cy`, its English input for any other language), else the nearest group holding it,
 * else the top of the form ('').
 */
export function placeOf(path: string): Place {
  if (path === '(top level)') return { path: '', field: false };
  const segments = segmentsOf(path);
  for (let length = segments.length; length > 0; length--) {
    const at = pathOf(segments.slice(0, length));
    const parent = pathOf(segments.slice(0, length - 1));
    if (length >= 2 && isLocalTextField(parent)) return { path: segments[length - 1] === 'cy' ? at : parent, field: true };
    if (fieldLabel(at)) return { path: at, field: true };
    if (GROUP.test(at)) return { path: at, field: false };
  }
  return { path: '', field: false };
}

const quoted = (text: string) => `“${text}”`;

/** A category or cookie as a person names it: its title or name, else its position. */
function nameOf(catalog: unknown, path: string): string {
  const cookie = /^categories\[(\d+)\]\.cookies\[(\d+)\]$/.exec(path);
  if (cookie) {
    const name = valueAt(catalog, `${path}.name`);
    return typeof name === 'string' && name ? `cookie ${quoted(name)}` : `cookie ${Number(cookie[2]) + 1}`;
  }
  const category = /^categories\[(\d+)\]$/.exec(path);
  if (category) {
    const title = valueAt(catalog, `${path}.title`);
    const text = typeof title === 'string' || (typeof title === 'object' && title) ? pickText(title as string, 'en') : '';
    return text ? text : `category ${Number(category[1]) + 1}`;
  }
  return path;
}

const GROUP_NAMES: Record<string, string> = {
  '': 'The catalogue',
  site: 'Site',
  consentCookie: 'Consent cookie',
  categories: 'Categories',
  text: 'Wording',
  migrate: 'Taking over from Cookie Control',
  review: 'Open questions',
  privacySignals: 'Privacy signals',
  consentLog: 'Consent log',
};

/** Where `path` is, in words: "Analytics cookies › cookie “_ga” › Lifetime (Welsh)". */
export function pathInWords(catalog: unknown, path: string): string {
  if (path === '(top level)' || !path) return GROUP_NAMES[''];
  const segments = segmentsOf(path);
  const words: string[] = [];
  let named = 0;
  if (segments[0] === 'categories' && typeof segments[1] === 'number') {
    words.push(nameOf(catalog, pathOf(segments.slice(0, 2))));
    named = 2;
    if (segments[2] === 'cookies' && typeof segments[3] === 'number') {
      words.push(nameOf(catalog, pathOf(segments.slice(0, 4))));
      named = 4;
    }
  }
  const place = placeOf(path);
  if (place.field) {
    const welsh = place.path.endsWith('.cy') && isLocalTextField(place.path.slice(0, -3));
    const label = fieldLabel(welsh ? place.path.slice(0, -3) : place.path);
    words.push(welsh ? `${label} (Welsh)` : (label ?? place.path));
  } else if (!named) words.push(GROUP_NAMES[place.path] ?? quoted(place.path));
  // What lies below the place: a key the form has no field for (an unknown key, another language).
  const below = segmentsOf(path).slice(Math.max(named, segmentsOf(place.path).length));
  if (below.length) words.push(quoted(pathOf(below)));
  return words.join(' › ');
}
