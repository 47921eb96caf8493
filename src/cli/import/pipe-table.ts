/**
 * Pipe tables ("_ga | Helps us count visitors | 2 years |"), including the ones a copy from a
 * web page breaks over lines: a cell on a line of its own ("Google Analytics |"), or a cell
 * whose text runs on to the next line. A row is complete when it has as many cells as the
 * header; a line with no pipe after a complete row ends the table.
 */

export const pipeCells = (line: string) => {
  const cells = line.split('|').map((cell) => cell.trim());
  // Leading and trailing pipes leave empty cells at the ends; they are not columns.
  if (cells[0] === '') cells.shift();
  if (cells.length && cells[cells.length - 1] === '') cells.pop();
  return cells;
};
export const isPipeRow = (line: string) => line.includes('|') && pipeCells(line).length >= 2;
const isSeparatorRow = (cells: string[]) => cells.every((cell) => /^:?-{2,}:?$/.test(cell) || /^[-+=:\s]+$/.test(cell));
/** Pipe lines keep their empty cells ("| x | |" is two cells, the second empty), except at the ends. */
const lineCells = (line: string) => {
  const cells = line.split('|').map((cell) => cell.trim());
  if (/^\s*\|/.test(line)) cells.shift();
  if (/\|\s*$/.test(line)) cells.pop();
  return cells;
};

/** The table starting at `start` (a line with at least two cells), and the index of the line after it. */
export function readPipeTable(lines: string[], start: number): { rows: string[][]; next: number } {
  const rows: string[][] = [];
  let width = 0;
  let pending: string[] = [];
  /** Whether the last line ended its cell with a pipe: the next line's text is then a new cell. */
  let cellClosed = true;
  const finishRow = () => {
    if (pending.length && !isSeparatorRow(pending)) {
      rows.push(pending);
      width ||= pending.length;
    }
    pending = [];
    cellClosed = true;
  };
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i];
    const text = line.trim();
    if (!text) break;
    if (!line.includes('|')) {
      if (!pending.length) break; // Text after a complete row is not part of the table.
      if (cellClosed) pending.push(text);
      else pending[pending.length - 1] += ` ${text}`;
      cellClosed = false;
    } else {
      const cells = lineCells(line);
      if (/^\s*\|/.test(line) && pending.length) finishRow();
      if (!cellClosed && pending.length && cells.length) pending[pending.length - 1] += ` ${cells.shift()}`;
      for (const cell of cells) pending.push(cell);
      cellClosed = /\|\s*$/.test(line);
      if (!width || isSeparatorRow(pending)) {
        finishRow();
        continue;
      }
    }
    if (pending.length >= width) finishRow();
  }
  // A last row cut short still counts when it has more than its name.
  if (pending.length >= 2) finishRow();
  return { rows, next: i };
}
