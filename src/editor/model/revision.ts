type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What a resident is asked to agree to: the categories (their ids, basis and Consent Mode types)
 * and which cookies each holds, for how long and for whom (lifetime, provider, domain). Wording
 * changes, a purpose reworded included, leave it as it was: the officer judges those.
 */
function whatIsAsked(catalog: unknown): string {
  const categories = isObject(catalog) && Array.isArray(catalog.categories) ? catalog.categories.filter(isObject) : [];
  return JSON.stringify(
    categories.map((category) => [
      category.id,
      category.basis ?? 'consent',
      category.googleConsentMode ?? [],
      (Array.isArray(category.cookies) ? category.cookies.filter(isObject) : [])
        .map((cookie) => JSON.stringify([cookie.name, cookie.expires, cookie.provider ?? null, cookie.domain ?? null]))
        .sort(),
    ]),
  );
}

/**
 * The revision to propose, when the categories or cookies changed since a published catalogue
 * was opened and the revision has not been raised: residents are asked again only when it is.
 */
export function proposedRevision(start: unknown, current: unknown): number | undefined {
  if (!isObject(start) || !isObject(current)) return undefined;
  const [was, now] = [start.revision, current.revision];
  if (typeof was !== 'number' || !Number.isInteger(was)) return undefined;
  if (typeof now === 'number' && now > was) return undefined;
  return whatIsAsked(start) === whatIsAsked(current) ? undefined : was + 1;
}
