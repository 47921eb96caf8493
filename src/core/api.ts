import { isObject } from '../catalog/check-shape.js';
import type { Catalog } from '../catalog/definition.js';
import type { ConsentState } from '../consent/consent-state.js';
import { warn } from '../console.js';
import { type ConsentLogEntry, consentSnapshot } from '../effects/consent-log.js';
import type { LoadInterface } from './interface-parts.js';
import { type RunningConsent, startPageConsent } from './page-consent.js';

/** The current choice: the same fields the consent log receives. */
export type ConsentSnapshot = ConsentLogEntry;

export interface InitOptions {
  /**
   * The catalogue object (for one imported from JSON, `defineCatalog(json)`), a URL to fetch it
   * from, or `#id` of an inline JSON script. Whichever, it is validated before it is used.
   */
  catalog: Catalog | string;
  /**
   * The page's CSP nonce: only blocked scripts carrying it are released. The script tag takes its
   * own; a site's bundle loaded as a module has no current script, so give it here.
   */
  nonce?: string;
}

/** The public API: the ESM exports, and `window.CookieConsent` in the script-tag build. */
export interface CookieConsentApi {
  /** Starts consent on this page. A second call, or a second copy of the library, is ignored with a warning. */
  init(options: InitOptions): CookieConsentApi;
  /** Resolves once the catalogue is loaded and the stored choice read (with that choice, or null); rejects if the catalogue cannot be used. */
  readonly ready: Promise<ConsentSnapshot | null>;
  /** The current choice, or null when the resident has made none. */
  getConsent(): ConsentSnapshot | null;
  /** Whether a category is granted now (`essential` always is). */
  hasConsent(categoryId: string): boolean;
  acceptAll(): void;
  rejectAll(): void;
  /** Answers some or all optional categories, e.g. `{ analytics: true }`; the others keep their answers. */
  setConsent(answers: Record<string, boolean>): void;
  showPreferences(): void;
  /** Forgets the choice: the cookie is removed and the banner asks again on the next page. */
  reset(): void;
}

/** `window.CookieConsent` is set only by the copy that started consent on the page. */
type ConsentWindow = Window & { CookieConsent?: CookieConsentApi };

/** Makes an API object whose methods wait for init() and the catalogue where they need them. */
export function createApi(load: LoadInterface): CookieConsentApi {
  let running: RunningConsent | undefined;
  let state: ConsentState | undefined;
  let resolveReady!: (value: ConsentSnapshot | null) => void;
  let rejectReady!: (reason: unknown) => void;
  const ready = new Promise<ConsentSnapshot | null>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // A page that never listens to `ready` should not see an unhandled rejection: the console already says why.
  ready.catch(() => undefined);
  /** The state as stored now: another tab may have changed the choice since this page last looked. */
  const current = () => {
    state?.refresh();
    return state;
  };
  const whenReady = (action: (state: ConsentState) => void) => {
    if (state) action(state);
    else
      void ready.then(
        () => state && action(state),
        () => undefined,
      );
  };

  const api: CookieConsentApi = {
    ready,
    init(options) {
      const first = (window as ConsentWindow).CookieConsent;
      if (first) {
        warn('consent has already been started; this second start is ignored');
        if (first !== api) first.ready.then(resolveReady, rejectReady);
        return first;
      }
      (window as ConsentWindow).CookieConsent = api;
      startPageConsent(options?.catalog, load, options?.nonce).then((started) => {
        running = started;
        state = started.state;
        resolveReady(consentSnapshot(state));
      }, rejectReady);
      return api;
    },
    getConsent: () => {
      const now = current();
      return now ? consentSnapshot(now) : null;
    },
    hasConsent: (categoryId) => current()?.isGranted(String(categoryId)) ?? false,
    acceptAll: () => whenReady((s) => s.answerAll(true, 'api')),
    rejectAll: () => whenReady((s) => s.answerAll(false, 'api')),
    setConsent: (answers) =>
      whenReady((s) =>
        isObject(answers)
          ? s.choose(answers as Record<string, boolean>, 'api')
          : warn('setConsent() takes an object such as { analytics: true }'),
      ),
    showPreferences: () => whenReady(() => running?.showPreferences()),
    reset: () => whenReady((s) => s.reset()),
  };
  return api;
}
