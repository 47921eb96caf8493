import { categoryFromWords } from './categories.js';
import { durationFromWords, startsWithDuration } from './duration-words.js';
import { type ColumnRole, columnRole } from './table-columns.js';

/**
 * A plain-text table row written with single spaces ("_ga Helps us count visitors 2 years"),
 * split into cells by what each column can hold: a name is one token (or a comma list), a
 * lifetime is a duration phrase, a type is "Persistent" or "Session"; the one free-text
 * column (the purpose) takes what is left. `undefined` when the row does not fit.
 */
export function splitSpacedRow(line: string, headerPhrases: string[]): string[] | undefined {
  const roles = headerPhrases.map(columnRole) as ColumnRole[];
  const freeText = roles.filter((role) => role === 'purpose' || role === 'provider');
  if (freeText.length !== 1) return undefined;
  const free = roles.indexOf(freeText[0]);
  const tokens = line.trim().split(/\s+/);
  const cells: string[] = new Array(roles.length).fill('');
  let left = 0;
  let right = tokens.length;
  for (let i = 0; i < free; i++) {
    const taken = take(roles[i], tokens.slice(left, right), 'start');
    if (!taken) return undefined;
    cells[i] = tokens.slice(left, left + taken).join(' ');
    left += taken;
  }
  for (let i = roles.length - 1; i > free; i--) {
    const taken = take(roles[i], tokens.slice(left, right), 'end');
    if (!taken) return undefined;
    cells[i] = tokens.slice(right - taken, right).join(' ');
    right -= taken;
  }
  cells[free] = tokens.slice(left, right).join(' ');
  return cells[free] ? cells : undefined;
}

/** How many tokens at the start of a row are its lifetime ("9 months and 9 days …"); 0 if none. */
export const leadingLifetime = (tokens: string[]) => take('expires', tokens, 'start');

const SESSION_PHRASE = /^((browser|end of( the)?) )?session$/i;
/** A lifetime said in words rather than a duration: "When you close your browser", "Until you log out". */
const LIFETIME_WORDS = /^(when|until|on|at|end|after|expires?|deleted)\b/i;
/** The last word of a duration phrase: a unit, or "session". */
const DURATION_END = /(\d[ymwdhs]|years?|yrs?|months?|mths?|weeks?|wks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|session)[.,;]?$/i;
const NAME_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z<>{}[\]-]+,?$/;

/** How many tokens, from one end, the column's value takes; 0 if it is not there. */
function take(role: ColumnRole, tokens: string[], from: 'start' | 'end'): number {
  const at = (i: number) => (from === 'start' ? tokens[i] : tokens[tokens.length - 1 - i]);
  switch (role) {
    case 'name': {
      // "_utma, _utmb, _utmc" is one name cell: the commas join the tokens.
      let count = 0;
      // A capitalised word ("We", "Cookies") starts a sentence, not a row.
      while (count < tokens.length && NAME_TOKEN.test(at(count)) && !/^[A-Z][a-z]+,?$/.test(at(count))) {
        count++;
        const joined = from === 'start' ? at(count - 1).endsWith(',') : at(count)?.endsWith(',');
        if (!joined) break;
      }
      return count;
    }
    case 'necessary':
      return /^(yes|no)\.?$/i.test(at(0) ?? '') ? 1 : 0;
    case 'type':
    case 'category': {
      if (/^(persistent|session)$/i.test(at(0) ?? '')) return 1;
      if (from === 'start') return 0;
      // A category at the end of a row ("… anonymous. Tracking and performance, third party"): the
      // capitalised phrase after the purpose's last sentence, naming a category.
      for (let count = Math.min(6, tokens.length - 1); count > 0; count--) {
        const words = tokens.slice(tokens.length - count);
        const before = tokens[tokens.length - count - 1];
        if (/^[A-Z]/.test(words[0]) && /[.!?)]$/.test(before) && categoryFromWords(words.join(' '))) return count;
      }
      return 0;
    }
    case 'domain':
      return /\./.test(at(0) ?? '') ? 1 : 0;
    case 'expires': {
      if (from === 'start') {
        // "1 year, 11 months and 29 days", "Browser session": the longest phrase that is only a lifetime.
        for (let count = Math.min(8, tokens.length - 1); count > 0; count--) {
          const words = tokens.slice(0, count).join(' ');
          const read = startsWithDuration(words) && DURATION_END.test(tokens[count - 1]) ? durationFromWords(words) : undefined;
          if (read && (!read.expiresText || SESSION_PHRASE.test(words))) return count;
        }
        return 0;
      }
      // From the end, the longest phrase that starts with a duration ("1000 days after last visit");
      // a session is only ever a short phrase, or it would swallow a purpose that mentions a session.
      for (let count = Math.min(8, tokens.length - 1); count > 0; count--) {
        const words = tokens.slice(tokens.length - count).join(' ');
        if (LIFETIME_WORDS.test(words) && count >= 2 && durationFromWords(words)) return count;
        if (!startsWithDuration(words) || !durationFromWords(words)) continue;
        if (durationFromWords(words)!.expires === 'session' && !SESSION_PHRASE.test(words)) continue;
        return count;
      }
      return 0;
    }
    default:
      return 0;
  }
}
