/** A cookie as the browser holds it at the end of a phase. */
export interface ObservedCookie {
  name: string;
  domain: string;
  path: string;
  /** When it expires (ISO time), or null for a session cookie. */
  expires: string | null;
  /** Seconds from when it was recorded until it expires, or null for a session cookie. */
  lifetimeSeconds: number | null;
  party: 'first' | 'third';
  httpOnly: boolean;
  secure: boolean;
  sameSite: string;
}

export interface StorageKey {
  origin: string;
  key: string;
}

/** What one fresh browser profile held after one way of answering the banner. */
export interface PhaseRecord {
  /** What was done: "opened the page", "accepted with the banner's button", ... */
  steps: string[];
  cookies: ObservedCookie[];
  /**
   * Cookies page scripts set during the phase that were gone by its end: deleted again
   * (e.g. by the library, cleaning up after a tag that ran too early) or expired.
   */
  setThenRemoved: ObservedCookie[];
  localStorage: StorageKey[];
  /** The page's `CookieConsent.getConsent()` at the end, when it uses the library. */
  consent?: unknown;
  /** The library's own console messages (e.g. cookies it cannot delete). */
  libraryMessages: string[];
}

/** A phase that was not run, and why. */
export interface SkippedPhase {
  skipped: string;
}

export type PhaseName = 'noChoice' | 'accepted' | 'rejected';

export const PHASE_TITLES: Record<PhaseName, string> = {
  noChoice: 'no choice made',
  accepted: 'after accepting',
  rejected: 'after accepting then rejecting',
};
