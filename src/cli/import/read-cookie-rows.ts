import { categoryFromWords } from './categories.js';
import { looksTechnical, namesOnly } from './cookie-names.js';
import type { CookieRow, Section } from './cookie-row.js';
import { findKnownCookie } from './known-cookies.js';
import type { PolicyItem } from './policy-document.js';
import { BlockReader } from './read-blocks.js';
import { rowsFromTable } from './read-tables.js';

export interface CookieRowReading {
  rows: CookieRow[];
  /** Well-known cookie names that only a sentence mentions ("names like ASP.NET_SessionId"): rows too, read last. */
  mentioned: number;
  /** Rows left out because their section is about session or local storage, not cookies. */
  storageRows: number;
  /** Tables that held cookie rows. */
  tables: number;
  /** "Cookie name: …" blocks read. */
  blocks: number;
}

/** How many introductory paragraphs under a heading are kept as a category's description. */
const MAX_PARAGRAPHS = 3;

/** A heading about web storage: the "items" listed under it are not cookies. */
const STORAGE = /\b(session|local|web|browser)\s*storage\b/i;
/** A sentence about cookies, in which a well-known cookie's name counts as listed. */
const ABOUT_COOKIES = /\bcookies?\b/i;

/** Well-known cookie names in a sentence about cookies ("these cookies have names like ASP.NET_SessionId and ASPSESSIONID"). */
function mentionedNames(text: string): string[] {
  if (!ABOUT_COOKIES.test(text)) return [];
  const names: string[] = [];
  for (const token of text.split(/[\s,;()"“”‘’]+/)) {
    const name = token.replace(/[.:!?]+$/, '');
    if (name.length < 4 || !looksTechnical(name) || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) continue;
    const known = findKnownCookie(name);
    if (known && !known.ignoringCase) names.push(name);
  }
  return names;
}

/** Every cookie row in a policy, each with the heading it stood under. */
export function readCookieRows(items: PolicyItem[]): CookieRowReading {
  const rows: CookieRow[] = [];
  const mentions: CookieRow[] = [];
  let storageRows = 0;
  const blocks = new BlockReader(rows);
  let tables = 0;
  let tableNumber = 0;
  let section: Section | undefined;
  let line = 0;
  for (const item of items) {
    switch (item.kind) {
      case 'heading':
        line++;
        // A heading that is nothing but cookie names ("1P_JAR, NID and CONSENT") starts their
        // description; the category still comes from the heading above it.
        if (namesOnly(item.text)) blocks.startNamed(item.text, section, `heading at line ${line}`);
        else {
          blocks.finish();
          section = { heading: item.text, paragraphs: [] };
        }
        break;
      case 'text':
        line++;
        if (section && STORAGE.test(section.heading)) break;
        if (namesOnly(item.text)) {
          blocks.startNamed(item.text, section, `line ${line}`);
          break;
        }
        if (blocks.add(item.text, section, `block at text line ${line}`)) break;
        if (section && section.paragraphs.length < MAX_PARAGRAPHS) section.paragraphs.push(item.text);
        for (const name of mentionedNames(item.text))
          mentions.push({ names: name, source: `named in text line ${line}`, ...(section ? { section } : {}) });
        break;
      case 'table': {
        blocks.finish();
        tableNumber++;
        // A caption that names a category ("Google Analytics cookies") heads the table; the
        // section's introduction still describes it.
        const tableSection =
          item.caption && categoryFromWords(item.caption) ? { heading: item.caption, paragraphs: section?.paragraphs ?? [] } : section;
        const found = rowsFromTable(item.rows, tableSection, tableNumber, item.unsplit);
        if (section && STORAGE.test(section.heading)) {
          storageRows += found.length;
          break;
        }
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
  // Last, so a table's row for the same cookie, with its purpose and lifetime, is the one kept.
  for (const mention of mentions) rows.push(mention);
  return { rows, tables, blocks: blocks.blocks, mentioned: mentions.length, storageRows };
}
