/**
 * Cookie lifetimes as policies write them ("2 years", "24 hours", "1000 days after last
 * visit", "Browser session", "1 year 1 month 4 days") read into the catalogue's ISO-8601
 * durations. The original words are kept when they say more than the duration does.
 */

import type { Duration } from '../../catalog/definition.js';

export interface ReadDuration {
  /** ISO-8601 duration such as `P2Y` or `PT24H`, or `session`. */
  expires: Duration;
  /** The policy's own words, when they add something ("after last visit", "Browser session"). */
  expiresText?: string;
}

type Unit = 'Y' | 'M' | 'W' | 'D' | 'H' | 'MT' | 'S';

const UNIT_WORDS: [RegExp, Unit][] = [
  [/^(years?|yrs?|y)$/, 'Y'],
  [/^(months?|mths?|mos?)$/, 'M'],
  [/^(weeks?|wks?|w)$/, 'W'],
  [/^(days?|d)$/, 'D'],
  [/^(hours?|hrs?|h)$/, 'H'],
  [/^(minutes?|mins?|m)$/, 'MT'],
  [/^(seconds?|secs?|s)$/, 'S'],
];

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  eighteen: 18,
  twenty: 20,
  thirty: 30,
  forty: 40,
  'forty-five': 45,
  fifty: 50,
  sixty: 60,
  ninety: 90,
  hundred: 100,
};

/** A fraction of a unit becomes whole smaller units (1.5 years → 18 months). */
const SMALLER: Partial<Record<Unit, [Unit, number]>> = {
  Y: ['M', 12],
  M: ['D', 30],
  W: ['D', 7],
  D: ['H', 24],
  H: ['MT', 60],
  MT: ['S', 60],
};

/**
 * One "<amount> <unit>" phrase: "2 years", "24hrs", "30d", "a minute", "thirty days". A
 * number in words needs a space and a full unit, so "and" is not read as "an d(ay)".
 */
const UNIT = '(?:years?|yrs?|months?|mths?|mos?|weeks?|wks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?)';
const DIGITS_AMOUNT = `(\\d+(?:\\.\\d+)?)\\s*-?\\s*(${UNIT}|[ymwdhs])`;
const WORDS_AMOUNT = `(${Object.keys(NUMBER_WORDS).join('|')})[\\s-]+(${UNIT})`;
const PHRASE = new RegExp(`(?<![\\w.])(?:${DIGITS_AMOUNT}|${WORDS_AMOUNT})(?![\\w])`, 'gi');
const STARTS_WITH_PHRASE = new RegExp(`^(?:${DIGITS_AMOUNT}|${WORDS_AMOUNT})(?![\\w])`, 'i');

/** What may stand between two phrases of one duration: "1 year, 1 month and 4 days". */
const JOINER = /^[\s,]*(and|&|\+)?[\s,]*$/i;

const SESSION =
  /\b(session|(when|once) (you|the browser|your browser) (is )?(close|closes|closed|quit|quits|exit|exits)|browser (is )?closed?|close (your|the) browser)\b/i;
/** Words that say nothing beyond the duration itself, so they need not be kept. */
const FILLER = /^(expires?|expiry|expiration|lasts?|lasts for|for|after|in|cookie|cookies|is|a|of|the|duration|:|-|–)$/i;

function unitOf(word: string): Unit | undefined {
  return UNIT_WORDS.find(([pattern]) => pattern.test(word.toLowerCase()))?.[1];
}

function amountOf(word: string): number {
  const lower = word.toLowerCase();
  return lower in NUMBER_WORDS ? NUMBER_WORDS[lower] : Number(lower);
}

function isoFrom(parts: Partial<Record<Unit, number>>): Duration {
  const date = (['Y', 'M', 'W', 'D'] as const).map((u) => (parts[u] ? `${parts[u]}${u}` : '')).join('');
  const time = (['H', 'MT', 'S'] as const).map((u) => (parts[u] ? `${parts[u]}${u === 'MT' ? 'M' : u}` : '')).join('');
  return `P${date}${time ? `T${time}` : ''}`;
}

/** Whether the words left once the duration is taken out add any meaning. */
function saysMore(residue: string): boolean {
  return residue
    .split(/[\s()]+/)
    .filter(Boolean)
    .some((word) => !FILLER.test(word));
}

/**
 * Reads a lifetime in words; `undefined` when the words hold no duration ("Persistent",
 * "Varies"). The first run of amount-and-unit phrases is the duration.
 */
export function durationFromWords(words: string): ReadDuration | undefined {
  // Tables repeat the same few lifetimes ("1 year", "Session") on every row.
  if (readings.has(words)) return readings.get(words);
  const reading = readDuration(words);
  if (readings.size >= 1024) readings.clear();
  readings.set(words, reading);
  return reading;
}

const readings = new Map<string, ReadDuration | undefined>();

function readDuration(words: string): ReadDuration | undefined {
  const text = words.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  const phrases = [...text.matchAll(PHRASE)];
  const sessionMatch = SESSION.exec(text);
  // "Session" wins when it comes first ("Session (or 30 minutes of inactivity)").
  if (sessionMatch && (!phrases.length || sessionMatch.index < phrases[0].index!)) {
    const residue = text.slice(0, sessionMatch.index) + text.slice(sessionMatch.index + sessionMatch[0].length);
    // "When you close your browser" is what the tables show for a session cookie anyway.
    const keepWords = (saysMore(residue) || !/^session$/i.test(sessionMatch[0])) && !/^when you close your browser\.?$/i.test(text);
    return keepWords ? { expires: 'session', expiresText: text } : { expires: 'session' };
  }
  if (!phrases.length) return undefined;
  const run = [phrases[0]];
  for (const next of phrases.slice(1)) {
    const last = run[run.length - 1];
    const between = text.slice(last.index! + last[0].length, next.index);
    if (!JOINER.test(between)) break;
    run.push(next);
  }
  const parts: Partial<Record<Unit, number>> = {};
  for (const match of run) {
    let unit = unitOf(match[2] ?? match[4])!;
    let amount = amountOf(match[1] ?? match[3]);
    while (!Number.isInteger(amount) && SMALLER[unit]) {
      const [smaller, factor] = SMALLER[unit]!;
      amount = Math.round(amount * factor * 1000) / 1000;
      unit = smaller;
    }
    amount = Math.round(amount);
    // An amount too large to write as a whole number is not a lifetime anyone meant.
    if (!Number.isSafeInteger(amount)) return undefined;
    if (amount > 0) parts[unit] = (parts[unit] ?? 0) + amount;
  }
  if (!Object.keys(parts).length) return undefined;
  const first = run[0];
  const last = run[run.length - 1];
  const residue = `${text.slice(0, first.index)} ${text.slice(last.index! + last[0].length)}`;
  const expires = isoFrom(parts);
  return saysMore(residue) ? { expires, expiresText: text } : { expires };
}

/** Whether some words start with a lifetime, for telling where a row's expiry column begins. */
export const startsWithDuration = (words: string): boolean =>
  STARTS_WITH_PHRASE.test(words.trim()) || /^((browser|end of( the)?) )?session\b/i.test(words.trim());
