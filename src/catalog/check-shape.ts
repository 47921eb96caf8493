import { type Shape, TEXT_MAX } from './shape.js';

/** The message for text of the wrong form; the command line adds what the form is (cli/problem-hints.ts). */
export const NOT_IN_FORM = 'is not in the expected form';
export const MISSING = 'is required but missing';

/** The message for a key that does not belong; the command line adds which keys do. */
export const UNKNOWN_KEY = 'unknown key';

/** One thing wrong with a value, at a JSON path such as `categories[1].cookies[0].expires`. */
export interface Problem {
  path: string;
  message: string;
}

/** A JSON object: not null, not a list. */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Compiled once each: a catalogue checks the same few patterns many times over. */
const compiled = new Map<string, RegExp>();
const matches = (pattern: string, value: string) => {
  let regExp = compiled.get(pattern);
  if (!regExp) compiled.set(pattern, (regExp = new RegExp(pattern)));
  return regExp.test(value);
};

const describe = (value: unknown) => (Array.isArray(value) ? 'a list' : isObject(value) ? 'an object' : JSON.stringify(value));

/** Checks `value` against `shape`, adding every problem found (not just the first). */
export function checkShape(shape: Shape, value: unknown, path: string, problems: Problem[]): void {
  const at = (key: string) => (path ? `${path}.${key}` : key);
  const fail = (message: string, where = path || '(top level)') => {
    problems.push({ path: where, message });
  };
  const expected = (what: string) => fail(`expected ${what}, found ${describe(value)}`);
  switch (shape.kind) {
    case 'text':
      if (typeof value !== 'string') expected('text');
      else if (value.length > TEXT_MAX) fail(`is longer than ${TEXT_MAX} characters`);
      else if (shape.pattern && !matches(shape.pattern, value)) fail(`${JSON.stringify(value)} ${NOT_IN_FORM}`);
      return;
    case 'whole':
      if (!Number.isInteger(value) || (value as number) < shape.min || (value as number) > (shape.max ?? Infinity))
        expected(`a whole number of at least ${shape.min}${shape.max ? ` and at most ${shape.max}` : ''}`);
      return;
    case 'yesno':
      if (typeof value !== 'boolean') expected('true or false');
      return;
    case 'oneof':
      if (!shape.values.includes(value as string)) expected(`one of ${shape.values.join(', ')}`);
      return;
    case 'list':
      if (!Array.isArray(value)) {
        expected('a list');
        return;
      }
      if (value.length < shape.min) fail(`expected at least ${shape.min} item(s)`);
      for (const [index, item] of value.entries()) checkShape(shape.of, item, `${path}[${index}]`, problems);
      return;
    case 'map':
    case 'record': {
      if (!isObject(value)) {
        expected('an object');
        return;
      }
      const known: Record<string, Shape> = shape.kind === 'map' ? {} : { ...shape.optional, ...shape.required };
      if (shape.kind === 'record') for (const key in shape.required) if (!(key in value)) fail(MISSING, at(key));
      for (const key of Object.keys(value)) {
        const inner = shape.kind === 'map' ? matches(shape.keys, key) && shape.of : Object.hasOwn(known, key) && known[key];
        if (inner) checkShape(inner, value[key], at(key), problems);
        else fail(UNKNOWN_KEY, at(key));
      }
      return;
    }
    case 'either':
      // Only an object can be meant for the second shape (a map); anything else, for the first.
      checkShape(isObject(value) ? shape.second : shape.first, value, path, problems);
  }
}
