import { describe, expect, it } from 'vitest';
import { matchesCookieName } from './glob.js';

describe('matchesCookieName', () => {
  it('matches exact names exactly', () => {
    expect(matchesCookieName('_ga', '_ga')).toBe(true);
    expect(matchesCookieName('_ga', '_gat')).toBe(false);
    expect(matchesCookieName('ASP.NET_Sessionid', 'ASPXNET_Sessionid')).toBe(false);
  });

  it('matches globs, with regular-expression characters taken literally', () => {
    expect(['__utma', '__utmb', '__utmc', '__utmz'].every((name) => matchesCookieName('__utm*', name))).toBe(true);
    expect(matchesCookieName('__utm*', '_utma')).toBe(false);
    expect(matchesCookieName('_ga_*', '_ga_ABC123')).toBe(true);
    expect(matchesCookieName('_ga_*', '_ga')).toBe(false);
    expect(matchesCookieName('a.b*', 'aXb1')).toBe(false);
  });
});
