import { createHash } from 'node:crypto';
import { isObject } from '../catalog/check-shape.js';
import { CONSENT_METHODS, DAY_MS, UUID } from '../consent/consent-record.js';

/** A receipt as the library sends it to `consentLog.url` for every choice: nothing else about the resident. */
export interface Receipt {
  consentId: string;
  /** When the choice was made, by the resident's clock (ms since 1970). */
  time: number;
  revision: number;
  site: string;
  categories: Record<string, boolean>;
  method: string;
}

/** A receipt as kept: what was sent, and when this service received it (by its own clock). */
export interface StoredReceipt extends Receipt {
  receivedAt: number;
}

/** Whether a receipt grants every category it answers, refuses every one, or some of each. */
export type Outcome = 'accepted' | 'rejected' | 'partial' | 'none';

const RECEIPT_KEYS = ['consentId', 'time', 'revision', 'site', 'categories', 'method'] as const;
const CATEGORY_ID = /^[a-z][a-z0-9_-]{0,63}$/;
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;
const MAX_CATEGORIES = 50;
/** Choices older than this cannot be real (a Cookie Control choice migrated keeps its own date, so not "recent"). */
const EARLIEST_CHOICE = Date.UTC(2000, 0, 1);

export type ReceiptCheck = { receipt: Receipt; reason?: undefined } | { receipt?: undefined; reason: string };

/**
 * Checks a parsed body against the documented receipt shape, field by field, and returns a fresh
 * object built from the checked fields only. `now` bounds the choice time (a day of clock skew allowed).
 */
export function checkReceipt(value: unknown, now = Date.now()): ReceiptCheck {
  if (!isObject(value)) return { reason: 'the body must be a JSON object' };
  const unknown = Object.keys(value).find((key) => !(RECEIPT_KEYS as readonly string[]).includes(key));
  if (unknown !== undefined) return { reason: `unknown field "${unknown.slice(0, 40)}"` };
  const missing = RECEIPT_KEYS.find((key) => !Object.hasOwn(value, key));
  if (missing) return { reason: `missing field "${missing}"` };
  const { consentId, time, revision, site, categories, method } = value;
  if (typeof consentId !== 'string' || !UUID.test(consentId)) return { reason: 'consentId must be a version-4 UUID in lower case' };
  if (!Number.isSafeInteger(time) || (time as number) < EARLIEST_CHOICE || (time as number) > now + DAY_MS)
    return { reason: 'time must be the time of the choice in whole milliseconds since 1970, not in the future' };
  if (!Number.isSafeInteger(revision) || (revision as number) < 1 || (revision as number) > 1_000_000)
    return { reason: 'revision must be a whole number from 1' };
  if (typeof site !== 'string' || !HOST_NAME.test(site)) return { reason: 'site must be a host name' };
  if (typeof method !== 'string' || !(CONSENT_METHODS as readonly string[]).includes(method))
    return { reason: `method must be one of ${CONSENT_METHODS.join(', ')}` };
  if (!isObject(categories)) return { reason: 'categories must be an object of category id to true or false' };
  const answers = Object.entries(categories);
  if (answers.length > MAX_CATEGORIES) return { reason: `categories may hold at most ${MAX_CATEGORIES} categories` };
  for (const [id, answer] of answers) {
    if (!CATEGORY_ID.test(id)) return { reason: `categories: "${id.slice(0, 40)}" is not a category id` };
    if (typeof answer !== 'boolean') return { reason: `categories.${id} must be true or false` };
  }
  return {
    receipt: {
      consentId,
      time: time as number,
      revision: revision as number,
      site: site.toLowerCase(),
      categories: sortedCategories(categories as Record<string, boolean>),
      method,
    },
  };
}

/** Categories with their ids in alphabetical order, so equal answers print and hash alike on every database. */
export const sortedCategories = (categories: Record<string, boolean>): Record<string, boolean> =>
  Object.fromEntries(Object.entries(categories).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export function outcomeOf(categories: Record<string, boolean>): Outcome {
  const answers = Object.values(categories);
  if (!answers.length) return 'none';
  if (answers.every(Boolean)) return 'accepted';
  if (!answers.some(Boolean)) return 'rejected';
  return 'partial';
}

/**
 * What makes two receipts the same receipt: every field the resident's browser sent. A beacon
 * sent twice, or retried after a lost answer, is stored once.
 */
export function receiptDigest(receipt: Receipt): string {
  const canonical = JSON.stringify(RECEIPT_KEYS.map((key) => (key === 'categories' ? sortedCategories(receipt.categories) : receipt[key])));
  return createHash('sha256').update(canonical).digest('hex');
}
