import { catalogJsonSchema } from '../../cli/json-schema.js';
import { segmentsOf } from './paths.js';

type Schema = { description?: string; properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[] };

const schema = catalogJsonSchema() as Schema;

/**
 * The help a field shows: its description in cookie-catalogs/catalog.schema.json (the one the
 * command line writes, from the same definition), found by the field's JSON path.
 */
export function fieldHelp(path: string): string {
  let at: Schema | undefined = schema;
  for (const segment of segmentsOf(path)) {
    if (!at) return '';
    if (typeof segment === 'number') {
      at = at.items;
      continue;
    }
    // Resident-facing text is text or a map of languages: its description is on the key, not the branch.
    const object: Schema | undefined = at.properties ? at : at.anyOf?.find((branch) => branch.properties);
    at = object?.properties?.[segment];
  }
  return at?.description ?? '';
}
