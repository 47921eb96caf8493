/**
 * JSON paths as the validator writes them (`categories[1].cookies[0].expires`), read and written
 * on a catalogue as it is being edited (which may be anything an opened file held).
 */

export type Segment = string | number;

/** `categories[1].cookies[0].expires` → `['categories', 1, 'cookies', 0, 'expires']`. */
export function segmentsOf(path: string): Segment[] {
  const segments: Segment[] = [];
  for (const [, key, index] of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) segments.push(index === undefined ? key : Number(index));
  return segments;
}

/** The path of `segments`, as the validator writes it. */
export const pathOf = (segments: Segment[]): string =>
  segments.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i ? `.${segment}` : segment)).join('');

const isContainer = (value: unknown): value is Record<string | number, unknown> => typeof value === 'object' && value !== null;

/** The value at `path`, or undefined where the path leads nowhere. */
export function valueAt(root: unknown, path: string | Segment[]): unknown {
  let value = root;
  for (const segment of typeof path === 'string' ? segmentsOf(path) : path) {
    if (!isContainer(value) || !Object.hasOwn(value, segment)) return undefined;
    value = value[segment];
  }
  return value;
}

/** Sets the value at `path`, making the objects on the way; `undefined` removes the key (or the list item). */
export function setValueAt(root: Record<string, unknown>, path: string | Segment[], value: unknown): void {
  const segments = typeof path === 'string' ? segmentsOf(path) : path;
  let parent: Record<string | number, unknown> = root;
  for (const segment of segments.slice(0, -1)) {
    if (!isContainer(parent[segment])) {
      if (value === undefined) return;
      parent[segment] = {};
    }
    parent = parent[segment] as Record<string | number, unknown>;
  }
  const last = segments[segments.length - 1];
  if (value === undefined) {
    if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
    else delete parent[last];
  } else parent[last] = value;
}

/** Removes the key at `path`, then every object on the way up that is left empty (`text.cy` with no overrides). */
export function removeValueAt(root: Record<string, unknown>, path: string): void {
  const segments = segmentsOf(path);
  setValueAt(root, segments, undefined);
  for (let length = segments.length - 1; length > 0; length--) {
    const above = valueAt(root, segments.slice(0, length));
    if (!isContainer(above) || Array.isArray(above) || Object.keys(above).length) return;
    setValueAt(root, segments.slice(0, length), undefined);
  }
}

/** A deep copy of JSON. */
export const copyJson = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));
