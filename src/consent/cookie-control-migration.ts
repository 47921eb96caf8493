import { isObject } from '../catalog/check-shape.js';
import { cookieValues, expireCookie } from '../cookies/cookie-jar.js';
import { type ConsentRecord, DAY_MS, newConsentId, parse, parseConsentRecord, serializeConsentRecord, UUID } from './consent-record.js';
import type { ConsentState } from './consent-state.js';

/**
 * Takes over a resident's answers from CivicUK Cookie Control when we hold no choice yet:
 * only an unexpired, interacted-with cookie whose mapped answers cover every optional
 * category. Returns whether it did.
 */
export function migrateCookieControl(state: ConsentState, now = Date.now()): boolean {
  const config = state.catalog.migrate?.cookieControl;
  if (!config || state.record) return false;
  let theirs: unknown;
  try {
    // Two different values of their cookie (say one on a parent domain) leave no one answer to take over.
    const values = new Set(cookieValues(config.name));
    theirs = values.size === 1 ? parse([...values][0]) : undefined;
  } catch {
    return false;
  }
  if (!isObject(theirs) || theirs.interactedWith !== true) return false;
  const { consentDate, consentExpiry, optionalCookies, user } = theirs;
  if (typeof consentDate !== 'number' || typeof consentExpiry !== 'number' || consentDate + consentExpiry * DAY_MS <= now) return false;
  if (typeof optionalCookies !== 'object' || optionalCookies === null) return false;
  const mapping = config.categories ?? Object.fromEntries(state.optionalIds.map((id) => [id, id]));
  const answers: Record<string, boolean> = {};
  for (const [theirName, ourId] of Object.entries(mapping)) {
    const answer = (optionalCookies as Record<string, unknown>)[theirName];
    if (answer !== 'accepted' && answer !== 'revoked') continue;
    const granted = answer === 'accepted';
    if (answers[ourId] !== undefined && answers[ourId] !== granted) return false;
    answers[ourId] = granted;
  }
  if (!state.optionalIds.every((id) => id in answers)) return false;
  const record: ConsentRecord = {
    revision: state.catalog.revision,
    time: consentDate,
    consentId: typeof user === 'string' && UUID.test(user) ? user : newConsentId(),
    method: 'migrated',
    categories: answers,
  };
  // Their date must also be a valid, unexpired time by our rules, or the next page would ask anyway.
  if (!parseConsentRecord(serializeConsentRecord(record), state.catalog, now)) return false;
  // Removed everywhere it may be, even when it shares our name: a copy left on another domain
  // would shadow ours and bring their old answer back.
  expireCookie(config.name);
  state.adopt(record);
  return true;
}
