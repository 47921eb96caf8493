import { afterEach, describe, expect, it, vi } from 'vitest';
import tonbridgeMalling from '../../cookie-catalogs/tonbridge-malling.json';
import type { Catalog } from '../catalog/definition.js';
import { cookieNamesInJar, hostAndParents, sweepCookies } from './cookie-sweeper.js';

const catalog = tonbridgeMalling as Catalog;

afterEach(() => {
  for (const name of cookieNamesInJar()) document.cookie = `${name}=; max-age=0; path=/`;
  vi.restoreAllMocks();
});

describe('hostAndParents', () => {
  it('lists the host and each parent above the top-level domain', () => {
    expect(hostAndParents('www.tmbc.gov.uk')).toEqual(['www.tmbc.gov.uk', 'tmbc.gov.uk', 'gov.uk']);
    expect(hostAndParents('localhost')).toEqual(['localhost']);
    expect(hostAndParents('127.0.0.1')).toEqual(['127.0.0.1']);
  });
});

describe('sweepCookies', () => {
  it('deletes the refused category’s cookies, exact names and globs, and nothing else', () => {
    for (const name of ['nmstat', '__utma', '__utmz', 'tmbc_cookie_consent', 'unrelated']) document.cookie = `${name}=1; path=/`;
    const deleted = sweepCookies(catalog, ['analytics'], false);
    expect(deleted.sort()).toEqual(['__utma', '__utmz', 'nmstat']);
    expect(cookieNamesInJar().sort()).toEqual(['tmbc_cookie_consent', 'unrelated']);
  });

  it('never deletes the consent cookie, even when a glob would match it', () => {
    const greedy: Catalog = {
      ...catalog,
      categories: [catalog.categories[0], { ...catalog.categories[1], cookies: [{ name: 'tmbc*', purpose: 'x', expires: 'P1D' }] }],
    };
    document.cookie = 'tmbc_cookie_consent=1; path=/';
    document.cookie = 'tmbc_other=1; path=/';
    sweepCookies(greedy, ['analytics'], false);
    expect(cookieNamesInJar()).toEqual(['tmbc_cookie_consent']);
  });

  it('warns once per other site’s domain it cannot delete from, when asked to', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    sweepCookies(catalog, ['analytics'], true, 'www.tmbc.gov.uk');
    const messages = warn.mock.calls.map((call) => call.join(' '));
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('ASP.NET_Sessionid on siteimprove.com');
    expect(messages[1]).toContain('google.com');
    warn.mockClear();
    sweepCookies(catalog, ['analytics'], false, 'www.tmbc.gov.uk');
    expect(warn).not.toHaveBeenCalled();
  });
});
