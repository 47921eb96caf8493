import { looksTechnical, readCookieNames } from './cookie-names.js';
import { durationFromWords } from './duration-words.js';
import { columnRole, headerRoles } from './table-columns.js';

/**
 * A table copied one cell per line: "Name" / "Description" / "Expiry" on lines of their own,
 * then each row's cells, one per line. Rows are read while each one names a cookie that looks
 * like one, or gives a lifetime; the first group that does neither ends the table.
 */

const MAX_COLUMNS = 6;

/** The header starting at `start`: consecutive lines that are each a header word; `undefined` if there is none. */
export function stackedHeader(lines: string[], start: number): { header: string[]; next: number } | undefined {
  const header: string[] = [];
  let i = start;
  for (; i < lines.length && header.length < MAX_COLUMNS; i++) {
    const text = lines[i].trim();
    if (!text) continue;
    const cell = text.replace(/:$/, '');
    if (cell.split(/\s+/).length > 4 || !columnRole(cell)) break;
    header.push(cell);
  }
  return header.length >= 2 && headerRoles(header) ? { header, next: i } : undefined;
}

export function readStackedTable(lines: string[], start: number): { rows: string[][]; next: number } | undefined {
  const found = stackedHeader(lines, start);
  if (!found) return undefined;
  const { header } = found;
  const roles = headerRoles(header)!;
  const nameAt = roles.indexOf('name');
  const expiresAt = roles.indexOf('expires');
  const rows = [header];
  let i = found.next;
  for (;;) {
    const group: string[] = [];
    let j = i;
    for (; j < lines.length && group.length < header.length; j++) if (lines[j].trim()) group.push(lines[j].trim());
    if (group.length < header.length) break;
    const names = readCookieNames(group[nameAt]).names;
    const isRow =
      (names.length > 0 && names.every(looksTechnical)) || (expiresAt >= 0 && durationFromWords(group[expiresAt]) !== undefined);
    if (!isRow || stackedHeader(lines, i)) break;
    rows.push(group);
    i = j;
  }
  return { rows, next: i };
}
