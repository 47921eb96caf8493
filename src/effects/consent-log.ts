import type { ConsentState } from '../consent/consent-state.js';
import { warn } from '../console.js';

/** What is sent for each choice: nothing else about the resident. */
export interface ConsentLogEntry {
  consentId: string;
  time: number;
  revision: number;
  site: string;
  categories: Record<string, boolean>;
  method: string;
}

/** The fields of the current choice, as `getConsent()` returns and the consent log receives them. */
export function consentSnapshot(state: ConsentState): ConsentLogEntry | null {
  const record = state.record;
  if (!record) return null;
  const site: string = state.catalog.site.domain || location.hostname;
  return {
    consentId: record.consentId,
    time: record.time,
    revision: record.revision,
    site,
    categories: state.granted(),
    method: record.method,
  };
}

/** Sends every choice (never a plain page load) to `consentLog.url`, without ever waiting on it. */
export function connectConsentLog(state: ConsentState): void {
  const url = state.catalog.consentLog?.url;
  if (!url) return;
  state.subscribe((change) => {
    const entry = change.method && consentSnapshot(state);
    if (!entry) return;
    const body = JSON.stringify(entry);
    try {
      if (navigator.sendBeacon?.(url, new Blob([body], { type: 'application/json' }))) return;
    } catch {
      // Fall back to fetch below.
    }
    fetch(url, { method: 'POST', body, keepalive: true, headers: { 'content-type': 'application/json' } }).catch((error) =>
      warn(`the consent log at ${url} could not be reached (${(error as Error).message}); the choice itself is kept`),
    );
  });
}
