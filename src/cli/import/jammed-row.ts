import { looksTechnical, namesOnly, readCookieNames } from './cookie-names.js';
import { durationFromWords } from './duration-words.js';
import { headerRoles } from './table-columns.js';

/**
 * Table rows copied from a web page with nothing between the cells: "_gaThese help us count
 * visitors2 years", "NamePurposeExpires". A cell ends where a capitalised word or a number is
 * glued to the text before it.
 */

/** The first capitalised word glued to a name ("…NIDSet by Google"), where the name ends. */
const GLUED_WORD = /(?<=[^\s.])(?:[A-Z][a-z]+|A)(?=[\s,.;:!?'’])/;
const NAME_CHARS = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+(?:,\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+)*$/;
/** How descriptions of cookies usually begin: a row with no header must start its description so. */
const DESCRIPTION_START =
  /^(This|These|It|Used|Use|Set|Sets|Saves?|Stores?|Checks?|Records?|Remembers?|Helps?|Identifies|Tracks|Timestamps|Lets|Contains|Holds|Keeps|Registers|Distinguishes|Collects|Determines|Enables|Allows|Provides|Indicates|Measures|Counts|Required|Needed|Essential)\b/;

/** "_gaThese help us…" → ["_ga", "These help us…"]; undefined when no name is glued to a capitalised word. */
export function splitGluedName(line: string): [name: string, rest: string] | undefined {
  const match = GLUED_WORD.exec(line);
  if (!match) return undefined;
  const name = line.slice(0, match.index).trim();
  if (!NAME_CHARS.test(name) || !readCookieNames(name).names.length) return undefined;
  return [name, line.slice(match.index)];
}

/**
 * Where one cell ends and the next begins in text with nothing between them: before a number
 * or a capitalised word glued to a lower-case word ("before2 years", "browserWhen you close").
 * Words that are capitalised inside ("YouTube", "GOV.UK") are not split.
 */
export function splitGluedCells(text: string): string[] {
  const cells: string[] = [];
  let start = 0;
  const boundary = /(?<=[a-z])(?=\d)|(?<=[a-z\d])(?=[A-Z][a-z])/g;
  for (const match of text.matchAll(boundary)) {
    const at = match.index!;
    // The word the boundary falls in, looked for no further back than a word can be long.
    const before = text.slice(Math.max(0, at - 64), at);
    if (/^[A-Z]/.test(before.slice(before.lastIndexOf(' ') + 1))) continue; // "YouTube", "GA4"
    cells.push(text.slice(start, at).trim());
    start = at;
  }
  cells.push(text.slice(start).trim());
  return cells.filter(Boolean);
}

/** "NamePurposeExpires" or "NameDescriptionExample valueWhen set" as its header phrases. */
export function jammedHeader(line: string): string[] | undefined {
  if (!/[a-z][A-Z]/.test(line) || line.length > 120) return undefined;
  const phrases = line
    .trim()
    .split(/(?<=[a-z])(?=[A-Z])/)
    .map((phrase) => phrase.trim());
  if (phrases.length < 2 || phrases.some((phrase) => phrase.split(/\s+/).length > 4)) return undefined;
  return headerRoles(phrases) ? phrases : undefined;
}

/**
 * A glued row's cells for a header of `width` columns (name first). `undefined` cells when
 * the text cannot be told apart; the name is then still read.
 */
export function jammedRowCells(line: string, width: number, hasExpires: boolean): { cells: string[]; unsplit?: string } | undefined {
  const split = splitGluedName(line);
  if (!split) return undefined;
  const [name, rest] = split;
  const parts = splitGluedCells(rest);
  if (parts.length === width - 1) return { cells: [name, ...parts] };
  const last = parts[parts.length - 1];
  if (hasExpires && parts.length > 1 && durationFromWords(last))
    return { cells: [name, parts.slice(0, -1).join(' '), ...Array(Math.max(0, width - 3)).fill(''), last].slice(0, width) };
  if (parts.length === 1) return { cells: [name, rest] };
  return { cells: [name], unsplit: rest };
}

/** A glued row with no header above it: its name must look technical or its description start as one does. */
export function isHeaderlessJammedRow(line: string): boolean {
  if (namesOnly(line)) return false; // "Recite.Persist and Recite_Session": names heading a description.
  const split = splitGluedName(line);
  if (!split) return false;
  const [name, rest] = split;
  return name.split(/,\s*/).some(looksTechnical) || DESCRIPTION_START.test(rest);
}
