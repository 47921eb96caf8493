import type { CookieRow, Section } from './cookie-row.js';
import { cookieRowFrom } from './row-fields.js';
import { type ColumnRole, columnRole } from './table-columns.js';

/** A "Key: value" line whose key is a cookie field ("Cookie name", "Expires", "Information"). */
export function keyValueLine(text: string): { role: ColumnRole; value: string } | undefined {
  const match = /^([^:]{1,40}):\s*(.*)$/.exec(text.trim());
  if (!match) return undefined;
  const role = columnRole(match[1]);
  return role ? { role, value: match[2] } : undefined;
}

/**
 * Reads "Cookie name: … / Type: … / Domain: … / Expires: … / Information: …" blocks, one
 * line at a time. A name line starts a block; a block counts only when it also says what
 * the cookie does or how long it lasts (a lone "Name: …" is more likely a contact's name).
 */
export class BlockReader {
  private fields: { role: ColumnRole; value: string }[] = [];
  private section: Section | undefined;
  private source = '';
  private awaitingValue: ColumnRole | undefined;
  blocks = 0;

  /** `rows` receives each block's row as it finishes, so rows stay in reading order with tables'. */
  constructor(readonly rows: CookieRow[] = []) {}

  /** Takes a line; false when it is not part of a block (the block, if any, is then finished). */
  add(text: string, section: Section | undefined, source: string): boolean {
    const field = keyValueLine(text);
    if (!field) {
      // "Cookie name:" alone on its line, with the value on the next.
      if (this.awaitingValue && this.fields.length && text.trim()) {
        this.fields[this.fields.length - 1].value = text.trim();
        this.awaitingValue = undefined;
        return true;
      }
      this.finish();
      return false;
    }
    if (field.role === 'name') {
      this.finish();
      this.section = section;
      this.source = source;
    } else if (!this.fields.length) return false;
    this.fields.push(field);
    this.awaitingValue = field.value ? undefined : field.role;
    return true;
  }

  finish(): void {
    const fields = this.fields;
    this.fields = [];
    this.awaitingValue = undefined;
    if (!fields.some((f) => f.role === 'purpose' || f.role === 'expires')) return;
    const row = cookieRowFrom(fields, this.section, this.source);
    if (row) {
      this.rows.push(row);
      this.blocks++;
    }
  }
}
