/**
 * A cookie policy reduced to what the import reads, whatever it was written in (HTML or
 * text): headings, lines of text and tables, in reading order.
 */
export type PolicyItem =
  | { kind: 'heading'; text: string }
  | { kind: 'text'; text: string }
  | {
      kind: 'table';
      rows: string[][];
      caption?: string;
      /** Per row, the text of a row whose columns could not be told apart (its name is in the first cell). */
      unsplit?: (string | undefined)[];
    };

export interface PolicyDocument {
  items: PolicyItem[];
  /** The page's own title (HTML `<title>`), a hint for the site name. */
  title?: string;
  /** The text of the page's `<script>` elements, where a Cookie Control configuration may be. */
  scripts?: string[];
}
