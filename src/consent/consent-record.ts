import type { Catalog } from '../catalog/definition.js';
import { ESSENTIAL } from '../catalog/validate.js';

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
const MAX_COOKIE_LENGTH = 4096;

export const optionalCategoryIds = (catalog: Catalog) =>
  catalog.categories.map((category) => category.id).filter((id) => id !== ESSENTIAL);

const hasExactKeys = (value: object, keys: string[]) => {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((key) => Object.prototype.hasOwnProperty.call(value, key));
};

/**
 * Reads a stored choice strictly: anything but the exact documented format of the current
 * revision, unexpired, is no choice (undefined). Never throws.
 */
export function parseConsentRecord(raw: unknown, catalog: Catalog, now = Date.now()): ConsentRecord | undefined {
  if (typeof raw !== 'string' || raw.length > MAX_COOKIE_LENGTH) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !hasExactKeys(value, RECORD_KEYS)) return undefined;
  const { revision, time, consentId, method, categories } = value as Record<string, unknown>;
  if (revision !== catalog.revision) return undefined;
  if (typeof time !== 'number' || !Number.isInteger(time) || time <= 0 || time > now + DAY_MS) return undefined;
  if (time + catalog.consentCookie.expiresDays * DAY_MS <= now) return undefined;
  if (typeof consentId !== 'string' || !UUID.test(consentId)) return undefined;
  if (!CONSENT_METHODS.includes(method as ConsentMethod)) return undefined;
  if (typeof categories !== 'object' || categories === null || Array.isArray(categories)) return undefined;
  const optional = optionalCategoryIds(catalog);
  const answers: Record<string, boolean> = {};
  for (const key of Object.keys(categories)) {
    const answer = (categories as Record<string, unknown>)[key];
    if (!optional.includes(key) || typeof answer !== 'boolean') return undefined;
    answers[key] = answer;
  }
  return { revision, time, consentId, method: method as ConsentMethod, categories: answers };
}

/** The cookie's value; records are always built with their keys in the documented order. */
export const serializeConsentRecord = (record: ConsentRecord) => JSON.stringify(record);

/** A random version-4 UUID; crypto.randomUUID is missing outside secure contexts (plain http). */
export function newConsentId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
