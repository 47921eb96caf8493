import { isObject, type Problem } from '../catalog/check-shape.js';
import { ESSENTIAL } from '../catalog/validate.js';

/** A glob with fewer fixed characters than this (`_*`, `s_*`) matches more than anyone means. */
const FEWEST_FIXED_CHARACTERS = 3;

/**
 * Globs that are legal but broad: `validate` warns about them and still passes the catalogue
 * (a warning never changes the exit code). A bare `*` is not broad but an error (validate.ts).
 */
export function broadGlobWarnings(value: unknown): Problem[] {
  const warnings: Problem[] = [];
  const categories = isObject(value) && Array.isArray(value.categories) ? value.categories : [];
  categories.forEach((category: unknown, index) => {
    if (!isObject(category) || !Array.isArray(category.cookies)) return;
    category.cookies.forEach((cookie: unknown, n) => {
      const name = isObject(cookie) ? cookie.name : undefined;
      if (typeof name !== 'string' || !name.includes('*')) return;
      const fixed = name.replace(/\*/g, '').length;
      if (fixed === 0 || fixed >= FEWEST_FIXED_CHARACTERS) return;
      warnings.push({
        path: `categories[${index}].cookies[${n}].name`,
        message:
          category.id === ESSENTIAL
            ? `"${name}" is a broad glob: every cookie it matches counts as essential, so an audit cannot find them undeclared; prefer exact names or a narrower glob`
            : `"${name}" is a broad glob: a refusal deletes every cookie it matches, the site’s own too; prefer exact names or a narrower glob such as "_ga_*"`,
      });
    });
  });
  return warnings;
}
