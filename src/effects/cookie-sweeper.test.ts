import { afterEach, describe, expect, it, vi } from 'vitest';
import tonbridgeMalling from '../../cookie-catalogs/tonbridge-malling.json';
import type { Catalog } from '../catalog/definition.js';
import { cookieNames } from '../cookies/cookie-jar.js';
import { sweepCookies } from './cookie-sweeper.js';

const catalog = tonbridgeMalling as Catalog;

afterEach(() => {
  for (const name of cookieNames()) for (const path of ['/', '/p', '/p/']) document.cookie = `${name}=; max-age=0; path=${path}`;
  vi.restoreAllMocks();
});

describe('sweepCookies', () => {
  it('deletes the refused category’s cookies, exact names and globs, and nothing else', () => {
    for (const name of ['nmstat', '__utma', '__utmz', 'tmbc_cookie_consent', 'unrelated']) document.cookie = `${name}=1; path=/`;
    const deleted = sweepCookies(catalog, ['analytics'], false);
    expect(deleted.sort()).toEqual(['__utma', '__utmz', 'nmstat']);
    expect(cookieNames().sort()).toEqual(['tmbc_cookie_consent', 'unrelated']);
  });

  it('deletes cookies set on the paths the catalogue declares, even where this page cannot see them', async () => {
    const onPath: Catalog = {
      ...catalog,
      categories: [
        catalog.categories[0],
        { ...catalog.categories[1], cookies: [{ name: '_ga', purpose: 'x', expires: 'P2Y', path: '/p/' }] },
      ],
    };
    // The test page is not under /p/, so document.cookie does not show it: only the declared path reaches it.
    document.cookie = '_ga=1; path=/p/';
    const iframe = document.createElement('iframe');
    iframe.src = '/p/';
    const visibleUnderP = () =>
      new Promise<string>((resolve) => {
        iframe.onload = () => resolve(iframe.contentDocument?.cookie ?? '');
        document.body.append(iframe);
      });
    expect(await visibleUnderP()).toContain('_ga=1');
    sweepCookies(onPath, ['analytics'], false);
    // A frame's document.cookie can lag a write from its parent by a task.
    await vi.waitFor(() => expect(iframe.contentDocument?.cookie ?? '').not.toContain('_ga=1'));
    iframe.remove();
  });

  it('deletes a refused cookie whose name, as the browser holds it, has a percent sequence (Adobe’s AMCV_…%40AdobeOrg)', () => {
    // Adobe's Experience Cloud ID cookie is named AMCV_<org id>%40AdobeOrg in the jar; the catalogue
    // pattern allows only token characters, so a catalogue lists it that way or as AMCV_*.
    const adobe: Catalog = {
      ...catalog,
      categories: [catalog.categories[0], { ...catalog.categories[1], cookies: [{ name: 'AMCV_*', purpose: 'x', expires: 'P2Y' }] }],
    };
    document.cookie = 'AMCV_0123456789ABCDEF01234567%40AdobeOrg=visitor; path=/';
    sweepCookies(adobe, ['analytics'], false);
    expect(cookieNames()).not.toContain('AMCV_0123456789ABCDEF01234567%40AdobeOrg');
  });

  it('never deletes the consent cookie, even when a glob would match it', () => {
    const greedy: Catalog = {
      ...catalog,
      categories: [catalog.categories[0], { ...catalog.categories[1], cookies: [{ name: 'tmbc*', purpose: 'x', expires: 'P1D' }] }],
    };
    document.cookie = 'tmbc_cookie_consent=1; path=/';
    document.cookie = 'tmbc_other=1; path=/';
    sweepCookies(greedy, ['analytics'], false);
    expect(cookieNames()).toEqual(['tmbc_cookie_consent']);
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
