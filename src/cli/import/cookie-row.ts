import type { CategoryId } from './categories.js';

/** The heading a cookie was listed under, and the paragraphs that introduced it. */
export interface Section {
  heading: string;
  paragraphs: string[];
}

/** One cookie as the policy lists it: a table row or a "Cookie name: …" block, words as written. */
export interface CookieRow {
  /** The name cell as written: "_ga", "_utma, _utmb", "_ga_<container-id>". */
  names: string;
  purpose?: string;
  expires?: string;
  provider?: string;
  domain?: string;
  /** "Persistent" or "Session", when the policy says. */
  type?: 'persistent' | 'session';
  /** A category the row itself names (a "Type: Analytics" or "Category" cell). */
  category?: CategoryId;
  section?: Section;
  /** The row's text when its columns could not be told apart: a person fills in the purpose from it. */
  unsplit?: string;
  /** Where it was found, for messages: "table 2, row 3". */
  source: string;
}
