import { describe, expect, it } from 'vitest';
import { cy } from '../wording/cy.js';
import { en } from '../wording/en.js';
import { durationInWords, durationSeconds } from './duration.js';

describe('durationInWords', () => {
  it('renders the durations the councils’ policies use, in English', () => {
    expect(durationInWords('P2Y', en.durationUnits, 'session')).toBe('2 years');
    expect(durationInWords('PT24H', en.durationUnits, 'session')).toBe('24 hours');
    expect(durationInWords('PT1M', en.durationUnits, 'session')).toBe('1 minute');
    expect(durationInWords('P90D', en.durationUnits, 'session')).toBe('90 days');
    expect(durationInWords('P1Y1M4D', en.durationUnits, 'session')).toBe('1 year 1 month 4 days');
    expect(durationInWords('session', en.durationUnits, 'When you close your browser')).toBe('When you close your browser');
  });

  it('renders Welsh with the singular noun and the mutated year', () => {
    expect(durationInWords('P1Y', cy.durationUnits, '', 'cy')).toBe('1 flwyddyn');
    expect(durationInWords('P2Y', cy.durationUnits, '', 'cy')).toBe('2 flynedd');
    expect(durationInWords('P3Y', cy.durationUnits, '', 'cy')).toBe('3 blynedd');
    expect(durationInWords('PT24H', cy.durationUnits, '', 'cy')).toBe('24 awr');
    expect(durationInWords('P1DT2H', cy.durationUnits, '', 'cy')).toBe('1 diwrnod 2 awr');
  });

  it('chooses each form by the language’s plural rules (Intl.PluralRules), zero included', () => {
    expect(durationInWords('P0D', en.durationUnits, '', 'en')).toBe('0 days');
    expect(durationInWords('P21Y', en.durationUnits, '', 'en-GB')).toBe('21 years');
    // Welsh has the plural categories zero, one, two, few, many and other; only one and two take their own form here.
    expect(durationInWords('P0Y2M', cy.durationUnits, '', 'cy')).toBe('0 blynedd 2 mis');
    expect(durationInWords('P6D', cy.durationUnits, '', 'cy')).toBe('6 diwrnod');
  });
});

describe('durationSeconds', () => {
  it('counts seconds, and null for a session cookie', () => {
    expect(durationSeconds('PT1M')).toBe(60);
    expect(durationSeconds('PT24H')).toBe(86400);
    expect(durationSeconds('P1000D')).toBe(86400000);
    expect(durationSeconds('session')).toBeNull();
  });
});
