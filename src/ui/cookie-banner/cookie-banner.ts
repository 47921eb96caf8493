import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { pickText } from '../../catalog/local-text.js';
import type { ConsentChange } from '../../consent/consent-state.js';
import { safeUrl } from '../../safe-url.js';
import { fill } from '../../wording/wording.js';
import { type PageConsent, PageConsentController } from '../page-consent-context.js';
import { sharedStyles } from '../shared.styles.js';
import { bannerStyles } from './cookie-banner.styles.js';

/**
 * @tag cookie-banner
 * @summary The cookie banner, in the GOV.UK pattern residents know: it asks once, with
 * accept and reject as equal buttons and a route to choose category by category, then
 * confirms the choice, says how to change it, and can be hidden.
 *
 * The library mounts it as the first element of `<body>` when a choice is needed; place a
 * `<cookie-banner>` in your template yourself to choose where it sits in the reading order.
 * It is drawn fixed to the bottom of the window, so appearing never shifts the page, and it
 * sets scroll padding so a focused control is never hidden behind it.
 *
 * Its text is the page's size, never less than the resident's default (even on a theme with
 * `html { font-size: 62.5% }`); a theme's `button` rules do not reach its buttons. "Dark"
 * colours below are those of `dist/dark-mode.css`, which a page links to follow a resident who
 * prefers dark (docs/theming.md).
 *
 * @csspart banner - The panel (a labelled region).
 * @csspart heading - "Cookies on {site}".
 * @csspart message - The explanation.
 * @csspart actions - The row of buttons.
 * @csspart button - Every button.
 * @csspart accept-button - Accept (or keep) the optional cookies.
 * @csspart reject-button - Reject (or turn off) the optional cookies.
 * @csspart choose-button - Opens the preferences dialog.
 * @csspart policy-link - The link to the cookie policy page.
 * @csspart confirmation - The message shown after a choice.
 * @csspart hide-button - Hides the confirmation.
 *
 * @cssprop --cookie-banner-background - Panel background (default #f3f2f1; dark #262729).
 * @cssprop --cookie-banner-border-color - Panel top border (default #1d70b8; dark #8ab8e6).
 * @cssprop --cookie-banner-shadow-color - The shadow above the panel (default rgb(0 0 0 / 0.15); dark rgb(0 0 0 / 0.6)).
 * @cssprop --cookie-banner-max-width - Width of the content (default 960px).
 * @cssprop --cookie-banner-max-height - Tallest the panel may be before it scrolls (default 60vh).
 * @cssprop --cookie-banner-z-index - Stacking order (default 2147483000).
 * @cssprop --cookie-banner-font-size - Base font size (default: the page's text size where the banner stands, and never less than the resident's default size; not `rem`, which a theme may have made 10 px).
 * @cssprop --cookie-font-family - Font (default: inherited from the page).
 * @cssprop --cookie-text-color - Text colour (default #0b0c0c; dark #f3f2f1).
 * @cssprop --cookie-button-background - Button colour (default #00703c).
 * @cssprop --cookie-button-color - Button text colour (default #ffffff).
 * @cssprop --cookie-link-color - Link colour (default #1d70b8; dark #8ab8e6).
 * @cssprop --cookie-focus-color - Focus highlight, the background of a focused control (default #ffdd00).
 * @cssprop --cookie-button-hover-background - Button colour under the pointer (default #005a30).
 * @cssprop --cookie-button-shadow-color - The line under a button (default #002d18).
 * @cssprop --cookie-button-radius - Button corners (default 0).
 * @cssprop --cookie-secondary-button-background - Secondary button colour (default #f3f2f1; dark #505a5f).
 * @cssprop --cookie-secondary-button-color - Secondary button text colour (default #0b0c0c; dark #ffffff).
 * @cssprop --cookie-secondary-button-hover-background - Secondary button colour under the pointer (default #dbdad9; dark #3d4447).
 * @cssprop --cookie-secondary-button-shadow-color - The line under a secondary button (default #929191; dark #0b0c0c).
 * @cssprop --cookie-focus-text-color - Text and underline of a focused control (default #0b0c0c).
 */
export class CookieBanner extends LitElement {
  static override styles = [sharedStyles, bannerStyles];

  #consent = new PageConsentController(this, (change) => this.#confirm(change));

  /**
   * The page's consent: the catalogue, the consent state and the way to open the preferences.
   * The library provides it (context protocol); set it yourself to show the banner for another.
   */
  get consent(): PageConsent | undefined {
    return this.#consent.value;
  }
  set consent(value: PageConsent | undefined) {
    this.#consent.value = value;
  }

  /** What the resident just chose, shown until hidden. (The controller re-renders on every change.) */
  #confirmation?: string;
  /** Hidden by the resident. */
  #dismissed = false;

  #resizeObserver?: ResizeObserver;
  #savedRootPadding?: [string, string];

  get #noun(): string {
    const { state, wording } = this.#consent.view!;
    return state.optionalIds.length === 1 && state.optionalIds[0] === 'analytics' ? wording.nounAnalytics : wording.nounAdditional;
  }

  #confirm(change: ConsentChange): void {
    const { state, wording } = this.#consent.view!;
    // A choice made in another tab ends the question, and any confirmation of an earlier one, here:
    // it was confirmed there, and this tab's confirmation would now say what is no longer so.
    if (change.elsewhere) this.#confirmation = undefined;
    if (state.needsAnswer || !change.method || change.elsewhere) return;
    const answers = Object.values(change.granted);
    const template = answers.every(Boolean) ? wording.accepted : answers.some(Boolean) ? wording.saved : wording.rejected;
    this.#confirmation = fill(template, { noun: this.#noun });
    this.#moveFocusToConfirmation = this.matches(':focus-within');
  }

  #moveFocusToConfirmation = false;

  override render() {
    const context = this.#consent.view;
    if (!context || this.#dismissed) return nothing;
    const { state, wording, wordingLang, catalog, lang } = context;
    if (!this.#confirmation && !state.needsAnswer) return nothing;
    const title = fill(wording.bannerTitle, { site: catalog.site.name });
    return html`<div class="banner" part="banner" role="region" aria-label=${title} lang=${wordingLang ?? nothing}>
      <div class="inner">${this.#confirmation ? this.#renderConfirmation() : this.#renderQuestion(title, lang)}</div>
    </div>`;
  }

  #renderQuestion(title: string, lang: string) {
    const { state, wording, catalog } = this.#consent.view!;
    // Under Global Privacy Control exempt categories are off too, so the banner asks as for consent.
    const exempt = state.gpc ? [] : state.optionalIds.filter((id) => state.isExempt(id));
    const allExempt = exempt.length === state.optionalIds.length;
    const noun = this.#noun;
    const exemptTitles = exempt.map((id) => pickText(catalog.categories.find((c) => c.id === id)!.title, lang).toLowerCase());
    const policy = safeUrl(catalog.site.policyUrl);
    return html`<h2 part="heading">${title}</h2>
      <div part="message">
        <p>${wording.bannerEssential}</p>
        ${allExempt ? nothing : html`<p>${fill(wording.bannerAsk, { noun })}</p>`}
        ${exempt.length ? html`<p>${fill(wording.bannerExemption, { category: exemptTitles.join(', ') })}</p>` : nothing}
        ${state.gpc && !state.record ? html`<p>${wording.bannerGpc}</p>` : nothing}
      </div>
      <div class="actions" part="actions">
        <button type="button" class="button" part="button accept-button" @click=${() => state.answerAll(true, 'accept')}>
          ${fill(allExempt ? wording.keep : wording.accept, { noun })}
        </button>
        <button type="button" class="button" part="button reject-button" @click=${() => state.answerAll(false, 'reject')}>
          ${fill(allExempt ? wording.turnOff : wording.reject, { noun })}
        </button>
        <button
          type="button"
          class="button secondary"
          part="button choose-button"
          @click=${(event: Event) => this.#consent.view!.showPreferences(event.currentTarget as Element)}
        >
          ${wording.choose}
        </button>
        ${policy ? html`<a part="policy-link" href=${policy}>${wording.policyLink}</a>` : nothing}
      </div>`;
  }

  #renderConfirmation() {
    const { wording, showPreferences } = this.#consent.view!;
    return html`<div class="confirmation" part="confirmation" tabindex="-1">
        <p>
          ${this.#confirmation} ${wording.changeBefore}
          <button type="button" class="link" @click=${(event: Event) => showPreferences(event.currentTarget as Element)}>
            ${wording.changeLink}</button
          >
          ${wording.changeAfter}
        </p>
      </div>
      <div class="actions" part="actions">
        <button type="button" class="button" part="button hide-button" @click=${this.#hide}>${wording.hide}</button>
      </div>`;
  }

  #hide = () => {
    this.#dismissed = true;
    this.requestUpdate();
  };

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const panel = this.renderRoot.querySelector<HTMLElement>('.banner');
    if (panel) this.#reserveSpace(panel);
    else this.#releaseSpace();
    if (this.#moveFocusToConfirmation) {
      this.#moveFocusToConfirmation = false;
      this.renderRoot.querySelector<HTMLElement>('.confirmation')?.focus();
    }
  }

  /** Scroll padding and padding as tall as the panel, so it never covers focus or the end of the page. */
  #reserveSpace(panel: HTMLElement): void {
    if (this.#resizeObserver) return;
    const root = document.documentElement.style;
    this.#savedRootPadding = [root.scrollPaddingBottom, root.paddingBottom];
    this.#resizeObserver = new ResizeObserver(() => {
      const height = `${panel.offsetHeight}px`;
      root.scrollPaddingBottom = height;
      root.paddingBottom = height;
    });
    this.#resizeObserver.observe(panel);
  }

  #releaseSpace(): void {
    if (!this.#resizeObserver) return;
    this.#resizeObserver.disconnect();
    this.#resizeObserver = undefined;
    const root = document.documentElement.style;
    [root.scrollPaddingBottom, root.paddingBottom] = this.#savedRootPadding ?? ['', ''];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#releaseSpace();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cookie-banner': CookieBanner;
  }
}
