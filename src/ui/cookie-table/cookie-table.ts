import { html, LitElement } from 'lit';
import { ConsentController } from '../consent-context.js';
import { toDom } from '../element-tree.js';
import { cookieTables } from './cookie-table-tree.js';
import { tableStyles } from './cookie-table.styles.js';

/**
 * @summary The cookie table of one category (Name | Purpose | Expires, with a caption), or
 * of every category without `category` — for a council's cookie policy page, from the
 * same catalogue that drives the banner.
 *
 * Until the catalogue has loaded it shows its own content (a static table pasted from
 * `npx council-cookie-consent tables`, say), which also stays if the catalogue fails.
 *
 * @slot - Fallback shown until the catalogue has loaded.
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

  private readonly consent = new ConsentController(this);

  override render() {
    const context = this.consent.context;
    if (!context) return html`<slot></slot>`;
    return cookieTables(context.catalog, context.lang, context.wording, this.category).map((tree) => toDom(tree));
  }
}
