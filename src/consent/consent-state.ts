import type { Catalog } from '../catalog/definition.js';
import { ESSENTIAL } from '../catalog/essential.js';
import { reportError } from '../console.js';
import {
  type ConsentMethod,
  type ConsentRecord,
  DAY_MS,
  newConsentId,
  optionalCategoryIds,
  ownAnswer,
  parseConsentRecord,
  readConsentId,
  serializeConsentRecord,
} from './consent-record.js';

/** Where the choice is kept: the consent cookie, or a stand-in in tests. */
export interface ConsentStorage {
  read(): string | undefined;
  write(value: string): boolean;
  /** Writes a stored value again as it is (see consent-cookie.ts: Safari's 7-day limit). */
  renew?(value: string): void;
  remove(): void;
}

export interface ConsentChange {
  /** Every optional category's effective answer after the change. */
  granted: Record<string, boolean>;
  previous: Record<string, boolean>;
  /** The answers this change gave (none for reset()). */
  answers?: Record<string, boolean>;
  /** How the choice was made; undefined when it was forgotten by reset(). */
  method?: ConsentMethod;
  record?: ConsentRecord;
  /** Made in another tab (or by another page of the site) and read from the cookie: already logged there. */
  elsewhere?: boolean;
}

export type ConsentListener = (change: ConsentChange) => void;

/**
 * The resident's consent for one page view: the stored choice, what is granted because
 * of it (or of the defaults while it is missing), and the listeners told of each change.
 * Views call it; effects listen to it. The cookie is shared with the resident's other tabs,
 * so `refresh()` reads it again before anything is released or written.
 */
export class ConsentState {
  record: ConsentRecord | undefined;
  /** False when the last choice could not be stored (cookies disabled): it holds for this page view only. */
  stored = true;
  #listeners = new Set<ConsentListener>();
  readonly optionalIds: string[];

  readonly #storage: ConsentStorage;
  /** The stored value this state reflects. */
  #raw: string | undefined;
  /** The id of a stored choice too old to use (an earlier revision): kept, one id per browser. */
  #earlierId?: string;

  constructor(
    readonly catalog: Catalog,
    storage: ConsentStorage,
    /** Whether the browser sends Global Privacy Control and the catalogue honours it. */
    readonly gpc: boolean,
  ) {
    this.#storage = storage;
    this.optionalIds = optionalCategoryIds(catalog);
    this.#read();
  }

  #read(): void {
    const stored = (this.#raw = this.#storage.read());
    this.record = parseConsentRecord(stored, this.catalog);
    // Only an unusable cookie needs reading again, for the id it may still carry.
    this.#earlierId = this.record ? undefined : readConsentId(stored);
    // A choice older than a day: written again, so a browser that caps script cookies at 7 days keeps it.
    if (stored && this.record && this.record.time < Date.now() - DAY_MS) this.#storage.renew?.(stored);
  }

  /**
   * Takes in a choice made meanwhile in another tab (or withdrawn there): the stored cookie
   * wins over this page's memory. Listeners hear of it as a change made elsewhere.
   */
  refresh(): void {
    if (this.#storage.read() === this.#raw) return;
    const previous = this.granted();
    this.#read();
    this.#emit({
      granted: this.granted(),
      previous,
      answers: this.record?.categories,
      method: this.record?.method,
      record: this.record,
      elsewhere: true,
    });
  }

  isExempt(id: string): boolean {
    return this.catalog.categories.some((category) => category.id === id && category.basis === 'statistics-exemption');
  }

  answered(id: string): boolean {
    return ownAnswer(this.record?.categories, id) !== undefined;
  }

  isGranted(id: string): boolean {
    if (id === ESSENTIAL) return true;
    if (!this.optionalIds.includes(id)) return false;
    // The statistics exemption lasts only while the resident has not objected, and GPC objects;
    // an explicit answer (even under GPC) is the resident's own and holds.
    return ownAnswer(this.record?.categories, id) ?? (this.isExempt(id) && !this.gpc);
  }

  /** Every optional category's effective answer. */
  granted(): Record<string, boolean> {
    return Object.fromEntries(this.optionalIds.map((id) => [id, this.isGranted(id)]));
  }

  /** Whether some optional category still waits for an answer, so the banner should ask. */
  get needsAnswer(): boolean {
    return this.optionalIds.some((id) => !this.answered(id));
  }

  subscribe(listener: ConsentListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Records answers for some or all optional categories, merged into the choice as it is
   * stored now (another tab may have changed it); the others keep theirs. Answers that
   * change nothing store, announce and log nothing.
   */
  choose(answers: Record<string, boolean>, method: ConsentMethod, time = Date.now()): void {
    this.refresh();
    const given: Record<string, boolean> = {};
    for (const id of this.optionalIds) {
      const answer = ownAnswer(answers, id);
      if (typeof answer === 'boolean' && answer !== ownAnswer(this.record?.categories, id)) given[id] = answer;
    }
    if (!Object.keys(given).length) return;
    const consentId = this.record?.consentId ?? this.#earlierId ?? newConsentId();
    this.adopt(
      { revision: this.catalog.revision, time, consentId, method, categories: { ...this.record?.categories, ...given } },
      this.granted(),
      given,
    );
  }

  /** Takes over a whole record (a new choice, or one migrated from another tool) and stores it. */
  adopt(record: ConsentRecord, previous = this.granted(), answers = record.categories): void {
    this.record = record;
    this.stored = this.#storage.write(serializeConsentRecord(record));
    this.#raw = this.#storage.read();
    this.#emit({ granted: this.granted(), previous, answers, method: record.method, record });
  }

  answerAll(answer: boolean, method: ConsentMethod): void {
    this.choose(Object.fromEntries(this.optionalIds.map((id) => [id, answer])), method);
  }

  /** Forgets the choice: the cookie is removed and the defaults apply again. */
  reset(): void {
    const previous = this.granted();
    this.#storage.remove();
    this.record = this.#earlierId = this.#raw = undefined;
    this.#emit({ granted: this.granted(), previous });
  }

  #emit(change: ConsentChange): void {
    // One failing listener (a page's dataLayer, say) must not keep the others from acting.
    for (const listener of [...this.#listeners])
      try {
        listener(change);
      } catch (error) {
        reportError(`a consent listener failed: ${(error as Error)?.message}`);
      }
  }
}
