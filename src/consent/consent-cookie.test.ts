import { afterEach, describe, expect, it, vi } from 'vitest';
import tunbridgeWellsJson from '../../cookie-catalogs/tunbridge-wells.json';
import type { Catalog } from '../catalog/definition.js';
import { cookieNames, cookieValues } from '../cookies/cookie-jar.js';
import { consentCookie } from './consent-cookie.js';
import { serializeConsentRecord } from './consent-record.js';
import { ConsentState } from './consent-state.js';

const tunbridgeWells = tunbridgeWellsJson as Catalog;
const NAME = tunbridgeWells.consentCookie.name;

const choice = (analytics: boolean, time: number) =>
  serializeConsentRecord({
    revision: 1,
    time,
    consentId: '0b7a6c1e-7d3f-4c2a-9e8b-5a4d3c2b1a09',
    method: analytics ? 'accept' : 'reject',
    categories: { analytics },
  });

afterEach(() => {
  delete (document as { cookie?: string }).cookie;
  for (const name of cookieNames()) document.cookie = `${name}=; max-age=0; path=/`;
  vi.restoreAllMocks();
});

describe('the consent cookie', () => {
  it('a consentCookie.name with a % (the catalogue pattern allows it) is read back after a write, not reported as cookies disabled', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const storage = consentCookie({ ...tunbridgeWells, consentCookie: { name: 'CookieControl%2Fv2', expiresDays: 90 } });
    const value = choice(false, Date.now());
    // js-cookie writes the name URL-encoded (CookieControl%252Fv2); the reader looks for the exact name.
    expect(storage.write(value)).toBe(true);
    expect(storage.read()).toBe(value);
    expect(warn.mock.calls.map((call) => call.join(' ')).filter((text) => text.includes('cookies are disabled'))).toEqual([]);
  });

  it('a choice another tab writes while this page reads is never overwritten by the older value', () => {
    const granted = choice(true, Date.now() - 60000);
    const refused = choice(false, Date.now());
    document.cookie = `${NAME}=${encodeURIComponent(granted)}; path=/`;
    const storage = consentCookie(tunbridgeWells);
    // Another tab's write (the resident's refusal) lands right after this page takes its copy out:
    // the cookie store is shared and the two pages run at once; here the moment is made exact.
    const jar = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
    let otherTabWrote = false;
    Object.defineProperty(document, 'cookie', {
      configurable: true,
      get: () => jar.get!.call(document),
      set: (text: string) => {
        jar.set!.call(document, text);
        // The other tab's write lands right after whatever this page writes while it reads.
        if (!otherTabWrote) {
          otherTabWrote = true;
          jar.set!.call(document, `${NAME}=${encodeURIComponent(refused)}; path=/`);
        }
      },
    });
    storage.read();
    delete (document as { cookie?: string }).cookie;
    // Reading wrote nothing at all: the other tab's write lands afterwards, which is no less a race.
    if (!otherTabWrote) document.cookie = `${NAME}=${encodeURIComponent(refused)}; path=/`;
    // The refusal is the newest choice: it must still be the one stored.
    expect(cookieValues(NAME)).toEqual([refused]);
  });

  it('the put-back does not give a value it cannot date a new lifetime: a session cookie it did not write stays a session cookie', async () => {
    // Say the council's server, or Cookie Control before a migration, keeps a cookie of this name here for the session.
    document.cookie = `${NAME}=not-a-choice-of-ours; path=/`;
    consentCookie(tunbridgeWells).read();
    const { cookieStore } = window as unknown as { cookieStore: { get(name: string): Promise<{ expires: number | null } | null> } };
    const after = await cookieStore.get(NAME);
    // Left as it was, or removed: either way not kept for another 90 days.
    expect(after === null || after.expires === null).toBe(true);
  });
});

describe('a browser that keeps script cookies for 7 days (Safari)', () => {
  it('gets a choice older than a day written again, unchanged, with the expiry its own time gives', async () => {
    const written = Date.now() - 2 * 86400000;
    const value = choice(true, written);
    // As Safari leaves it: the choice, but expiring 7 days after it was written.
    document.cookie = `${NAME}=${encodeURIComponent(value)}; path=/; expires=${new Date(written + 7 * 86400000).toUTCString()}`;
    const state = new ConsentState(tunbridgeWells, consentCookie(tunbridgeWells), false);
    expect(state.isGranted('analytics')).toBe(true);
    expect(cookieValues(NAME)).toEqual([value]);
    const { cookieStore } = window as unknown as { cookieStore: { get(name: string): Promise<{ expires: number | null } | null> } };
    const expires = (await cookieStore.get(NAME))!.expires!;
    expect(Math.abs(expires - (written + 90 * 86400000))).toBeLessThan(5000);
  });
});
