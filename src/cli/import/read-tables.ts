import { categoryFromWords } from './categories.js';
import { readCookieNames } from './cookie-names.js';
import type { CookieRow, Section } from './cookie-row.js';
import { durationFromWords } from './duration-words.js';
import { BlockReader, fieldPrefixedLine } from './read-blocks.js';
import { cookieRowFrom } from './row-fields.js';
import { type ColumnRole, columnRole, headerRoles } from './table-columns.js';

/** The cookie rows of one table; none when it is not a cookie table. */
export function rowsFromTable(
  rows: string[][],
  section: Section | undefined,
  tableNumber: number,
  unsplit: (string | undefined)[] = [],
): CookieRow[] {
  const source = (row: number) => `table ${tableNumber}, row ${row + 1}`;
  const headerAt = rows.slice(0, 2).findIndex((row) => headerRoles(row));
  if (headerAt >= 0) return readRows(rows, headerAt + 1, headerRoles(rows[headerAt])!, section, source, unsplit);
  if (isTransposed(rows)) {
    // One cookie per table, its fields down the first column ("Name | _ga", "Expires | 2 years").
    const reader = new BlockReader();
    for (const [index, row] of rows.entries()) reader.add(`${row[0]}: ${row.slice(1).join(' ')}`, section, source(index));
    reader.finish();
    return reader.rows;
  }
  if (rows.some((row) => fieldPrefixedLine(row.join(' ')))) {
    // Cells that start with their field's name ("Name nmstat" | "Type Other" | "Expires 1000 days"), the description in the next row.
    const reader = new BlockReader();
    for (const [index, row] of rows.entries()) reader.add(row.filter(Boolean).join(' '), section, source(index));
    reader.finish();
    return reader.rows;
  }
  const inferred = inferRoles(rows);
  return inferred ? readRows(rows, 0, inferred, section, source, unsplit) : [];
}

function readRows(
  rows: string[][],
  first: number,
  roles: (ColumnRole | undefined)[],
  section: Section | undefined,
  source: (row: number) => string,
  unsplit: (string | undefined)[],
): CookieRow[] {
  const found: CookieRow[] = [];
  const nameColumn = roles.indexOf('name');
  let current = section;
  for (let index = first; index < rows.length; index++) {
    const cells = rows[index];
    // A header repeated further down: looked for only where the name column holds a header word.
    if (nameColumn >= 0 && columnRole(cells[nameColumn] ?? '') === 'name' && headerRoles(cells)) continue;
    const filled = cells.filter(Boolean);
    if (filled.length === 1 && cells.length < roles.length) {
      // A row spanning the table ("Analytics cookies") heads the rows below it.
      if (categoryFromWords(filled[0])) current = { heading: filled[0], paragraphs: [] };
      continue;
    }
    const row = cookieRowFrom(
      cells.map((value, column) => ({ role: roles[column], value })),
      current,
      source(index),
    );
    if (row && unsplit[index]) row.unsplit = unsplit[index];
    if (row) found.push(row);
  }
  return found;
}

function isTransposed(rows: string[][]): boolean {
  if (!rows.length || rows.some((row) => row.length < 2)) return false;
  const roles = rows.map((row) => columnRole(row[0]));
  return roles.includes('name') && (roles.includes('purpose') || roles.includes('expires'));
}

/**
 * Roles for a table with no header: a column of cookie names and a column of lifetimes;
 * the longest other column is the purpose.
 */
function inferRoles(rows: string[][]): (ColumnRole | undefined)[] | undefined {
  const width = Math.max(...rows.map((row) => row.length));
  if (rows.length < 2 || width < 2) return undefined;
  const share = (column: number, test: (cell: string) => boolean) =>
    rows.filter((row) => row[column] && test(row[column])).length / rows.length;
  const columns = [...Array(width).keys()];
  const nameColumn = columns.find(
    (c) => share(c, (cell) => !/\s\w/.test(cell.replace(/,\s*/g, ',')) && readCookieNames(cell).names.length > 0) >= 0.8,
  );
  const expiresColumn = columns.find((c) => c !== nameColumn && share(c, (cell) => durationFromWords(cell) !== undefined) >= 0.8);
  if (nameColumn === undefined || expiresColumn === undefined) return undefined;
  const averageLength = (c: number) => rows.reduce((sum, row) => sum + (row[c]?.length ?? 0), 0) / rows.length;
  const purposeColumn = columns
    .filter((c) => c !== nameColumn && c !== expiresColumn)
    .sort((a, b) => averageLength(b) - averageLength(a))[0];
  return columns.map((c) => (c === nameColumn ? 'name' : c === expiresColumn ? 'expires' : c === purposeColumn ? 'purpose' : undefined));
}
