import { checkShape, MISSING, type Problem } from './check-shape.js';
import { type Catalog, catalogShape } from './definition.js';

export type { Problem };

export type Validation = { catalog: Catalog; problems?: undefined } | { catalog?: undefined; problems: Problem[] };

export const ESSENTIAL = 'essential';

/** Checks a parsed catalogue: its shape, then the rules a shape cannot say. */
export function validateCatalog(value: unknown): Validation {
  const problems: Problem[] = [];
  checkShape(catalogShape, value, '', problems);
  if (problems.length) return { problems };
  const catalog = value as Catalog;
  const seen = new Set<string>();
  catalog.categories.forEach((category, index) => {
    if (seen.has(category.id))
      problems.push({ path: `categories[${index}].id`, message: `"${category.id}" is used by an earlier category` });
    seen.add(category.id);
    if (category.id === ESSENTIAL && category.basis)
      problems.push({ path: `categories[${index}].basis`, message: 'essential cookies need no basis: they are always on' });
  });
  const mapped = catalog.migrate?.cookieControl?.categories ?? {};
  for (const [theirs, ours] of Object.entries(mapped))
    if (!seen.has(ours) || ours === ESSENTIAL)
      problems.push({
        path: `migrate.cookieControl.categories.${theirs}`,
        message: `"${ours}" is not an optional category of this catalogue`,
      });
  // A cookie's purpose and lifetime are required; only a draft may leave one out, where its review note says why.
  for (const [i, category] of catalog.categories.entries())
    for (const [j, cookie] of category.cookies.entries())
      for (const key of ['purpose', 'expires'] as const) {
        const path = `categories[${i}].cookies[${j}].${key}`;
        if (!(key in cookie || catalog.review?.[path])) problems.push({ path, message: MISSING });
      }
  if (catalog.consentCookie.name.includes('*'))
    problems.push({ path: 'consentCookie.name', message: 'must be an exact cookie name, not a glob' });
  return problems.length ? { problems } : { catalog };
}

/** Problems as lines a person can act on: `categories[1].cookies[0].expires: ...`. */
export const describeProblems = (problems: Problem[]) => problems.map((p) => `${p.path}: ${p.message}`);
