import { html, LitElement } from 'lit';
import { ConsentController } from '../consent-context.js';
import { toDom, treeText } from '../element-tree.js';
import { tableStyles } from './cookie-table.styles.js';
import { cookieTables } from './cookie-table-tree.js';

/**
 * @tag cookie-table
 * @summary The cookie table of one category (Name | Purpose | Expires, with a caption), or
 * of every category without `category` — for a council's cookie policy page, from the
 * same catalogue that drives the banner.
 *
 * Until the catalogue has loaded it shows its own content: paste the static tables from
 * `npx council-cookie-consent tables` inside it and the page shows them without JavaScript,
 * keeps them if the catalogue fails, and does not shift when the element takes over — it
 * keeps that content while it says what the catalogue says, and replaces it when it is stale.
 *
 * @slot - Static tables (or any fallback), shown until the catalogue has loaded and kept while current.
 * @csspart table - Each `<table>`.
 * @csspart caption - The caption (the category title).
 * @csspart head - The `<thead>`.
 * @csspart header - A column header.
 * @csspart body - The `<tbody>`.
 * @csspart row - A row.
 * @csspart name - The cookie name cell (a row header).
 * @csspart cell - A purpose or expiry cell.
 * @cssprop --cookie-table-border-color - Row rules (default #b1b4b6).
 */
export class CookieTable extends LitElement {
  static override styles = tableStyles;
  static override properties = { category: { reflect: true } };

  /** A category id such as "analytics"; all categories when absent. */
  category?: string;

  #consent = new ConsentController(this, undefined, false);
  /** The tables last built, and what they were built from: a big catalogue is rendered once, not on every update. */
  #built?: { from: unknown[]; tables?: Node[] };

  override render() {
    const context = this.#consent.context;
    if (!context) return html`<slot></slot>`;
    const from = [context.catalog, context.lang, context.wording, this.category];
    if (!this.#built || from.some((input, index) => input !== this.#built!.from[index])) {
      const trees = cookieTables(context.catalog, context.lang, context.wording, this.category);
      // Compared without white space: static HTML may be laid out on one line or many.
      const bare = (text: string) => text.replace(/\s+/g, '');
      const current = bare(this.textContent ?? '') === bare(trees.map(treeText).join(''));
      this.#built = { from, tables: current ? undefined : trees.map((tree) => toDom(tree)) };
    }
    return this.#built.tables ?? html`<slot></slot>`;
  }
}
