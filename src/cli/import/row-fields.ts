import { categoryFromWords } from './categories.js';
import type { CookieRow, Section } from './cookie-row.js';
import type { ColumnRole } from './table-columns.js';

/**
 * A cookie row from its cells and what each column holds. `undefined` when it names no
 * cookie. A "Type" cell may say persistent/session or a category ("Analytics").
 */
export function cookieRowFrom(
  cells: { role: ColumnRole | undefined; value: string }[],
  section: Section | undefined,
  source: string,
): CookieRow | undefined {
  const row: CookieRow = { names: '', source, ...(section ? { section } : {}) };
  const add = (key: 'names' | 'purpose' | 'expires' | 'provider' | 'domain', value: string) => {
    row[key] = row[key] ? `${row[key]} ${value}` : value;
  };
  for (const { role, value } of cells) {
    // Policies pasted from a CMS carry non-breaking spaces and line breaks inside cells.
    const text = value.replace(/\s+/g, ' ').trim();
    if (!role || !text || /^(-|–|—|n\/a|none)$/i.test(text)) continue;
    switch (role) {
      case 'name':
        add('names', text);
        break;
      case 'purpose':
      case 'expires':
      case 'provider':
      case 'domain':
        add(role, text);
        break;
      case 'necessary':
        // "Is this cookie strictly necessary? Yes": the policy says it is essential.
        if (/^yes\b/i.test(text)) row.category = 'essential';
        break;
      case 'type':
      case 'category': {
        const lifetime = /^(persistent|session)\b/i.exec(text)?.[1].toLowerCase() as 'persistent' | 'session' | undefined;
        if (lifetime) row.type = lifetime;
        else row.category ??= categoryFromWords(text);
        break;
      }
    }
  }
  return row.names ? row : undefined;
}
