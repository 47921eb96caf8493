import type { Catalog } from './catalog/definition.js';
import { loadCatalog } from './catalog/load.js';
import { consentCookie } from './consent/consent-cookie.js';
import { ConsentState } from './consent/consent-state.js';
import { migrateCookieControl } from './consent/cookie-control-migration.js';
import { reportError, warn } from './console.js';
import { documentParsed } from './document-parsed.js';
import { BlockedElements } from './effects/blocked-elements.js';
import { connectConsentLog } from './effects/consent-log.js';
import { sweepCookies } from './effects/cookie-sweeper.js';
import { connectGoogleConsentMode } from './effects/google-consent-mode.js';
import { consentContext, provideConsentContext } from './ui/consent-context.js';
import { defineElements } from './ui/define-elements.js';
import { pageLanguage } from './ui/i18n/wording.js';
import { isShown } from './ui/is-shown.js';
import { openPreferences } from './ui/open-preferences.js';
import { yieldToBrowser } from './yield-to-browser.js';

function iframePlaceholders() {
  const placeholders = new WeakMap<HTMLIFrameElement, HTMLElement>();
  return {
    block(iframe: HTMLIFrameElement) {
      const placeholder = document.createElement('cookie-embed-placeholder');
      placeholder.category = iframe.dataset.cookieCategory!;
      placeholder.provider = iframe.dataset.provider;
      placeholder.src = iframe.dataset.src;
      // The iframe's own size, so nothing moves when it is shown; taller only where its words
      // need more (a 280×60 embed), decided by layout before its first paint, never overlapping.
      const px = (size: string | number) => (/\D/.test(`${size}`) ? `${size}` : `${size}px`);
      placeholder.style.width = px(iframe.getAttribute('width') || iframe.offsetWidth);
      placeholder.style.minHeight = px(iframe.getAttribute('height') || iframe.offsetHeight);
      iframe.hidden = true;
      iframe.before(placeholder);
      placeholders.set(iframe, placeholder);
    },
    unblock(iframe: HTMLIFrameElement) {
      const placeholder = placeholders.get(iframe);
      const hadFocus = placeholder?.matches(':focus-within');
      placeholder?.remove();
      iframe.hidden = false;
      // The placeholder's button was just pressed: keep the keyboard where the content now is.
      if (hadFocus) iframe.focus();
    },
  };
}

/**
 * Runs consent for this page: loads the catalogue, reads the stored choice, releases what
 * is granted, wires the effects to every change, and asks with the banner when needed.
 * Rejects (after saying why in the console) when the catalogue cannot be used: then
 * nothing optional ever runs.
 */
export async function startPageConsent(source: unknown): Promise<ConsentState> {
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
    iframePlaceholders(),
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
        },
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

  await documentParsed();
  provideConsentContext(consentContext(catalog, pageLanguage(), state, openPreferences));
  defineElements();
  void blocked.start();
  document.addEventListener('click', (event) => {
    const trigger = (event.target as Element | null)?.closest?.('[data-cookie-settings]');
    if (!trigger) return;
    event.preventDefault();
    openPreferences(trigger);
  });
  if (state.needsAnswer) void askWithBanner(state);
  return state;
}

/**
 * Adds the banner in a task of its own (its first render and the page's re-layout), after
 * the state has been handed to the API: a choice made meanwhile is already visible there.
 */
async function askWithBanner(state: ConsentState): Promise<void> {
  await yieldToBrowser();
  const placed = [...document.querySelectorAll('cookie-banner')];
  if (!state.needsAnswer || placed.some(isShown)) return;
  // A banner the page hides (a theme's display: none, or markup injected to hide it) must not stand in for ours.
  for (const hidden of placed) {
    warn('a <cookie-banner> in this page is hidden, so the library shows its own in its place');
    hidden.remove();
  }
  const banner = document.createElement('cookie-banner');
  document.body.prepend(banner);
  await banner.updateComplete;
  if (!isShown(banner)) reportError("the page's CSS hides <cookie-banner>: residents cannot answer, so nothing optional will run");
}
