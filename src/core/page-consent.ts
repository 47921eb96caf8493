import type { Catalog } from '../catalog/definition.js';
import { loadCatalog } from '../catalog/load.js';
import { consentCookie } from '../consent/consent-cookie.js';
import { ConsentState } from '../consent/consent-state.js';
import { migrateCookieControl } from '../consent/cookie-control-migration.js';
import { reportError } from '../console.js';
import { documentParsed } from '../document-parsed.js';
import { BlockedElements } from '../effects/blocked-elements.js';
import { connectConsentLog } from '../effects/consent-log.js';
import { sweepCookies } from '../effects/cookie-sweeper.js';
import { connectGoogleConsentMode } from '../effects/google-consent-mode.js';
import { iframePlaceholders } from '../ui/cookie-embed-placeholder/iframe-placeholders.js';
import type { ConsentChangeDetail } from './consent-change.js';
import type { InterfaceNeed, InterfaceParts, LoadInterface } from './interface-parts.js';
import { providePageConsent } from './provide-page-consent.js';
import { openFromSettingsLinks } from './settings-links.js';
import { yieldToBrowser } from './yield-to-browser.js';

/** Whether any cookie of this page mentions `text`; true when the browser refuses to say (cookies off). */
const cookiesMention = (text: string) => {
  try {
    return document.cookie.includes(text);
  } catch {
    return false;
  }
};

/** Elements that need the interface's details as soon as they are in the page. */
const NEEDS_DETAILS = 'cookie-table,iframe[data-cookie-category]';

/**
 * The interface, each part fetched once; a part that cannot be had fails closed and says why once
 * (the details need the banner's part too, so one refused file can fail both needs).
 */
function interfaceOnDemand(load: LoadInterface, lang: string) {
  const loading = new Map<InterfaceNeed, Promise<InterfaceParts>>();
  const said = new Set<string>();
  return (need: InterfaceNeed): Promise<InterfaceParts> => {
    let parts = loading.get(need);
    if (!parts) {
      loading.set(need, (parts = load(need, lang)));
      parts.catch((error: Error) => {
        if (said.has(error.message)) return;
        said.add(error.message);
        reportError(
          `the interface could not be loaded (${error.message}): no banner, settings or tables can be shown, so nothing optional runs`,
        );
      });
    }
    return parts;
  };
}

/**
 * Runs consent for this page: loads the catalogue, reads the stored choice, releases what is
 * granted, wires the effects to every change, provides the consent to the elements, and
 * fetches the interface only when the page needs it — as soon as that is known, beside the
 * catalogue: a first visit (no stored choice at all) needs the banner, a cookie table or an
 * embed the details. Rejects (after saying why in the console) when the catalogue cannot be
 * used: then nothing optional ever runs.
 */
export interface RunningConsent {
  state: ConsentState;
  /** Opens the preferences dialog, fetching it first if need be. */
  showPreferences(opener?: Element | null): void;
}

export async function startPageConsent(source: unknown, load: LoadInterface, nonce?: string): Promise<RunningConsent> {
  const lang = document.documentElement.lang || 'en';
  const ui = interfaceOnDemand(load, lang);
  const needed = (need: InterfaceNeed) => ui(need).catch(() => undefined);
  const provide = providePageConsent();
  // Every stored choice holds a consent id: without one anywhere, this is a first visit and the banner will ask.
  if (!cookiesMention('consentId')) void needed('banner');
  if (document.querySelector(NEEDS_DETAILS)) void needed('details');

  let catalog: Catalog;
  try {
    catalog = await loadCatalog(source);
  } catch (error) {
    reportError(`nothing optional will run on this page: ${(error as Error).message}`);
    throw error;
  }
  const gpc = catalog.privacySignals?.gpc !== false && (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
  const state = new ConsentState(catalog, consentCookie(catalog), gpc);
  connectGoogleConsentMode(state);
  connectConsentLog(state);
  // Before anything is released, the stored choice is read again: another tab may have withdrawn it.
  const blocked = new BlockedElements(
    (id) => {
      state.refresh();
      return state.isGranted(id);
    },
    state.optionalIds,
    iframePlaceholders(() => needed('details')),
    // Undefined leaves the default: the nonce of the script that runs the library.
    nonce,
  );
  sweepCookies(
    catalog,
    state.optionalIds.filter((id) => !state.isGranted(id)),
    false,
  );
  state.subscribe((change) => {
    void blocked.update();
    // Refused now: withdrawn, or answered "no" by this change (which may repeat an earlier "no").
    const refused = state.optionalIds.filter((id) => !change.granted[id] && (change.previous[id] || change.answers?.[id] === false));
    sweepCookies(catalog, refused, true);
    document.dispatchEvent(
      new CustomEvent('cookie-consent:change', {
        detail: {
          granted: ['essential', ...state.optionalIds.filter((id) => change.granted[id])],
          categories: change.granted,
          method: change.method,
        } satisfies ConsentChangeDetail,
      }),
    );
  });

  // After the effects are listening, so a migrated choice is announced like any other.
  migrateCookieControl(state);
  // A tab the resident comes back to learns of a choice made in another tab meanwhile.
  const refresh = () => document.visibilityState === 'visible' && state.refresh();
  document.addEventListener('visibilitychange', refresh);
  addEventListener('focus', refresh);
  addEventListener('pageshow', refresh);

  const showPreferences = (opener?: Element | null) => void needed('details').then((parts) => parts?.details?.openPreferences(opener));
  provide({ catalog, state, showPreferences });
  openFromSettingsLinks(showPreferences);
  if (state.needsAnswer) void ask(state, needed('banner'));
  await documentParsed();
  if (document.querySelector(NEEDS_DETAILS)) void needed('details');
  void blocked.start();
  return { state, showPreferences };
}

/**
 * Asks with the banner in a task of its own (its first render and the page's re-layout),
 * after the state has been handed to the API: a choice made meanwhile is already seen there.
 */
async function ask(state: ConsentState, parts: Promise<InterfaceParts | undefined>): Promise<void> {
  const banner = (await parts)?.banner;
  await yieldToBrowser();
  await documentParsed();
  await banner?.ask(state);
}
