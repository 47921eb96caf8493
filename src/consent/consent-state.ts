import type { Catalog } from '../catalog/definition.js';
import { ESSENTIAL } from '../catalog/validate.js';
import { reportError } from '../console.js';
import {
  type ConsentMethod,
  type ConsentRecord,
  newConsentId,
  optionalCategoryIds,
  parseConsentRecord,
  readConsentId,
  serializeConsentRecord,
} from './consent-record.js';

/** Where the choice is kept: the consent cookie, or a stand-in in tests. */
export interface ConsentStorage {
  read(): string | undefined;
  write(value: string): boolean;
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
}

export type ConsentListener = (change: ConsentChange) => void;

/**
 * The resident's consent for one page view: the stored choice, what is granted because
 * of it (or of the defaults while it is missing), and the listeners told of each change.
 * Views call it; effects listen to it.
 */
export class ConsentState {
  record: ConsentRecord | undefined;
  /** False when the last choice could not be stored (cookies disabled): it holds for this page view only. */
  stored = true;
  #listeners = new Set<ConsentListener>();
  readonly optionalIds: string[];

  readonly #storage: ConsentStorage;
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
    const stored = storage.read();
    this.record = parseConsentRecord(stored, catalog);
    // Only an unusable cookie needs reading again, for the id it may still carry.
    this.#earlierId = this.record ? undefined : readConsentId(stored);
  }

  #category(id: string) {
    return this.catalog.categories.find((category) => category.id === id);
  }

  isExempt(id: string): boolean {
    return this.#category(id)?.basis === 'statistics-exemption';
  }

  answered(id: string): boolean {
    return this.record?.categories[id] !== undefined;
  }

  isGranted(id: string): boolean {
    if (id === ESSENTIAL) return true;
    if (!this.optionalIds.includes(id)) return false;
    // The statistics exemption lasts only while the resident has not objected, and GPC objects;
    // an explicit answer (even under GPC) is the resident's own and holds.
    return this.record?.categories[id] ?? (this.isExempt(id) && !this.gpc);
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

  /** Records answers for some or all optional categories; the others keep theirs. */
  choose(answers: Record<string, boolean>, method: ConsentMethod, time = Date.now()): void {
    const previous = this.granted();
    const given: Record<string, boolean> = {};
    for (const id of this.optionalIds) if (typeof answers[id] === 'boolean') given[id] = answers[id];
    const consentId = this.record?.consentId ?? this.#earlierId ?? newConsentId();
    this.adopt(
      { revision: this.catalog.revision, time, consentId, method, categories: { ...this.record?.categories, ...given } },
      previous,
      given,
    );
  }

  /** Takes over a whole record (a new choice, or one migrated from another tool) and stores it. */
  adopt(record: ConsentRecord, previous = this.granted(), answers = record.categories): void {
    this.record = record;
    this.stored = this.#storage.write(serializeConsentRecord(record));
    this.#emit({ granted: this.granted(), previous, answers, method: record.method, record });
  }

  answerAll(answer: boolean, method: ConsentMethod): void {
    this.choose(Object.fromEntries(this.optionalIds.map((id) => [id, answer])), method);
  }

  /** Forgets the choice: the cookie is removed and the defaults apply again. */
  reset(): void {
    const previous = this.granted();
    this.#storage.remove();
    this.record = this.#earlierId = undefined;
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
