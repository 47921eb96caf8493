import { afterEach, describe, expect, it, vi } from 'vitest';
import tunbridgeWells from '../../cookie-catalogs/tunbridge-wells.json';
import { defineCatalog } from '../catalog/define-catalog.js';
import { type CookieConsentApi, createApi } from './api.js';
import { esmInterface } from './esm-interface.js';
import type { LoadInterface } from './interface-parts.js';

const COOKIE = 'api-test-consent';
const catalog = defineCatalog({ ...tunbridgeWells, consentCookie: { ...tunbridgeWells.consentCookie, name: COOKIE } });
/** The interface as init() fetches it, telling `asked` once the banner has decided whether to ask. */
const watched =
  (asked: () => void): LoadInterface =>
  async (need, lang) => {
    const parts = await esmInterface(need, lang);
    return { ...parts, banner: { ...parts.banner, ask: (state) => parts.banner.ask(state).then(asked) } };
  };

afterEach(() => {
  delete (window as Window & { CookieConsent?: CookieConsentApi }).CookieConsent;
  for (const banner of document.querySelectorAll('cookie-banner')) banner.remove();
  document.cookie = `${COOKIE}=; max-age=0; path=/`;
});

describe('start-up', () => {
  it('answers through the API before the banner is added, and a choice made first means no banner', async () => {
    const asked = vi.fn();
    const api = createApi(watched(asked)).init({ catalog });
    expect(await api.ready).toBeNull();
    // The banner comes a task later at the earliest; the API already acts on the state.
    expect(document.querySelector('cookie-banner')).toBeNull();
    api.acceptAll();
    expect(api.hasConsent('analytics')).toBe(true);
    expect(api.getConsent()).toMatchObject({ method: 'api', categories: { analytics: true } });
    await vi.waitFor(() => expect(asked).toHaveBeenCalled());
    expect(document.querySelector('cookie-banner')).toBeNull();
  });

  it('adds the banner, fetched for the purpose, when nobody has chosen', async () => {
    const api = createApi(esmInterface).init({ catalog });
    await api.ready;
    await vi.waitFor(() => expect(document.querySelector('cookie-banner')).not.toBeNull());
  });
});

describe('answers', () => {
  it('are always true or false, and never an inherited member for a category named like one', async () => {
    const api = createApi(esmInterface).init({ catalog });
    await api.ready;
    api.acceptAll();
    for (const id of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) expect(api.hasConsent(id)).toBe(false);
    expect(api.hasConsent('analytics')).toBe(true);
    expect(api.hasConsent('essential')).toBe(true);
    api.setConsent(null as unknown as Record<string, boolean>);
    expect(api.hasConsent('analytics')).toBe(true);
  });

  it('follow a change made to the stored choice by another tab', async () => {
    const api = createApi(esmInterface).init({ catalog });
    await api.ready;
    api.acceptAll();
    // Another tab of the same site withdraws: it rewrites the one cookie both tabs share.
    const stored = JSON.parse(
      decodeURIComponent(
        document.cookie
          .split('; ')
          .find((c) => c.startsWith(`${COOKIE}=`))!
          .split('=')[1],
      ),
    );
    document.cookie = `${COOKIE}=${encodeURIComponent(JSON.stringify({ ...stored, method: 'reject', categories: { analytics: false } }))}; path=/`;
    expect(api.hasConsent('analytics')).toBe(false);
    expect(api.getConsent()).toMatchObject({ method: 'reject', categories: { analytics: false } });
  });
});
