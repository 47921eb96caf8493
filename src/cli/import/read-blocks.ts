import type { CookieRow, Section } from './cookie-row.js';
import { durationFromWords, startsWithDuration } from './duration-words.js';
import { cookieRowFrom } from './row-fields.js';
import { type ColumnRole, columnRole } from './table-columns.js';

/** A "Key: value" line whose key is a cookie field ("Cookie name", "Expires", "Information"). */
export function keyValueLine(text: string): { role: ColumnRole; value: string } | undefined {
  // Bulleted or indented ("• Purpose: …", "- Expiry: …") reads the same.
  const match = /^([^:]{1,40}):\s*(.*)$/.exec(text.trim().replace(/^[•\-*–·]\s*/, ''));
  if (!match) return undefined;
  const role = columnRole(match[1]);
  return role ? { role, value: match[2] } : undefined;
}

/** A short line that only gives a lifetime: "2 years", "Expires on exit of browser", "30 minute expiry". */
export function isLifetimeLine(text: string): boolean {
  const line = text.trim();
  return (
    line.split(/\s+/).length <= 8 &&
    !/[.!?]\s+\S/.test(line) &&
    durationFromWords(line) !== undefined &&
    (startsWithDuration(line) || /\b(expir|lasts?|until|when|end of)/i.test(line))
  );
}

const FIELD_LABELS =
  /(?<![A-Za-z])(?:Type|Domain|Expires|Expiry|Provider|Purpose|Duration|Lifespan|Category|Description)(?=\s|$)|(?<=[a-z\d_])(?:Type|Domain|Expires|Expiry|Provider|Purpose|Duration|Lifespan|Category|Description)(?=\s|$)/g;

/**
 * A row whose cells start with their field's name, copied as one line: "Name ASP.NET_SessionId
 * Type Session Domain Expires At end of session" (with or without spaces between the cells).
 */
export function fieldPrefixedLine(text: string): { role: ColumnRole; value: string }[] | undefined {
  const match = /^(?:cookie\s+)?name\s+(\S.*)$/i.exec(text.trim());
  if (!match) return undefined;
  const rest = match[1];
  const labels = [...rest.matchAll(FIELD_LABELS)];
  if (!labels.length || labels[0].index === 0) return undefined;
  const fields = [{ role: 'name' as ColumnRole, value: rest.slice(0, labels[0].index).trim() }];
  labels.forEach((label, index) => {
    const role = columnRole(label[0]);
    const end = index + 1 < labels.length ? labels[index + 1].index : rest.length;
    const value = rest.slice(label.index! + label[0].length, end).trim();
    if (role && value) fields.push({ role, value });
  });
  // The name must be one name ("nmstat"), not a sentence that happens to start with "Name".
  return /\s/.test(fields[0].value) || !fields[0].value ? undefined : fields;
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
  /** The lines after a one-line block ("Name nmstat Type Other …") describe the cookie. */
  private describing = false;
  blocks = 0;

  /** `rows` receives each block's row as it finishes, so rows stay in reading order with tables'. */
  constructor(readonly rows: CookieRow[] = []) {}

  /**
   * Starts a block from a heading or a line that is nothing but cookie names ("1P_JAR, NID and
   * CONSENT"): the lines below it describe them, with "Purpose:"/"Expiry:" lines or without.
   */
  startNamed(names: string, section: Section | undefined, source: string): void {
    this.finish();
    this.section = section;
    this.source = source;
    this.fields = [{ role: 'name', value: names }];
    this.describing = true;
  }

  /** Takes a line; false when it is not part of a block (the block, if any, is then finished). */
  add(text: string, section: Section | undefined, source: string): boolean {
    const prefixed = fieldPrefixedLine(text);
    if (prefixed) {
      this.finish();
      this.section = section;
      this.source = source;
      this.fields = prefixed;
      this.describing = true;
      return true;
    }
    const field = keyValueLine(text);
    // "Cookie name:" alone on its line, with the value on the next.
    if (!field && this.awaitingValue && this.fields.length && text.trim()) {
      this.fields[this.fields.length - 1].value = text.trim();
      this.awaitingValue = undefined;
      return true;
    }
    const last = this.fields[this.fields.length - 1];
    if (!field && this.describing && !this.fields.some((f) => f.role === 'expires') && isLifetimeLine(text)) {
      this.fields.push({ role: 'expires', value: text.trim() });
      return true;
    }
    if (!field && this.fields.length && (this.describing || (last.role === 'purpose' && /^[a-z]/.test(text.trim())))) {
      // A description under a one-line block, or a purpose that runs on to the next line.
      const purpose = this.fields.find((f) => f.role === 'purpose');
      if (purpose) purpose.value = `${purpose.value} ${text.trim()}`;
      else this.fields.push({ role: 'purpose', value: text.trim() });
      return true;
    }
    if (!field && this.fields.length && /^[A-Z][^:]{0,30}:\s+\S/.test(text.trim())) return true; // "Typical content: …": not a field we read.
    if (!field) {
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
    this.describing = false;
    if (!fields.some((f) => f.role === 'purpose' || f.role === 'expires')) return;
    const row = cookieRowFrom(fields, this.section, this.source);
    if (row) {
      this.rows.push(row);
      this.blocks++;
    }
  }
}
