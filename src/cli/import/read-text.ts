import type { PolicyDocument, PolicyItem } from './policy-document.js';
import { splitSpacedRow } from './spaced-row.js';
import { headerRoles, splitHeaderLine } from './table-columns.js';

/**
 * A policy's plain text read into headings, text lines and tables. Tables may be pipe
 * tables ("_ga | Helps us count visitors | 2 years |"), columns lined up with tabs or
 * runs of spaces, or a "Name Purpose Expires" header over single-spaced rows.
 */
export function readText(text: string): PolicyDocument {
  return { items: readTextLines(text.split(/\r?\n/)) };
}

const pipeCells = (line: string) => {
  const cells = line.split('|').map((cell) => cell.trim());
  // Leading and trailing pipes leave empty cells at the ends; they are not columns.
  if (cells[0] === '') cells.shift();
  if (cells.length && cells[cells.length - 1] === '') cells.pop();
  return cells;
};
const isPipeRow = (line: string) => line.includes('|') && pipeCells(line).length >= 2;
const isSeparatorRow = (cells: string[]) => cells.every((cell) => /^:?-{2,}:?$/.test(cell) || /^[-+=:\s]+$/.test(cell));
const alignedCells = (line: string) =>
  line
    .trim()
    .split(/\t+|\s{2,}/)
    .map((cell) => cell.trim());

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
      const rows: string[][] = [];
      while (i < lines.length && isPipeRow(lines[i])) {
        const cells = pipeCells(lines[i]);
        if (!isSeparatorRow(cells)) rows.push(cells);
        i++;
      }
      items.push({ kind: 'table', rows });
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
      // "Name Purpose Expires" with single spaces: each row is split by what its columns can hold.
      const rows = [phrases];
      i++;
      for (let j = nextNonBlank(i); j < lines.length; j = nextNonBlank(i)) {
        const tabbed = alignedCells(lines[j]);
        const cells = tabbed.length === phrases.length ? tabbed : splitSpacedRow(lines[j], phrases);
        if (!cells) break;
        rows.push(cells);
        i = j + 1;
      }
      items.push({ kind: 'table', rows });
      continue;
    }
    const markdownHeading = /^#{1,6}\s+(.+?)\s*#*$/.exec(text)?.[1];
    if (markdownHeading) items.push({ kind: 'heading', text: markdownHeading });
    else items.push(looksLikeHeading(text) ? { kind: 'heading', text } : { kind: 'text', text });
    i++;
  }
  return items;
}
