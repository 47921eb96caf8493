import { describe, expect, it } from 'vitest';
import { durationSeconds } from '../../catalog/duration.js';
import { lifetimeInWords, lifetimeOf, writeLifetime } from './lifetime.js';

describe('a lifetime as a number and a unit', () => {
  it.each(['P2Y', 'PT24H', 'PT1M', 'P1000D', 'P2M25D', 'P1Y11M29D', 'P1DT12H', 'PT30S', 'P3W', 'session'])(
    '%s reads into the form and is written back the same',
    (expires) => {
      expect(writeLifetime(lifetimeOf(expires))).toEqual({ expires });
    },
  );

  it('says the parts in words, as the form shows them', () => {
    expect(lifetimeOf('P1Y6M')).toEqual({
      kind: 'time',
      parts: [
        { amount: '1', unit: 'Y' },
        { amount: '6', unit: 'M' },
      ],
    });
    expect(lifetimeInWords('P1Y6M')).toBe('1 year 6 months');
    expect(lifetimeInWords('PT1M')).toBe('1 minute');
    expect(lifetimeInWords('session')).toBe('until the browser closes');
  });

  it('writes minutes after the time designator, months before it', () => {
    expect(writeLifetime({ kind: 'time', parts: [{ amount: '30', unit: 'MT' }] })).toEqual({ expires: 'PT30M' });
    expect(writeLifetime({ kind: 'time', parts: [{ amount: '3', unit: 'M' }] })).toEqual({ expires: 'P3M' });
    expect(durationSeconds(writeLifetime({ kind: 'time', parts: [{ amount: '30', unit: 'MT' }] }).expires!)).toBe(1800);
  });

  it('adds up a unit given twice, and orders the parts as ISO 8601 does', () => {
    expect(
      writeLifetime({
        kind: 'time',
        parts: [
          { amount: '2', unit: 'H' },
          { amount: '1', unit: 'Y' },
          { amount: '3', unit: 'H' },
        ],
      }),
    ).toEqual({ expires: 'P1YT5H' });
  });

  it('refuses what is not a whole number, in words', () => {
    expect(writeLifetime({ kind: 'time', parts: [{ amount: 'two', unit: 'Y' }] }).problem).toBe(
      '“two” is not a whole number: enter how many, such as 2',
    );
    expect(writeLifetime({ kind: 'time', parts: [{ amount: '1.5', unit: 'Y' }] }).problem).toMatch(/not a whole number/);
    expect(writeLifetime({ kind: 'time', parts: [{ amount: '', unit: 'Y' }] }).problem).toBe('Enter how many, as a whole number such as 2');
    expect(writeLifetime({ kind: 'unset' }).problem).toBe('Choose how long the cookie lasts');
  });

  it('keeps a lifetime the library cannot read as written, for the form to say so', () => {
    expect(lifetimeOf('2 years')).toEqual({ kind: 'unset', written: '2 years' });
    expect(lifetimeOf(undefined)).toEqual({ kind: 'unset', written: undefined });
    expect(lifetimeInWords('2 years')).toBe('“2 years”');
  });
});
