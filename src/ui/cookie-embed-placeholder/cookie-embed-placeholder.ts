import { html, LitElement, nothing } from 'lit';
import { pickText } from '../../catalog/local-text.js';
import { safeUrl } from '../../safe-url.js';
import { fill } from '../../wording/wording.js';
import { type PageConsent, PageConsentController } from '../page-consent-context.js';
import { sharedStyles } from '../shared.styles.js';
import { placeholderStyles } from './cookie-embed-placeholder.styles.js';

/**
 * @tag cookie-embed-placeholder
 * @summary Stands where a blocked `<iframe data-cookie-category data-src>` will be: says
 * whose content it is, links to it, and offers to accept that category and show it.
 * The library creates it; councils only mark up the iframe.
 *
 * @csspart placeholder - The box.
 * @csspart button - The accept button.
 * @csspart link - The link to the content.
 * @cssprop --cookie-placeholder-background - Box background (default #f3f2f1; dark #262729).
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
 * @cssprop --cookie-table-border-color - The box border (default #b1b4b6; dark #6f777b).
 */
export class CookieEmbedPlaceholder extends LitElement {
  static override styles = [sharedStyles, placeholderStyles];

  static override properties = { category: {}, provider: {}, src: {} };

  /** The categories the content waits for, space-separated, as in the iframe's data-cookie-category. */
  category = '';
  /** Who provides the content (the iframe's data-provider). */
  provider?: string;
  /** The content's address (the iframe's data-src). */
  src?: string;

  #consent = new PageConsentController(this, () => undefined);

  /** The page's consent, which the accept button answers; the library provides it (context protocol). */
  get consent(): PageConsent | undefined {
    return this.#consent.value;
  }
  set consent(value: PageConsent | undefined) {
    this.#consent.value = value;
  }

  override render() {
    const context = this.#consent.view;
    if (!context) return nothing;
    const { catalog, lang, wording, wordingLang, state } = context;
    const ids = this.category.split(/\s+/);
    const category = catalog.categories.find((c) => c.id === ids[0]);
    // A title reads as a heading ("Video cookies (optional)"); in a sentence it is a noun.
    const title = pickText(category?.title, lang).replace(/\s*\([^)]*\)\s*$/, '');
    const noun = title.charAt(0).toLowerCase() + title.slice(1);
    const link = safeUrl(this.src);
    // Only what a resident can grant, and what can then be shown, gets the button.
    const grantable = link && ids.every((id) => state.optionalIds.includes(id));
    return html`<div class="box" part="placeholder" lang=${wordingLang ?? nothing}>
      <p>${this.provider ? fill(wording.placeholderText, { provider: this.provider }) : wording.placeholderTextNoProvider}</p>
      ${
        grantable
          ? html`<button type="button" class="button" part="button" @click=${() => state.choose(Object.fromEntries(ids.map((id) => [id, true])), 'placeholder')}>
        ${fill(wording.placeholderAccept, { category: noun })}
      </button>`
          : nothing
      }
      ${link ? html`<a part="link" href=${link} target="_blank" rel="noopener noreferrer">${wording.placeholderLink}</a>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cookie-embed-placeholder': CookieEmbedPlaceholder;
  }
}
