import type { GoogleConsentType } from '../catalog/definition.js';
import type { ConsentState } from '../consent/consent-state.js';

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
  // gtag() pushes its `arguments` object, not an array; Google's tag only reads it that way.
  function gtag(..._args: unknown[]) {
    // biome-ignore lint/complexity/noArguments: Google's tag reads the arguments object, not an array.
    dataLayer.push(arguments);
  }
  const types = (decide: (ids: string[]) => boolean) =>
    Object.fromEntries([...declaredBy].map(([type, ids]) => [type, decide(ids) ? 'granted' : 'denied']));
  gtag('consent', 'default', { ...types(() => false), wait_for_update: 500 });
  const announce = () => {
    gtag(
      'consent',
      'update',
      types((ids) => ids.every((id) => state.isGranted(id))),
    );
    dataLayer.push({ event: 'cookie_consent_update', cookieConsent: state.granted() });
  };
  if (state.record) announce();
  state.subscribe(announce);
}
