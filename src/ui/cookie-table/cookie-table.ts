import { html, LitElement, type PropertyValues } from 'lit';
import type { Catalog } from '../../catalog/definition.js';
import { loadCatalog } from '../../catalog/load.js';
import { reportError, warn } from '../../console.js';
import { wordingFor } from '../../wording/wording.js';
import { toDom, treeText } from '../element-tree.js';
import { languageOf, type PageConsent, PageConsentController } from '../page-consent-context.js';
import { tableStyles } from './cookie-table.styles.js';
import { cookieTables } from './cookie-table-tree.js';

/**
 * @tag cookie-table
 * @summary The cookie table of one category (Name | Purpose | Expires, with a caption), or
 * of every category without `category` — for a council's cookie policy page, from the
 * same catalogue that drives the banner.
 *
 * It shows the catalogue it is given (`catalog`: a URL or the catalogue itself), else the one
 * the page's consent runs on, in its own language (`lang` on it or an ancestor). Until it has a
 * catalogue it shows its own content: paste the static tables from `npx council-cookie-consent
 * tables` inside it and the page shows them without JavaScript, keeps them if the catalogue
 * fails, and does not shift when the element takes over — it keeps that content while it says
 * what the catalogue says, and replaces it (saying so in the console) when it is stale.
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
 *
 * Text, colours and font come from the page where the table stands (its size never below the
 * resident's default); a theme's own table rules do not apply. Pasted tables look the same
 * with `dist/cookie-table.css` linked after the theme (see docs/theming.md).
 */
export class CookieTable extends LitElement {
  static override styles = tableStyles;
  static override properties = {
    category: { reflect: true },
    catalog: {},
    loaded: { state: true },
  };

  /** A category id such as "analytics"; all categories when absent. */
  category?: string;
  /**
   * The catalogue to show: a URL (the `catalog` attribute) or the catalogue object. Without it,
   * the catalogue of the page's consent.
   */
  catalog?: string | Catalog;
  /** The catalogue fetched from a `catalog` URL. */
  private loaded?: Catalog;

  #consent = new PageConsentController(this);

  /** The page's consent, whose catalogue the table shows when it has no `catalog` of its own; the library provides it (context protocol). */
  get consent(): PageConsent | undefined {
    return this.#consent.value;
  }
  set consent(value: PageConsent | undefined) {
    this.#consent.value = value;
  }
  /** The tables last built, and what they were built from: a big catalogue is rendered once, not on every update. */
  #built?: { from: unknown[]; tables?: Node[] };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('catalog')) {
      this.loaded = undefined;
      const source = this.catalog;
      if (typeof source === 'string')
        loadCatalog(source).then(
          (catalog) => this.catalog === source && (this.loaded = catalog),
          (error: Error) => reportError(`<cookie-table> keeps what it shows: ${error.message}`),
        );
    }
  }

  /** The catalogue shown: its own, else the page's. */
  get #catalog(): Catalog | undefined {
    return typeof this.catalog === 'object' ? this.catalog : typeof this.catalog === 'string' ? this.loaded : this.#consent.value?.catalog;
  }

  override render() {
    const catalog = this.#catalog;
    if (!catalog) return html`<slot></slot>`;
    const lang = languageOf(this);
    const from = [catalog, lang, this.category];
    if (!this.#built || from.some((input, index) => input !== this.#built!.from[index])) {
      const trees = cookieTables(catalog, lang, wordingFor(catalog, lang), this.category);
      // Compared without white space: static HTML may be laid out on one line or many.
      const bare = (text: string) => text.replace(/\s+/g, '');
      const pasted = bare(this.textContent ?? '');
      const current = pasted === bare(trees.map(treeText).join(''));
      if (pasted && !current) warn('<cookie-table> replaced the tables pasted inside it: they no longer say what the catalogue says');
      this.#built = { from, tables: current ? undefined : trees.map((tree) => toDom(tree)) };
    }
    return this.#built.tables ?? html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cookie-table': CookieTable;
  }
}
