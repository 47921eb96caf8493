import { ContextConsumer, ContextEvent, createContext } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';
import type { Catalog } from '../catalog/definition.js';
import type { ConsentChange, ConsentState } from '../consent/consent-state.js';
import { PAGE_CONSENT } from '../consent/page-consent-key.js';
import { fallbackLanguage, type Messages, wordingFor } from '../wording/wording.js';

/**
 * What a page's running consent gives its elements: the catalogue, the consent state (read
 * the answers, give new ones, hear of changes) and the way to open the preferences. The
 * library provides it on `document` once the catalogue has loaded; an element can also be
 * given one directly (its `consent` property), as the examples and tests do.
 */
export interface PageConsent {
  catalog: Catalog;
  state: ConsentState;
  showPreferences(opener?: Element | null): void;
}

export const pageConsentContext = createContext<PageConsent>(PAGE_CONSENT);

/**
 * Connects an element to a page's consent: the one set on it, else the one the page provides
 * through the context protocol; with `onChange`, the element renders again on every change
 * of the choice (the tables show the catalogue only and leave it out).
 */
export class PageConsentController implements ReactiveController {
  #value?: PageConsent;
  #explicit = false;
  #unsubscribe?: () => void;
  readonly #host: ReactiveElement;
  readonly #onChange?: (change: ConsentChange) => void;

  constructor(host: ReactiveElement, onChange?: (change: ConsentChange) => void) {
    this.#host = host;
    this.#onChange = onChange;
    host.addController(this);
    new ContextConsumer(host, {
      context: pageConsentContext,
      subscribe: true,
      callback: this.#provided,
    });
  }

  readonly #provided = (value: PageConsent) => this.#explicit || this.#use(value);

  /**
   * An element connected before the page's consent started (the single file, or a bundle that
   * defines the elements before it calls init()) asked when nobody answered: it asks again when
   * the provider announces itself, as the protocol's `context-provider` event says.
   */
  readonly #lateProvider = (event: Event) => {
    if ((event as Event & { context?: unknown }).context === pageConsentContext)
      this.#host.dispatchEvent(new ContextEvent(pageConsentContext, this.#host, this.#provided, true));
  };

  get value(): PageConsent | undefined {
    return this.#value;
  }

  /** The consent in the element's language, once there is one. */
  get view(): ConsentView | undefined {
    return this.#value && consentView(this.#value, languageOf(this.#host));
  }

  /** Sets the consent directly; the page's context no longer replaces it. */
  set value(value: PageConsent | undefined) {
    this.#explicit = value !== undefined;
    this.#use(value);
  }

  #use(value: PageConsent | undefined): void {
    if (value === this.#value) return;
    this.#unsubscribe?.();
    this.#value = value;
    if (this.#host.isConnected) this.hostConnected();
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    document.addEventListener('context-provider', this.#lateProvider);
    this.#unsubscribe?.();
    this.#unsubscribe =
      this.#onChange &&
      this.#value?.state.subscribe((change) => {
        this.#onChange?.(change);
        this.#host.requestUpdate();
      });
  }

  hostDisconnected(): void {
    document.removeEventListener('context-provider', this.#lateProvider);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}

/** An element's language: its own `lang`, else the nearest ancestor's, else English. */
export const languageOf = (element: Element): string => element.closest('[lang]')?.getAttribute('lang') || 'en';

/** A page's consent as an element in one language shows it: with the wording for that language. */
export interface ConsentView extends PageConsent {
  lang: string;
  wording: Messages;
  /** Set (to `en`) when `wording` is not in the element's language; see `fallbackLanguage`. */
  wordingLang?: string;
}

const views = new WeakMap<PageConsent, Map<string, ConsentView>>();

/** The view of `consent` in `lang`, made once per language: elements compare wording by identity. */
export function consentView(consent: PageConsent, lang: string): ConsentView {
  let byLang = views.get(consent);
  if (!byLang) views.set(consent, (byLang = new Map()));
  let view = byLang.get(lang);
  if (!view)
    byLang.set(
      lang,
      (view = { ...consent, lang, wording: wordingFor(consent.catalog, lang), wordingLang: fallbackLanguage(consent.catalog, lang) }),
    );
  return view;
}
