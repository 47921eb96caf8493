import type { GoogleConsentType } from '../catalog/definition.js';
import type { ConsentState } from '../consent/consent-state.js';
import { reportError } from '../console.js';

type DataLayerWindow = Window & { dataLayer?: unknown[] };

/**
 * Google Consent Mode v2: a `default` with every declared type denied as soon as the
 * catalogue is read, an `update` once a choice is known and after each change, and a
 * `cookie_consent_update` event for Google Tag Manager triggers. Pushed the way gtag() does.
 */
export function connectGoogleConsentMode(state: ConsentState, win: DataLayerWindow = window): void {
  const declaredBy = new Map<GoogleConsentType, string[]>();
  for (const category of state.catalog.categories)
    for (const type of category.googleConsentMode ?? []) declaredBy.set(type, [...(declaredBy.get(type) ?? []), category.id]);
  if (!declaredBy.size) return;
  const dataLayer = (win.dataLayer ??= []);
  // A page whose dataLayer cannot take our signals must still get its banner and choices: say why, once.
  if (!Array.isArray(dataLayer) || !Object.isExtensible(dataLayer)) {
    reportError(
      'window.dataLayer is not an array that can be added to (is it frozen, or something else?): Google Consent Mode gets no consent signals, so Google tags stay without consent',
    );
    return;
  }
  // gtag() pushes its `arguments` object, not an array; Google's tag only reads it that way.
  function gtag(..._args: unknown[]) {
    // biome-ignore lint/complexity/noArguments: Google's tag reads the arguments object, not an array.
    dataLayer.push(arguments);
  }
  const types = (decide: (ids: string[]) => boolean) =>
    Object.fromEntries([...declaredBy].map(([type, ids]) => [type, decide(ids) ? 'granted' : 'denied']));
  // On start, a throwing dataLayer.push is reported here; later, by the consent state like any failing listener.
  const safely = (push: () => void) => {
    try {
      push();
    } catch (error) {
      reportError(`window.dataLayer.push failed: ${(error as Error)?.message}`);
    }
  };
  safely(() => gtag('consent', 'default', { ...types(() => false), wait_for_update: 500 }));
  const announce = () => {
    gtag(
      'consent',
      'update',
      types((ids) => ids.every((id) => state.isGranted(id))),
    );
    dataLayer.push({ event: 'cookie_consent_update', cookieConsent: state.granted() });
  };
  state.subscribe(announce);
  if (state.record) safely(announce);
}
