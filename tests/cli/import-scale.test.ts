import { describe, expect, test } from 'vitest';
import { validateCatalog } from '../../src/catalog/validate.js';
import { ImportError, importPolicy, MAX_INPUT_CHARS } from '../../src/cli/import/import-policy.js';
import { readCookieRows } from '../../src/cli/import/read-cookie-rows.js';

/**
 * `import` grows linearly with its input and never overflows the stack. Growth is judged by
 * counting work, not by timing: while one import runs, the built-in array, string and
 * RegExp methods are wrapped to count what they do (an array method costs its array's
 * length, a slice what it copies, each element an iteration visits one, a string or RegExp
 * call one plus one per 64 characters it reads). Work that grows linearly gives a ratio near 4 for an input
 * 4 times larger; copying a growing list per row, or rescanning the page per line, gives 10
 * or more. Times are measured by `npm run bench:import`, not here.
 */

type Method = (this: unknown, ...args: unknown[]) => unknown;

function countWork(run: () => void): number {
  let work = 0;
  const restore: (() => void)[] = [];
  const wrap = (target: object, key: PropertyKey, cost: (self: unknown, args: unknown[], result: unknown) => number) => {
    const original = (target as Record<PropertyKey, Method>)[key];
    (target as Record<PropertyKey, Method>)[key] = function (this: unknown, ...args: unknown[]) {
      const result = original.apply(this, args);
      work += cost(this, args, result);
      return result;
    };
    restore.push(() => {
      (target as Record<PropertyKey, Method>)[key] = original;
    });
  };
  const length = (value: unknown) => (value as { length?: number })?.length ?? 0;
  for (const key of ['map', 'filter', 'forEach', 'some', 'every', 'find', 'findIndex', 'includes', 'indexOf', 'lastIndexOf'])
    wrap(Array.prototype, key, (self) => 1 + length(self));
  for (const key of ['concat', 'join', 'reduce', 'flat', 'flatMap', 'splice', 'sort', 'fill'])
    wrap(Array.prototype, key, (self) => 1 + length(self));
  for (const key of ['split', 'indexOf', 'lastIndexOf', 'includes', 'replace', 'match', 'matchAll', 'search', 'trim'])
    wrap(String.prototype, key, (self) => 1 + Math.floor(length(self) / 64));
  // A slice costs what it copies.
  wrap(Array.prototype, 'slice', (_, __, result) => 1 + length(result));
  wrap(String.prototype, 'slice', (_, __, result) => 1 + Math.floor(length(result) / 64));
  // A RegExp call costs what it reads: from its lastIndex (global, sticky) to the end of its match.
  const exec = RegExp.prototype.exec;
  RegExp.prototype.exec = function (this: RegExp, input: string) {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const match = exec.call(this, input);
    const end = match ? match.index + match[0].length : this.sticky ? from + 1 : length(input);
    work += 1 + Math.floor(Math.max(0, end - from) / 64);
    return match;
  };
  restore.push(() => {
    RegExp.prototype.exec = exec;
  });
  // Every element a spread, for…of or Array.from visits.
  const iterate = Array.prototype[Symbol.iterator];
  Array.prototype[Symbol.iterator] = function (this: unknown[]) {
    const inner = iterate.call(this);
    return {
      next: () => {
        work++;
        return inner.next();
      },
      [Symbol.iterator]() {
        return this;
      },
    } as ArrayIterator<unknown>;
  };
  restore.push(() => {
    Array.prototype[Symbol.iterator] = iterate;
  });
  try {
    run();
  } finally {
    for (const undo of restore.reverse()) undo();
  }
  return work;
}

const pipeRows = (n: number) => {
  const lines = ['| Name | Purpose | Expires |', '|---|---|---|'];
  for (let i = 0; i < n; i++) lines.push(`| council_cookie_${i} | Remembers setting ${i} for you | ${1 + (i % 11)} months |`);
  return lines.join('\n');
};
const htmlRows = (n: number) => {
  const rows = ['<h2>Functional cookies</h2><table><tr><th>Cookie</th><th>What it does</th><th>Lasts for</th></tr>'];
  for (let i = 0; i < n; i++) rows.push(`<tr><td>pref_${i}</td><td>Remembers choice ${i}.</td><td>${1 + (i % 9)} days</td></tr>`);
  return `${rows.join('\n')}</table>`;
};
const nested = (depth: number, open: string, close: string) =>
  `${open.repeat(depth)}<table><tr><th>Name</th><th>Purpose</th><th>Expires</th></tr><tr><td>_ga</td><td>Counts visits.</td><td>2 years</td></tr></table>${close.repeat(depth)}`;

/** Work for an input 4 times larger, over work for the input: near 4 when linear. */
function growth(make: (n: number) => string, n: number): number {
  importPolicy(make(n)); // Warm the caches, so both runs are measured alike.
  const small = countWork(() => importPolicy(make(n)));
  const large = countWork(() => importPolicy(make(4 * n)));
  return large / small;
}

describe('import at scale', () => {
  test('HTML nested 100,000 deep (ten times the depth that once overflowed the stack) is read to the end, the cookie table inside it too', () => {
    for (const [open, close] of [
      ['<div>', '</div>'],
      ['<table><tr><td>', '</td></tr></table>'],
      ['<dl><dd>', '</dd></dl>'],
    ]) {
      const { catalog } = importPolicy(nested(100_000, open, close));
      expect(catalog.categories.flatMap((c) => c.cookies).map((c) => c.name)).toContain('_ga');
      expect(validateCatalog(catalog).problems).toBeUndefined();
    }
  });

  test('a table of 200,000 rows is read (a spread of them once overflowed the stack)', () => {
    const table = [['Cookie', 'What it does', 'Lasts for']];
    for (let i = 0; i < 200_000; i++) table.push([`pref_${i}`, `Remembers choice ${i}.`, '2 days']);
    const { rows } = readCookieRows([
      { kind: 'heading', text: 'Functional cookies' },
      { kind: 'table', rows: table },
    ]);
    expect(rows).toHaveLength(200_000);
    expect(rows[199_999]).toMatchObject({ names: 'pref_199999', purpose: 'Remembers choice 199999.', expires: '2 days' });
  });

  test('input beyond the limit is refused with a clear message, before any reading', () => {
    const huge = ' '.repeat(MAX_INPUT_CHARS + 1);
    expect(() => importPolicy(huge)).toThrow(ImportError);
    expect(() => importPolicy(huge)).toThrow(/the input is 67108865 characters; the most import reads is 67108864 \(64 MiB\)/);
  });
  // Last: wrapping the built-ins slows them for the rest of the process, so the large inputs go first.
  test.each([
    ['pipe-table rows', pipeRows, 500],
    ['HTML table rows', htmlRows, 500],
    [
      'rows copied with nothing between cells',
      (n: number) =>
        `NamePurposeExpires\n${Array.from({ length: n }, (_, i) => `pref_${i}Remembers choice ${i}${1 + (i % 9)} days`).join('\n')}`,
      500,
    ],
    ['one long glued line', (n: number) => `_gaThese ${'xAb'.repeat(n)}`, 20000],
    ['one long line of text', (n: number) => `Cookies ${'word '.repeat(n)}`, 20000],
    ['nested <div>s', (n: number) => nested(n, '<div>', '</div>'), 2000],
    ['nested layout tables', (n: number) => nested(n, '<table><tr><td><h3>Cookies</h3>', '</td></tr></table>'), 500],
    ['nested lists', (n: number) => nested(n, '<ul><li>', '</li></ul>'), 2000],
    ['unclosed <b>s', (n: number) => nested(n, '<b>', ''), 2000],
  ])('%s: 4 times the input is about 4 times the work', (_, make, n) => {
    const ratio = growth(make, n);
    expect(ratio).toBeGreaterThan(3);
    expect(ratio).toBeLessThan(5);
  });
});
