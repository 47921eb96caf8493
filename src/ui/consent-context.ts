import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Catalog } from '../catalog/definition.js';
import type { ConsentChange, ConsentState } from '../consent/consent-state.js';
import { fallbackLanguage, type Messages, wordingFor } from '../wording/wording.js';

/** What the elements need from the page's consent: read it, change it through `state`. */
export interface ConsentContext {
  catalog: Catalog;
  lang: string;
  wording: Messages;
  /** Set (to `en`) when `wording` is not in the page's language; see `fallbackLanguage`. */
  wordingLang?: string;
  state: ConsentState;
  showPreferences(opener?: Element | null): void;
}

let provided: ConsentContext | undefined;

/** The context for a page in `lang`: the wording (and its language) follow from the catalogue. */
export const consentContext = (
  catalog: Catalog,
  lang: string,
  state: ConsentState,
  showPreferences: ConsentContext['showPreferences'],
): ConsentContext => ({
  catalog,
  lang,
  wording: wordingFor(catalog, lang),
  wordingLang: fallbackLanguage(catalog, lang),
  state,
  showPreferences,
});

/**
 * Makes the page's consent available to its elements. The library registers the elements
 * only after this, so every element finds it when it connects.
 */
export function provideConsentContext(context: ConsentContext): void {
  provided = context;
}

/** Connects an element to the page's consent: it renders again on every change. */
export class ConsentController implements ReactiveController {
  context?: ConsentContext;
  #unsubscribe?: () => void;
  readonly #host: ReactiveControllerHost;
  readonly #onChange?: (change: ConsentChange) => void;

  constructor(
    host: ReactiveControllerHost,
    onChange?: (change: ConsentChange) => void,
    /** False for an element that shows the catalogue only (the tables): a choice changes nothing it shows. */
    readonly watchChoices = true,
  ) {
    this.#host = host;
    this.#onChange = onChange;
    host.addController(this);
  }

  hostConnected(): void {
    this.context = provided;
    if (this.watchChoices)
      this.#unsubscribe = provided?.state.subscribe((change) => {
        this.#onChange?.(change);
        this.#host.requestUpdate();
      });
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
  }
}
