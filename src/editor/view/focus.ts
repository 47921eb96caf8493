import type { EditorApp } from '../editor-app.js';

/**
 * Focus after a change that moves or replaces what had it (a category moved up, a cookie added,
 * removed or moved to another category): the next render's element, found by selector.
 */
export function focusAfterRender(app: EditorApp, selector: string): void {
  const move = () => {
    app.afterRender.delete(move);
    app.root.querySelector<HTMLElement>(selector)?.focus();
  };
  app.afterRender.add(move);
}

const keys = new WeakMap<object, number>();
let lastKey = 0;

/** A key for an object of the catalogue that stays with it when it moves (ids from it follow the cookie, not its position). */
export function keyOf(object: object): number {
  let key = keys.get(object);
  if (key === undefined) keys.set(object, (key = ++lastKey));
  return key;
}
