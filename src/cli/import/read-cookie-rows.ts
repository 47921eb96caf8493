import { categoryFromWords } from './categories.js';
import type { CookieRow, Section } from './cookie-row.js';
import type { PolicyItem } from './policy-document.js';
import { BlockReader } from './read-blocks.js';
import { rowsFromTable } from './read-tables.js';

export interface CookieRowReading {
  rows: CookieRow[];
  /** Tables that held cookie rows. */
  tables: number;
  /** "Cookie name: …" blocks read. */
  blocks: number;
}

/** How many introductory paragraphs under a heading are kept as a category's description. */
const MAX_PARAGRAPHS = 3;

/** Every cookie row in a policy, each with the heading it stood under. */
export function readCookieRows(items: PolicyItem[]): CookieRowReading {
  const rows: CookieRow[] = [];
  const blocks = new BlockReader(rows);
  let tables = 0;
  let tableNumber = 0;
  let section: Section | undefined;
  let line = 0;
  for (const item of items) {
    switch (item.kind) {
      case 'heading':
        blocks.finish();
        section = { heading: item.text, paragraphs: [] };
        break;
      case 'text':
        line++;
        if (blocks.add(item.text, section, `block at text line ${line}`)) break;
        if (section && section.paragraphs.length < MAX_PARAGRAPHS) section.paragraphs.push(item.text);
        break;
      case 'table': {
        blocks.finish();
        tableNumber++;
        // A caption that names a category ("Google Analytics cookies") heads the table; the
        // section's introduction still describes it.
        const tableSection =
          item.caption && categoryFromWords(item.caption) ? { heading: item.caption, paragraphs: section?.paragraphs ?? [] } : section;
        const found = rowsFromTable(item.rows, tableSection, tableNumber);
        if (found.length) tables++;
        for (const row of found) rows.push(row);
        // Paragraphs after a table do not describe the cookies in it: they go to a copy of the
        // section, so the rows just read keep only the introduction above their table.
        if (section) section = { ...section, paragraphs: [...section.paragraphs] };
        break;
      }
    }
  }
  blocks.finish();
  return { rows, tables, blocks: blocks.blocks };
}
