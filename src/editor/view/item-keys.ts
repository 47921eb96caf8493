const keys = new WeakMap<object, number>();
let lastKey = 0;

/** A key for an object of the catalogue that stays with it when it moves (ids from it follow the cookie, not its position). */
export function keyOf(object: object): number {
  let key = keys.get(object);
  if (key === undefined) keys.set(object, (key = ++lastKey));
  return key;
}
