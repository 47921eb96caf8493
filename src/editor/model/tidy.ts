import { catalogShape } from '../../catalog/definition.js';
import type { Shape } from '../../catalog/shape.js';

/**
 * A catalogue with its keys in the definition's order (site, revision, consentCookie, categories,
 * …; a cookie's name, purpose, expires, …) whatever order the form added them in, any key the
 * definition does not have kept after them. The file then reads as the README's example does.
 */
export function tidy(value: unknown, shape: Shape = catalogShape): unknown {
  if (Array.isArray(value)) return value.map((item) => tidy(item, shape.kind === 'list' ? shape.of : shape));
  if (typeof value !== 'object' || value === null) return value;
  const object = value as Record<string, unknown>;
  if (shape.kind === 'either') return tidy(value, shape.second);
  if (shape.kind === 'map') return Object.fromEntries(Object.entries(object).map(([key, inner]) => [key, tidy(inner, shape.of)]));
  if (shape.kind !== 'record') return value;
  const known: Record<string, Shape> = { $schema: { kind: 'text' }, ...shape.required, ...shape.optional };
  const keys = [...Object.keys(known).filter((key) => key in object), ...Object.keys(object).filter((key) => !(key in known))];
  return Object.fromEntries(keys.map((key) => [key, known[key] ? tidy(object[key], known[key]) : object[key]]));
}

/** The catalogue file's text: tidy, two-space JSON, a final newline. */
export const catalogueText = (catalog: unknown) => `${JSON.stringify(tidy(catalog), null, 2)}\n`;
