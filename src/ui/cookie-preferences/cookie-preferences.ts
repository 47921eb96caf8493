import { html, LitElement, nothing } from 'lit';
import type { Category } from '../../catalog/definition.js';
import { ESSENTIAL } from '../../catalog/essential.js';
import { pickText } from '../../catalog/local-text.js';
import { reportError } from '../../console.js';
import { tableStyles } from '../cookie-table/cookie-table.styles.js';
import { cookieTables } from '../cookie-table/cookie-table-tree.js';
import { toDom } from '../element-tree.js';
import { isShown } from '../is-shown.js';
import { type PageConsent, PageConsentController } from '../page-consent-context.js';
import { sharedStyles } from '../shared.styles.js';
import { preferencesStyles } from './cookie-preferences.styles.js';

/** The element focused now, looking inside shadow roots. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * @tag cookie-preferences
 * @summary The preferences dialog (a native modal `<dialog>`): each category with its
 * description, its cookie table and an on/off choice, and Save. Any element with
 * `data-cookie-settings` opens it; so does `CookieConsent.showPreferences()`.
 *
 * Focus moves into the dialog when it opens, stays there while it is open (Escape closes
 * it) and returns to the control that opened it.
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart heading - "Cookie settings".
 * @csspart category - One category's section.
 * @csspart consent-id - The resident's consent id, with a button to copy it (shown once they have chosen).
 * @csspart button - Every button.
 * @csspart close-button - Closes without saving.
 * @csspart save-button - Saves the choices.
 * @csspart table - Each cookie table.
 * @csspart caption - A table's caption (the category title).
 * @csspart head - A table's `<thead>`.
 * @csspart header - A column header.
 * @csspart body - A table's `<tbody>`.
 * @csspart row - A row.
 * @csspart name - The cookie name cell (a row header).
 * @csspart cell - A purpose or expiry cell.
 *
 * @cssprop --cookie-dialog-background - Dialog background (default #ffffff; dark #262729).
 * @cssprop --cookie-dialog-shadow-color - The shadow around the dialog (default rgb(0 0 0 / 0.3); dark rgb(0 0 0 / 0.6)).
 * @cssprop --cookie-dialog-backdrop - What covers the page behind (default rgb(11 12 12 / 0.6); dark rgb(0 0 0 / 0.7)).
 * @cssprop --cookie-dialog-font-size - Base font size (default: the page's text size, and never less than the resident's default size).
 * @cssprop --cookie-font-family - Font (default: inherited from the page).
 * @cssprop --cookie-text-color - Text colour (default #0b0c0c; dark #f3f2f1).
 * @cssprop --cookie-button-background - Button colour (default #00703c).
 * @cssprop --cookie-button-color - Button text colour (default #ffffff).
 * @cssprop --cookie-button-hover-background - Button colour under the pointer (default #005a30).
 * @cssprop --cookie-button-shadow-color - The line under a button (default #002d18).
 * @cssprop --cookie-button-radius - Button corners (default 0).
 * @cssprop --cookie-secondary-button-background - Secondary button colour (default #f3f2f1; dark #505a5f).
 * @cssprop --cookie-secondary-button-color - Secondary button text colour (default #0b0c0c; dark #ffffff).
 * @cssprop --cookie-secondary-button-hover-background - Secondary button colour under the pointer (default #dbdad9; dark #3d4447).
 * @cssprop --cookie-secondary-button-shadow-color - The line under a secondary button (default #929191; dark #0b0c0c).
 * @cssprop --cookie-link-color - Link colour (default #1d70b8; dark #8ab8e6).
 * @cssprop --cookie-focus-color - Focus highlight, the background of a focused control (default #ffdd00).
 * @cssprop --cookie-focus-text-color - Text and underline of a focused control (default #0b0c0c).
 * @cssprop --cookie-table-border-color - Rules between categories and table rows (default #b1b4b6; dark #6f777b).
 */
export class CookiePreferences extends LitElement {
  static override styles = [sharedStyles, tableStyles, preferencesStyles];

  #consent = new PageConsentController(this, () => undefined);

  /**
   * The page's consent: the catalogue, the consent state and the way to open the preferences.
   * The library provides it (context protocol); set it yourself to show the dialog for another.
   */
  get consent(): PageConsent | undefined {
    return this.#consent.value;
  }
  set consent(value: PageConsent | undefined) {
    this.#consent.value = value;
  }

  #opener: Element | null = null;

  get #dialog() {
    return this.renderRoot.querySelector('dialog')!;
  }

  /** Opens the dialog, showing the current choices; focus returns to `opener` (default: the focused element). */
  async show(opener: Element | null = deepActiveElement()): Promise<void> {
    this.#opener = opener;
    this.requestUpdate();
    await this.updateComplete;
    if (!this.#dialog || this.#dialog.open) return;
    this.#dialog.querySelector('form')?.reset();
    this.#dialog.showModal();
    // A modal dialog the page's CSS hides would leave the page inert with focus trapped out of sight.
    if (!isShown(this.#dialog)) {
      this.close();
      reportError("the page's CSS hides <cookie-preferences>, so the cookie settings dialog was closed again: it cannot be used hidden");
    }
  }

  close(): void {
    this.#dialog?.close();
  }

  #restoreFocus = () => {
    const opener = this.#opener;
    this.#opener = null;
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
  };

  #save = (event: SubmitEvent) => {
    event.preventDefault();
    const { state } = this.#consent.view!;
    const form = event.currentTarget as HTMLFormElement;
    const answers = Object.fromEntries(
      state.optionalIds.map((id) => [id, (form.elements.namedItem(id) as RadioNodeList | null)?.value === 'on']),
    );
    // Close first, so focus is back on the page before the banner confirms the choice.
    this.close();
    state.choose(answers, 'preferences');
  };

  override render() {
    const context = this.#consent.view;
    if (!context) return nothing;
    const { wording, wordingLang, catalog } = context;
    return html`<dialog part="dialog" aria-label=${wording.dialogTitle} lang=${wordingLang ?? nothing} @close=${this.#restoreFocus}>
      <div class="header">
        <h2 part="heading">${wording.dialogTitle}</h2>
        <button type="button" class="button secondary" part="button close-button" @click=${() => this.close()}>
          ${wording.close}
        </button>
      </div>
      <form class="body" method="dialog" @submit=${this.#save}>
        <p>${wording.dialogIntro}</p>
        ${catalog.categories.map((category) => this.#renderCategory(category))}
        ${this.#renderConsentId()}
        <button type="submit" class="button" part="button save-button">${wording.save}</button>
      </form>
    </dialog>`;
  }

  /** The stored choice's id, to quote when asking the council about it (its consent log keeps it). */
  #renderConsentId() {
    const { state, wording } = this.#consent.view!;
    const id = state.record?.consentId;
    if (!id) return nothing;
    return html`<p class="consent-id" part="consent-id">
      ${wording.consentIdLabel}: <code>${id}</code>
      <button type="button" class="link" @click=${this.#copy}>${wording.copy}</button>
      <span role="status">${this.#copied === id ? wording.copied : ''}</span><br />
      ${wording.consentIdHelp}
    </p>`;
  }

  /** The id last copied: the status says so until the id changes. */
  #copied?: string;

  #copy = (event: Event) => {
    const code = (event.currentTarget as Element).previousElementSibling!;
    const id = code.textContent!;
    // Without the clipboard (a page on plain http), the id is selected for the resident to copy.
    const select = () => getSelection()?.selectAllChildren(code);
    navigator.clipboard?.writeText(id).then(() => {
      this.#copied = id;
      this.requestUpdate();
    }, select) ?? select();
  };

  /** Each category's table, built once per catalogue and language: a choice re-renders the radios, not the rows. */
  #tables = new WeakMap<object, Map<Category, Node[]>>();

  #table(category: Category): Node[] {
    const { catalog, lang, wording } = this.#consent.view!;
    let byCategory = this.#tables.get(wording);
    if (!byCategory) this.#tables.set(wording, (byCategory = new Map()));
    let table = byCategory.get(category);
    if (!table) byCategory.set(category, (table = cookieTables(catalog, lang, wording, category.id).map((tree) => toDom(tree))));
    return table;
  }

  #renderCategory(category: Category) {
    const { lang, wording, state } = this.#consent.view!;
    const title = pickText(category.title, lang);
    const description = html`<p>${pickText(category.description, lang)}</p>`;
    const table = this.#table(category);
    if (category.id === ESSENTIAL)
      return html`<section part="category">
        <h3>${title}</h3>
        ${description}
        <p class="always-on">${wording.alwaysOn}</p>
        ${table}
      </section>`;
    const granted = state.isGranted(category.id);
    return html`<fieldset part="category">
      <legend><h3>${title}</h3></legend>
      ${description}
      <div class="choices">
        <label><input type="radio" name=${category.id} value="on" ?checked=${granted} /> ${wording.on}</label>
        <label><input type="radio" name=${category.id} value="off" ?checked=${!granted} /> ${wording.off}</label>
      </div>
      ${table}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cookie-preferences': CookiePreferences;
  }
}
