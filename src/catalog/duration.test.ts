import { describe, expect, it } from 'vitest';
import { durationInWords, durationSeconds } from './duration.js';

describe('durationInWords', () => {
  it('renders the durations the councils’ policies use, in English', () => {
    expect(durationInWords('P2Y', 'en', 'session')).toBe('2 years');
    expect(durationInWords('PT24H', 'en', 'session')).toBe('24 hours');
    expect(durationInWords('PT1M', 'en', 'session')).toBe('1 minute');
    expect(durationInWords('P90D', 'en', 'session')).toBe('90 days');
    expect(durationInWords('P1Y1M4D', 'en', 'session')).toBe('1 year 1 month 4 days');
    expect(durationInWords('session', 'en', 'When you close your browser')).toBe('When you close your browser');
  });

  it('renders Welsh with the singular noun and the mutated year', () => {
    expect(durationInWords('P1Y', 'cy', '')).toBe('1 flwyddyn');
    expect(durationInWords('P2Y', 'cy', '')).toBe('2 flynedd');
    expect(durationInWords('P3Y', 'cy', '')).toBe('3 blynedd');
    expect(durationInWords('PT24H', 'cy', '')).toBe('24 awr');
    expect(durationInWords('P1DT2H', 'cy', '')).toBe('1 diwrnod 2 awr');
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
