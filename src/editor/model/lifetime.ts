import { parseDuration } from '../../catalog/duration.js';

/**
 * A cookie's lifetime as the form shows it: "when the browser closes", or one or more amounts
 * of a unit (2 years; 1 year 6 months), never an ISO-8601 duration to type.
 */
export const LIFETIME_UNITS = [
  { unit: 'Y', one: 'year', many: 'years' },
  { unit: 'M', one: 'month', many: 'months' },
  { unit: 'W', one: 'week', many: 'weeks' },
  { unit: 'D', one: 'day', many: 'days' },
  { unit: 'H', one: 'hour', many: 'hours' },
  { unit: 'MT', one: 'minute', many: 'minutes' },
  { unit: 'S', one: 'second', many: 'seconds' },
] as const;
export type LifetimeUnit = (typeof LIFETIME_UNITS)[number]['unit'];

export interface LifetimePart {
  /** As typed: checked when the lifetime is written. */
  amount: string;
  unit: LifetimeUnit;
}

export type Lifetime =
  | { kind: 'session' }
  | { kind: 'time'; parts: LifetimePart[] }
  /** Absent, or written in a form the library cannot read (kept as it is until chosen again). */
  | { kind: 'unset'; written?: unknown };

/** The form's view of a catalogue's `expires`. */
export function lifetimeOf(expires: unknown): Lifetime {
  if (typeof expires !== 'string') return { kind: 'unset', written: expires };
  const parts = parseDuration(expires);
  if (parts === null) return { kind: 'session' };
  if (!parts || !Object.keys(parts).length) return { kind: 'unset', written: expires };
  return {
    kind: 'time',
    parts: LIFETIME_UNITS.filter(({ unit }) => parts[unit] !== undefined).map(({ unit }) => ({ amount: String(parts[unit]), unit })),
  };
}

/** Why a part's amount cannot be written, in words; undefined when it can. */
export function amountProblem(amount: string): string | undefined {
  if (!amount.trim()) return 'Enter how many, as a whole number such as 2';
  if (!/^\s*\d{1,9}\s*$/.test(amount)) return `“${amount}” is not a whole number: enter how many, such as 2`;
  return undefined;
}

/**
 * The ISO-8601 duration the catalogue keeps (`P1Y6M`, `PT30M`, `session`), or the problem that
 * stops the lifetime from being written. Amounts of one unit given twice are added up.
 */
export function writeLifetime(lifetime: Lifetime): { expires: string; problem?: undefined } | { expires?: undefined; problem: string } {
  if (lifetime.kind === 'session') return { expires: 'session' };
  if (lifetime.kind === 'unset' || !lifetime.parts.length) return { problem: 'Choose how long the cookie lasts' };
  const totals = new Map<LifetimeUnit, number>();
  for (const { amount, unit } of lifetime.parts) {
    const problem = amountProblem(amount);
    if (problem) return { problem };
    totals.set(unit, (totals.get(unit) ?? 0) + Number(amount.trim()));
  }
  const amountOf = (unit: LifetimeUnit) => (totals.has(unit) ? `${totals.get(unit)}${unit === 'MT' ? 'M' : unit}` : '');
  const date = (['Y', 'M', 'W', 'D'] as const).map(amountOf).join('');
  const time = (['H', 'MT', 'S'] as const).map(amountOf).join('');
  return { expires: `P${date}${time ? `T${time}` : ''}` };
}

/** A lifetime in English words, for "what changed" and suggestions: `P1Y6M` → "1 year 6 months". */
export function lifetimeInWords(expires: unknown): string {
  const lifetime = lifetimeOf(expires);
  if (lifetime.kind === 'session') return 'until the browser closes';
  if (lifetime.kind === 'unset') return lifetime.written === undefined ? 'not given' : `“${String(lifetime.written)}”`;
  return lifetime.parts
    .map(({ amount, unit }) => {
      const words = LIFETIME_UNITS.find((u) => u.unit === unit)!;
      return `${amount} ${amount === '1' ? words.one : words.many}`;
    })
    .join(' ');
}
