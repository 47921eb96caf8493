import { looksTechnical, readCookieNames } from './cookie-names.js';
import { isHeaderlessJammedRow, jammedHeader, jammedRowCells } from './jammed-row.js';
import { isPipeRow, readPipeTable } from './pipe-table.js';
import type { PolicyDocument, PolicyItem } from './policy-document.js';
import { fieldPrefixedLine } from './read-blocks.js';
import { leadingLifetime, splitSpacedRow } from './spaced-row.js';
import { readStackedTable } from './stacked-table.js';
import { type ColumnRole, headerRoles, splitHeaderLine } from './table-columns.js';

/**
 * A policy's plain text read into headings, text lines and tables. Tables may be pipe
 * tables ("_ga | Helps us count visitors | 2 years |"), columns lined up with tabs or
 * runs of spaces, or a "Name Purpose Expires" header over single-spaced rows.
 */
export function readText(text: string): PolicyDocument {
  return { items: readTextLines(text.split(/\r?\n/)) };
}

const alignedCells = (line: string) =>
  line
    .trim()
    .split(/\t+|\s{2,}/)
    .map((cell) => cell.trim());

/** Empty cells up to the header's width: a row with one cell filled would read as a heading spanning the table. */
const padded = (cells: string[], width: number) => [...cells, ...Array<string>(Math.max(0, width - cells.length)).fill('')];

/** A row whose columns cannot be told apart: its first token, when it is plainly a cookie name, and the rest. */
function nameAndRest(line: string, roles: (ColumnRole | undefined)[]): { cells: string[]; unsplit: string } | undefined {
  if (roles[0] !== 'name') return undefined;
  const [first, ...rest] = line.trim().split(/\s+/);
  const names = readCookieNames(first).names;
  if (!names.length || !names.every(looksTechnical) || !rest.length) return undefined;
  // A lifetime column right after the name can still be read ("_ga_* 9 months and 9 days Used to…").
  const lifetime = roles[1] === 'expires' ? leadingLifetime(rest) : 0;
  const cells = lifetime ? [first, rest.slice(0, lifetime).join(' ')] : [first];
  return { cells, unsplit: rest.slice(lifetime).join(' ') };
}

/** A line that reads as a heading: short, capitalised, and not a sentence, list item or "Key: value". */
export function looksLikeHeading(line: string): boolean {
  const text = line.trim();
  return (
    text.length >= 3 &&
    text.length <= 80 &&
    /^[A-Z0-9]/.test(text) &&
    !/[.,;:!?]$/.test(text) &&
    !/^[^:]{1,40}:\s/.test(text) &&
    text.split(/\s+/).length <= 10
  );
}

export function readTextLines(lines: string[]): PolicyItem[] {
  const items: PolicyItem[] = [];
  let i = 0;
  const nextNonBlank = (from: number) => {
    let j = from;
    while (j < lines.length && !lines[j].trim()) j++;
    return j;
  };
  while (i < lines.length) {
    const line = lines[i];
    const text = line.trim();
    if (!text) {
      i++;
      continue;
    }
    if (isPipeRow(line)) {
      const { rows, next } = readPipeTable(lines, i);
      // "Name eastvale_lb | Type Session | Expires …": a cookie's own row, described by the lines below it.
      if (rows.every((row) => fieldPrefixedLine(row.join(' ')))) for (const row of rows) items.push({ kind: 'text', text: row.join(' ') });
      else items.push({ kind: 'table', rows });
      i = Math.max(next, i + 1);
      continue;
    }
    const aligned = alignedCells(line);
    if (aligned.length >= 2 && headerRoles(aligned)) {
      // Columns lined up with tabs or spaces: every row splits into as many cells as the header.
      const rows = [aligned];
      i++;
      for (let j = nextNonBlank(i); j < lines.length; j = nextNonBlank(i)) {
        const cells = alignedCells(lines[j]);
        if (cells.length !== aligned.length) break;
        rows.push(cells);
        i = j + 1;
      }
      items.push({ kind: 'table', rows });
      continue;
    }
    const phrases = splitHeaderLine(text);
    if (phrases && phrases.length >= 3) {
      // "Name Purpose Expires" with single spaces: each row is split by what its columns can hold;
      // a row that cannot be split still gives its name, and its text for a person to sort out.
      const roles = headerRoles(phrases)!;
      const rows = [phrases];
      const unsplit: (string | undefined)[] = [undefined];
      i++;
      for (let j = nextNonBlank(i); j < lines.length; j = nextNonBlank(i)) {
        const tabbed = alignedCells(lines[j]);
        const cells = tabbed.length === phrases.length ? tabbed : splitSpacedRow(lines[j], phrases);
        const fallback = cells ? undefined : nameAndRest(lines[j], roles);
        if (!cells && !fallback) break;
        rows.push(cells ?? padded(fallback!.cells, phrases.length));
        unsplit.push(fallback?.unsplit);
        i = j + 1;
      }
      items.push({ kind: 'table', rows, ...(unsplit.some(Boolean) ? { unsplit } : {}) });
      continue;
    }
    const stacked = readStackedTable(lines, i);
    if (stacked && stacked.rows.length > 1) {
      items.push({ kind: 'table', rows: stacked.rows });
      i = stacked.next;
      continue;
    }
    const jammed = jammedHeader(text);
    if (jammed || isHeaderlessJammedRow(text)) {
      // Cells copied with nothing between them; with no header, a row is name, purpose, lifetime.
      const header = jammed ?? ['Name', 'Purpose', 'Expires'];
      const roles = headerRoles(header)!;
      const rows = [header];
      const unsplit: (string | undefined)[] = [undefined];
      if (jammed) i++;
      let misses = 0;
      for (; i < lines.length && lines[i].trim() && misses < 2; i++) {
        const row =
          jammed || isHeaderlessJammedRow(lines[i].trim())
            ? jammedRowCells(lines[i].trim(), header.length, roles.includes('expires'))
            : undefined;
        // A line that is not a row continues the row above (a cell broken over lines); two end the table.
        if (!row) {
          misses++;
          continue;
        }
        misses = 0;
        rows.push(padded(row.cells, header.length));
        unsplit.push(row.unsplit);
      }
      // Two lines that were not rows belong to what follows the table.
      if (misses >= 2) i -= misses;
      items.push({ kind: 'table', rows, ...(unsplit.some(Boolean) ? { unsplit } : {}) });
      continue;
    }
    const markdownHeading = /^#{1,6}\s+(.+?)\s*#*$/.exec(text)?.[1];
    // "Name nmstat Type Other Domain Expires 1000 days" is a cookie's row, however short.
    if (fieldPrefixedLine(text)) items.push({ kind: 'text', text });
    else if (markdownHeading) items.push({ kind: 'heading', text: markdownHeading });
    else items.push(looksLikeHeading(text) ? { kind: 'heading', text } : { kind: 'text', text });
    i++;
  }
  return items;
}
