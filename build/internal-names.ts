/**
 * Internal member names that terser may shorten in the script-tag build. Only names that no
 * page, test, catalogue, stored cookie, wording override, event or Lit ever reads may be
 * listed: the public API (`window.CookieConsent`), catalogue and cookie keys, wording keys
 * (a catalogue's `text` overrides them by name), event details and DOM names keep theirs.
 * `#private` members are shortened anyway. tests/build/internal-names.test.ts checks the list
 * against every name a catalogue, a cookie or a wording override can use.
 */
export const INTERNAL_NAMES =
  /^(isGranted|answerAll|optionalIds|needsAnswer|isExempt|answered|adopt|wording|stored|subscribe|previous|answers|record|block|unblock|context)$/;
