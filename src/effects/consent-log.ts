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

/**
 * Sends every choice made on this page (never a plain page load, nor a choice read from
 * another tab, which that tab sent) to `consentLog.url`, without ever waiting on it. Only
 * the receipt leaves: no referrer (a beacon would send the page's full address), no
 * cookies to a log on another site, no redirect; a failed send is said in the console.
 */
export function connectConsentLog(state: ConsentState): void {
  const url = state.catalog.consentLog?.url;
  if (!url) return;
  const cannot = (why: string) => warn(`the consent log at ${url} ${why}; the choice itself is kept`);
  state.subscribe((change) => {
    const entry = !change.elsewhere && change.method && consentSnapshot(state);
    if (!entry) return;
    fetch(url, {
      method: 'POST',
      // A CORS-safelisted type, so the receipt needs no preflight, as a beacon's would.
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(entry),
      keepalive: true,
      referrerPolicy: 'no-referrer',
      credentials: new URL(url, location.href).origin === location.origin ? 'same-origin' : 'omit',
      redirect: 'error',
    }).then(
      (response) => response.ok || cannot(`answered HTTP ${response.status}`),
      // The request may well have arrived: fetch cannot tell a log that refused CORS from one that is down.
      (error: Error) => cannot(`could not be reached, or did not allow this site by CORS (${error.message})`),
    );
  });
}
