const escapeRegExp = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/**
 * A test for cookie names against catalogue names, which may be globs such as `_ga_*`:
 * exact names go in a set and the globs into one regular expression, so a catalogue of
 * many thousand cookies is checked in one step per name.
 */
export function cookieNameMatcher(patterns: string[]): (name: string) => boolean {
  const exact = new Set(patterns.filter((pattern) => !pattern.includes('*')));
  const globs = patterns.filter((pattern) => pattern.includes('*'));
  const glob = globs.length
    ? new RegExp(`^(?:${globs.map((pattern) => pattern.split('*').map(escapeRegExp).join('.*')).join('|')})$`)
    : undefined;
  return (name) => exact.has(name) || !!glob?.test(name);
}

/** Whether a cookie name matches a catalogue name, which may be a glob such as `_ga_*`. */
export const matchesCookieName = (pattern: string, name: string): boolean => cookieNameMatcher([pattern])(name);
