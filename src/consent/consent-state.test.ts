import { describe, expect, it, vi } from 'vitest';
import tunbridgeWells from '../../cookie-catalogs/tunbridge-wells.json';
import type { Catalog } from '../catalog/definition.js';
import { ConsentState, type ConsentStorage } from './consent-state.js';

const catalog = tunbridgeWells as Catalog;

/** A catalogue with a consent-based category and a statistics-exemption one. */
const mixed: Catalog = {
  ...catalog,
  categories: [
    ...catalog.categories,
    { id: 'video', title: 'Video cookies', description: 'YouTube', cookies: [] },
    { id: 'statistics', title: 'Statistics cookies', description: 'Counting visits', basis: 'statistics-exemption', cookies: [] },
  ],
};

function memoryStorage(initial?: string): ConsentStorage & { value?: string } {
  return {
    value: initial,
    read() {
      return this.value;
    },
    write(value: string) {
      this.value = value;
      return true;
    },
    remove() {
      this.value = undefined;
    },
  };
}

describe('ConsentState', () => {
  it('grants nothing optional before a choice, and always grants essential', () => {
    const state = new ConsentState(catalog, memoryStorage(), false);
    expect(state.isGranted('essential')).toBe(true);
    expect(state.isGranted('analytics')).toBe(false);
    expect(state.isGranted('unknown')).toBe(false);
    expect(state.needsAnswer).toBe(true);
  });

  it('stores a choice, tells listeners, and is read back by the next page', () => {
    const storage = memoryStorage();
    const state = new ConsentState(catalog, storage, false);
    const listener = vi.fn();
    state.subscribe(listener);
    state.answerAll(true, 'accept');
    expect(listener).toHaveBeenCalledWith(
      expect.objectContaining({ granted: { analytics: true }, previous: { analytics: false }, method: 'accept' }),
    );
    const next = new ConsentState(catalog, storage, false);
    expect(next.isGranted('analytics')).toBe(true);
    expect(next.needsAnswer).toBe(false);
    expect(next.record?.consentId).toBe(state.record?.consentId);
  });

  it('keeps the consent id across later choices, and forgets everything on reset', () => {
    const storage = memoryStorage();
    const state = new ConsentState(catalog, storage, false);
    state.answerAll(true, 'accept');
    const id = state.record!.consentId;
    state.answerAll(false, 'reject');
    expect(state.record!.consentId).toBe(id);
    state.reset();
    expect(storage.value).toBeUndefined();
    expect(state.isGranted('analytics')).toBe(false);
    state.answerAll(true, 'accept');
    expect(state.record!.consentId).not.toBe(id);
  });

  it('answers some categories and leaves the others asking', () => {
    const state = new ConsentState(mixed, memoryStorage(), false);
    state.choose({ video: true }, 'placeholder');
    expect(state.isGranted('video')).toBe(true);
    expect(state.isGranted('analytics')).toBe(false);
    expect(state.needsAnswer).toBe(true);
    state.choose({ analytics: false, statistics: true, bogus: true } as Record<string, boolean>, 'preferences');
    expect(state.needsAnswer).toBe(false);
    expect(state.record!.categories).toEqual({ video: true, analytics: false, statistics: true });
  });

  it('grants a statistics-exemption category until it is turned off', () => {
    const state = new ConsentState(mixed, memoryStorage(), false);
    expect(state.isGranted('statistics')).toBe(true);
    expect(state.needsAnswer).toBe(true);
    state.choose({ statistics: false }, 'reject');
    expect(state.isGranted('statistics')).toBe(false);
  });

  it('under Global Privacy Control refuses every optional category without storing anything', () => {
    const storage = memoryStorage();
    const state = new ConsentState(mixed, storage, true);
    expect(state.granted()).toEqual({ analytics: false, video: false, statistics: false });
    expect(storage.value).toBeUndefined();
    expect(state.needsAnswer).toBe(true);
    // An explicit accept holds.
    state.choose({ analytics: true }, 'accept');
    expect(new ConsentState(mixed, storage, true).isGranted('analytics')).toBe(true);
  });

  it('keeps a choice for the page view when the cookie cannot be written', () => {
    const storage: ConsentStorage = { read: () => undefined, write: () => false, remove: () => undefined };
    const state = new ConsentState(catalog, storage, false);
    state.answerAll(true, 'accept');
    expect(state.stored).toBe(false);
    expect(state.isGranted('analytics')).toBe(true);
  });
});

describe('ConsentState, further', () => {
  it('keeps the consent id of a choice made under an earlier revision', () => {
    const storage = memoryStorage();
    const first = new ConsentState(catalog, storage, false);
    first.answerAll(true, 'accept');
    const id = first.record!.consentId;
    const next = new ConsentState({ ...catalog, revision: 2 }, storage, false);
    expect(next.record).toBeUndefined();
    next.answerAll(false, 'reject');
    expect(next.record!.consentId).toBe(id);
  });

  it('under Global Privacy Control an explicit answer to a statistics-exemption category holds', () => {
    const state = new ConsentState(mixed, memoryStorage(), true);
    expect(state.isGranted('statistics')).toBe(false);
    state.choose({ statistics: true }, 'accept');
    expect(state.isGranted('statistics')).toBe(true);
  });

  it('tells every listener even when one of them throws, and says so', () => {
    const state = new ConsentState(catalog, memoryStorage(), false);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const after = vi.fn();
    state.subscribe(() => {
      throw new Error('dataLayer.push is not a function');
    });
    state.subscribe(after);
    state.answerAll(true, 'accept');
    expect(after).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0].join(' ')).toContain('dataLayer.push is not a function');
    error.mockRestore();
  });

  it('reports which answers a change gave', () => {
    const state = new ConsentState(mixed, memoryStorage(), false);
    const listener = vi.fn();
    state.subscribe(listener);
    state.choose({ video: true }, 'placeholder');
    expect(listener.mock.calls[0][0].answers).toEqual({ video: true });
  });
});

describe('ConsentState, against another tab and hostile ids', () => {
  it('merges a partial answer into the choice as stored now, not as this tab remembers it', () => {
    const storage = memoryStorage();
    const tabA = new ConsentState(mixed, storage, false);
    tabA.answerAll(true, 'accept');
    // Tab B, same cookie: the resident withdraws everything.
    new ConsentState(mixed, storage, false).answerAll(false, 'reject');
    const changes = vi.fn();
    tabA.subscribe(changes);
    tabA.choose({ video: true }, 'placeholder');
    expect(tabA.granted()).toEqual({ analytics: false, video: true, statistics: false });
    expect(JSON.parse(storage.value!).categories).toEqual({ analytics: false, video: true, statistics: false });
    // First the withdrawal, learnt from the cookie; then the video answer.
    expect(changes.mock.calls.map(([change]) => [change.elsewhere ?? false, change.granted.analytics])).toEqual([
      [true, false],
      [false, false],
    ]);
  });

  it('learns of a withdrawal made elsewhere when asked to refresh, and tells listeners once', () => {
    const storage = memoryStorage();
    const tabA = new ConsentState(catalog, storage, false);
    tabA.answerAll(true, 'accept');
    new ConsentState(catalog, storage, false).reset();
    const changes = vi.fn();
    tabA.subscribe(changes);
    tabA.refresh();
    tabA.refresh();
    expect(tabA.isGranted('analytics')).toBe(false);
    expect(changes).toHaveBeenCalledTimes(1);
    expect(changes.mock.calls[0][0]).toMatchObject({ elsewhere: true, granted: { analytics: false }, previous: { analytics: true } });
  });

  it('stores, announces and logs nothing for an answer that changes nothing', () => {
    const storage = memoryStorage();
    const state = new ConsentState(catalog, storage, false);
    state.answerAll(true, 'accept');
    const written = storage.value;
    const changes = vi.fn();
    state.subscribe(changes);
    for (let click = 0; click < 20; click++) state.answerAll(true, 'accept');
    state.choose({}, 'api');
    expect(changes).not.toHaveBeenCalled();
    expect(storage.value).toBe(written);
  });

  it('grants a category named like an Object.prototype member only by an explicit stored yes', () => {
    const risky: Catalog = {
      ...catalog,
      categories: [
        catalog.categories[0],
        { id: 'constructor', title: 'x', description: 'x', cookies: [] },
        { id: 'toString', title: 'x', description: 'x', cookies: [] },
      ],
    };
    const storage = memoryStorage();
    const state = new ConsentState(risky, storage, false);
    expect(state.isGranted('constructor')).toBe(false);
    expect(state.isGranted('toString')).toBe(false);
    expect(state.needsAnswer).toBe(true);
    expect(new ConsentState(catalog, memoryStorage(), false).isGranted('hasOwnProperty')).toBe(false);
    state.choose({ constructor: true } as unknown as Record<string, boolean>, 'api');
    expect(state.isGranted('constructor')).toBe(true);
    expect(state.isGranted('toString')).toBe(false);
  });
});
