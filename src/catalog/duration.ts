import { DURATION_PATTERN } from './definition.js';

const DURATION = new RegExp(DURATION_PATTERN);
const UNITS = ['Y', 'M', 'W', 'D', 'H', 'MT', 'S'] as const;
type Unit = (typeof UNITS)[number];
const SECONDS: Record<Unit, number> = { Y: 31536000, M: 2592000, W: 604800, D: 86400, H: 3600, MT: 60, S: 1 };

/** An ISO-8601 duration split into its parts; `null` for `session`. */
export function parseDuration(value: string): Partial<Record<Unit, number>> | null | undefined {
  const match = DURATION.exec(value);
  if (!match) return undefined;
  if (value === 'session') return null;
  const parts: Partial<Record<Unit, number>> = {};
  // Groups: 2 Y, 3 M, 4 W, 5 D, (6 the time part) 7 H, 8 M (minutes), 9 S.
  UNITS.forEach((unit, index) => {
    const text = match[index + (index < 4 ? 2 : 3)];
    if (text) parts[unit] = parseInt(text, 10);
  });
  return parts;
}

/** Seconds in a duration (a year counts 365 days, a month 30); `null` for a session cookie. */
export function durationSeconds(value: string): number | null {
  const parts = parseDuration(value);
  if (!parts) return null;
  return UNITS.reduce((total, unit) => total + (parts[unit] ?? 0) * SECONDS[unit], 0);
}

/**
 * The word for `n` of a unit, from wording's `durationUnits`: per unit (in the order of UNITS)
 * the form for the language's plural category "one", for "two", and for every other
 * ("year|years|years"), the category chosen by `Intl.PluralRules` for the language.
 */
const unitWord = (unitWords: string, unit: Unit, n: number, lang: string) =>
  (unitWords.split(' ')[UNITS.indexOf(unit)] ?? '').split('|')[{ one: 0, two: 1 }[new Intl.PluralRules(lang).select(n) as string] ?? 2] ??
  '';

/** A duration in words: `P2Y` → "2 years", `P1Y1M4D` → "1 year 1 month 4 days" (as policies write it). */
export function durationInWords(value: string, unitWords: string, sessionText: string, lang = 'en'): string {
  const parts = parseDuration(value);
  if (parts === null) return sessionText;
  if (!parts) return value;
  return UNITS.filter((unit) => parts[unit] !== undefined)
    .map((unit) => `${parts[unit]} ${unitWord(unitWords, unit, parts[unit]!, lang)}`)
    .join(' ');
}
