import { isObject } from '../catalog/check-shape.js';
import type { Catalog } from '../catalog/definition.js';
import { ESSENTIAL } from '../catalog/essential.js';

/** How a choice was made, as sent to the consent log. */
export const CONSENT_METHODS = ['accept', 'reject', 'preferences', 'placeholder', 'api', 'migrated'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/**
 * The resident's choice, as stored (JSON) in the consent cookie:
 * `{"revision":1,"time":1764000000000,"consentId":"<uuid v4>","method":"accept","categories":{"analytics":true}}`.
 * `categories` holds each optional category the resident has answered; one left out is unanswered.
 */
export interface ConsentRecord {
  revision: number;
  time: number;
  consentId: string;
  method: ConsentMethod;
  categories: Record<string, boolean>;
}

const RECORD_KEYS = ['revision', 'time', 'consentId', 'method', 'categories'];
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const DAY_MS = 86400000;
/** How far ahead of this browser's clock a stored time may be (a clock set back a little): ten minutes. */
export const CLOCK_SKEW_MS = 600000;
const MAX_COOKIE_LENGTH = 4096;

export const optionalCategoryIds = (catalog: Catalog) => catalog.categories.map((category) => category.id).filter((id) => id !== ESSENTIAL);

/** JSON.parse that gives undefined instead of throwing. */
export function parse(raw: unknown): unknown {
  try {
    // No cookie is the common case: no exception thrown (and its stack captured) for it.
    return typeof raw === 'string' ? JSON.parse(raw) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a stored choice strictly: anything but the exact documented format of the current
 * revision, unexpired, is no choice (undefined). Never throws.
 */
export function parseConsentRecord(raw: unknown, catalog: Catalog, now = Date.now()): ConsentRecord | undefined {
  const value = typeof raw === 'string' && raw.length <= MAX_COOKIE_LENGTH ? parse(raw) : undefined;
  if (!isObject(value)) return undefined;
  const optional = optionalCategoryIds(catalog);
  // One test per field, each accepting exactly the documented type; no other key may be present.
  // biome-ignore lint/suspicious/noExplicitAny: each test narrows its own field.
  const valid: Record<string, (field: any) => boolean> = {
    revision: (revision) => revision === catalog.revision,
    time: (time) =>
      Number.isInteger(time) && time > 0 && time <= now + CLOCK_SKEW_MS && time + catalog.consentCookie.expiresDays * DAY_MS > now,
    consentId: (id) => typeof id === 'string' && UUID.test(id),
    method: (method) => CONSENT_METHODS.includes(method),
    categories: (answers) =>
      isObject(answers) && Object.keys(answers).every((id) => optional.includes(id) && typeof answers[id] === 'boolean'),
  };
  const keys = Object.keys(value);
  if (keys.length !== RECORD_KEYS.length || !RECORD_KEYS.every((key) => Object.hasOwn(value, key) && valid[key](value[key])))
    return undefined;
  // Exactly the JSON this library writes: a key given twice ({"analytics":false,"analytics":true}) or
  // anything else JSON.parse tolerates but we never write is tampering.
  if (JSON.stringify(value) !== raw) return undefined;
  const { revision, time, consentId, method, categories } = value as unknown as ConsentRecord;
  // A fresh object: nothing from the parsed value but its own boolean answers.
  return { revision, time, consentId, method, categories: Object.fromEntries(Object.entries(categories)) };
}

/** A category's own answer, never one inherited from Object.prototype (`constructor`, `toString`). */
export const ownAnswer = <T>(answers: Record<string, T> | undefined, id: string): T | undefined =>
  answers && Object.hasOwn(answers, id) ? answers[id] : undefined;

/** The cookie's value; records are always built with their keys in the documented order. */
export const serializeConsentRecord = (record: ConsentRecord) => JSON.stringify(record);

/** The consent id of any well-formed stored value, even one no longer valid as a choice. */
export function readConsentId(raw: unknown): string | undefined {
  const id = (parse(raw) as { consentId?: unknown } | undefined)?.consentId;
  return typeof id === 'string' && UUID.test(id) ? id : undefined;
}

/** A random version-4 UUID; crypto.randomUUID is missing outside secure contexts (plain http). */
export const newConsentId = (): string =>
  // Each 0, 1 or 8 of the template becomes a random hex digit; the 4 and the variant bits stay.
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (digit) =>
    (+digit ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (+digit / 4)))).toString(16),
  );
