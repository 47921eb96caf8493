import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CookieConsentApi } from './core/api.js';

type Page = { CookieConsent?: Partial<CookieConsentApi> };

afterEach(() => {
  delete (window as unknown as Page).CookieConsent;
});

describe('the ESM entry beside a script-tag copy', () => {
  it('answers from the copy that started consent, even when that copy started after the import', async () => {
    vi.resetModules();
    const esm = await import('./index.js');
    const acceptAll = vi.fn();
    // The script-tag copy starts after the site's bundle imported the module.
    (window as unknown as Page).CookieConsent = { hasConsent: (id) => id === 'analytics', getConsent: () => null, acceptAll };
    expect(esm.hasConsent('analytics')).toBe(true);
    esm.acceptAll();
    expect(acceptAll).toHaveBeenCalledTimes(1);
  });
});
