import { describe, expect, test } from 'vitest';
import { durationInWords } from '../../src/catalog/duration.js';
import { validateCatalog } from '../../src/catalog/validate.js';
import { durationFromWords } from '../../src/cli/import/duration-words.js';
import { en } from '../../src/wording/en.js';

describe('durations in words', () => {
  test.each([
    ['2 years', 'P2Y'],
    ['24 hours', 'PT24H'],
    ['1 minute', 'PT1M'],
    ['90 days', 'P90D'],
    ['1 year 1 month 4 days', 'P1Y1M4D'],
    ['1 year, 1 month and 4 days', 'P1Y1M4D'],
    ['13 Months', 'P13M'],
    ['one year', 'P1Y'],
    ['six months', 'P6M'],
    ['an hour', 'PT1H'],
    ['24hrs', 'PT24H'],
    ['30 mins', 'PT30M'],
    ['2 weeks', 'P2W'],
    ['1.5 years', 'P18M'],
    ['Expires after 30 days', 'P30D'],
    ['Session', 'session'],
  ])('"%s" is %s with no words kept', (words, expires) => {
    expect(durationFromWords(words)).toEqual({ expires });
  });

  test.each([
    ['1000 days after last visit', 'P1000D'],
    ['Browser session', 'session'],
    ['Up to 2 years', 'P2Y'],
    ['2 years from set or update', 'P2Y'],
    ['30 minutes of inactivity', 'PT30M'],
    ['End of session', 'session'],
  ])('"%s" is %s, and the words say more so they are kept', (words, expires) => {
    expect(durationFromWords(words)).toEqual({ expires, expiresText: words });
  });

  test.each(['Persistent', 'Permanent', 'Varies', '', 'n/a'])('"%s" holds no duration', (words) => {
    expect(durationFromWords(words)).toBeUndefined();
  });

  test('every duration read is one the catalogue accepts, and reads back as the same words', () => {
    for (const words of ['2 years', '24 hours', '1 minute', '1 year 1 month 4 days', '6 months and 2 weeks', '45 seconds']) {
      const { expires } = durationFromWords(words)!;
      const catalog = {
        site: { name: 'Test' },
        revision: 1,
        consentCookie: { name: 'c', expiresDays: 1 },
        categories: [{ id: 'essential', title: 't', description: 'd', cookies: [{ name: 'x', purpose: 'p', expires }] }],
      };
      expect(validateCatalog(catalog).problems).toBeUndefined();
      expect(durationInWords(expires, en.durationUnits, 'session').replace(/,| and/g, '')).toBe(words.replace(/ and/g, ''));
    }
  });
});
