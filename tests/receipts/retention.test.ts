import { describe, expect, it } from 'vitest';
import { retentionCutoff } from '../../src/receipts/retention.js';

describe('the retention period', () => {
  const now = Date.UTC(2026, 11, 7, 10, 30);
  it.each([
    ['P2Y', Date.UTC(2024, 11, 7, 10, 30)],
    ['P18M', Date.UTC(2025, 5, 7, 10, 30)],
    ['P1Y6M', Date.UTC(2025, 5, 7, 10, 30)],
    ['P400D', now - 400 * 86_400_000],
    ['P2W1D', now - 15 * 86_400_000],
  ])('%s counts back on the calendar', (period, cutoff) => {
    expect(retentionCutoff(period, now)).toBe(cutoff);
  });

  it.each(['2Y', 'P', 'PT12H', 'P1DT1H', 'P0D', 'session', 'forever'])('%s is not a retention period', (period) => {
    expect(retentionCutoff(period, now)).toBeUndefined();
  });
});
