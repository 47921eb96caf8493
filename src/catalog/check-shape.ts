import type { Shape } from './shape.js';

/** One thing wrong with a value, at a JSON path such as `categories[1].cookies[0].expires`. */
export interface Problem {
  path: string;
  message: string;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : JSON.stringify(value);

const child = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** Checks `value` against `shape`, adding every problem found (not just the first). */
export function checkShape(shape: Shape, value: unknown, path: string, problems: Problem[]): void {
  const fail = (message: string): void => {
    problems.push({ path: path || '(top level)', message });
  };
  switch (shape.kind) {
    case 'text':
      if (typeof value !== 'string') return fail(`expected text, found ${describe(value)}`);
      if (shape.pattern && !new RegExp(shape.pattern).test(value))
        fail(`${JSON.stringify(value)} is not ${shape.hint ?? `of the form /${shape.pattern}/`}`);
      return;
    case 'whole':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < shape.min)
        fail(`expected a whole number of at least ${shape.min}, found ${describe(value)}`);
      return;
    case 'yesno':
      if (typeof value !== 'boolean') fail(`expected true or false, found ${describe(value)}`);
      return;
    case 'oneof':
      if (!shape.values.includes(value as string))
        fail(`expected one of ${shape.values.map((v) => JSON.stringify(v)).join(', ')}, found ${describe(value)}`);
      return;
    case 'list':
      if (!Array.isArray(value)) return fail(`expected a list, found ${describe(value)}`);
      if (value.length < shape.min) fail(`expected at least ${shape.min} item(s)`);
      value.forEach((item, index) => checkShape(shape.of, item, `${path}[${index}]`, problems));
      return;
    case 'map': {
      if (!isPlainObject(value)) return fail(`expected an object, found ${describe(value)}`);
      const keyPattern = new RegExp(shape.keys);
      for (const key of Object.keys(value)) {
        if (!keyPattern.test(key)) problems.push({ path: child(path, key), message: `unknown key: expected ${shape.keysHint}` });
        else checkShape(shape.of, value[key], child(path, key), problems);
      }
      return;
    }
    case 'record': {
      if (!isPlainObject(value)) return fail(`expected an object, found ${describe(value)}`);
      const known = { ...shape.optional, ...shape.required };
      for (const key of Object.keys(shape.required))
        if (!(key in value)) problems.push({ path: child(path, key), message: 'is required but missing' });
      for (const key of Object.keys(value)) {
        const inner = Object.prototype.hasOwnProperty.call(known, key) ? known[key] : undefined;
        if (inner) checkShape(inner, value[key], child(path, key), problems);
        else
          problems.push({
            path: child(path, key),
            message: `unknown key (allowed here: ${Object.keys(known).join(', ')})`,
          });
      }
      return;
    }
    case 'either': {
      const firstProblems: Problem[] = [];
      checkShape(shape.first, value, path, firstProblems);
      if (!firstProblems.length) return;
      const secondProblems: Problem[] = [];
      checkShape(shape.second, value, path, secondProblems);
      if (!secondProblems.length) return;
      // Report the branch the value was nearest to: an object points into the map branch.
      if (typeof value === 'object' && value !== null && secondProblems.every((p) => p.path !== (path || '(top level)')))
        problems.push(...secondProblems);
      else fail(`expected ${shape.hint}, found ${describe(value)}`);
      return;
    }
  }
}
