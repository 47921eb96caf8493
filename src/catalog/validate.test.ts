import { describe, expect, it } from 'vitest';
import keighley from '../../cookie-catalogs/keighley.json';
import tonbridgeMalling from '../../cookie-catalogs/tonbridge-malling.json';
import trowbridge from '../../cookie-catalogs/trowbridge.json';
import tunbridgeWells from '../../cookie-catalogs/tunbridge-wells.json';
import { CatalogError, loadCatalog } from './load.js';
import {
  describeProblems,
  MATCHES_CONSENT_COOKIE,
  MATCHES_EVERY_COOKIE,
  NO_ESSENTIAL,
  OUT_OF_REACH,
  RESERVED_ID,
  validateCatalog,
} from './validate.js';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe('validateCatalog', () => {
  it('accepts the four bundled council catalogues', () => {
    for (const catalog of [tunbridgeWells, tonbridgeMalling, keighley, trowbridge])
      expect(validateCatalog(catalog).problems).toBeUndefined();
  });

  it('names the failing path of a bad duration', () => {
    const catalog = clone(tunbridgeWells);
    catalog.categories[1].cookies[0].expires = '2 years';
    expect(describeProblems(validateCatalog(catalog).problems!)).toEqual([
      'categories[1].cookies[0].expires: "2 years" is not in the expected form',
    ]);
  });

  it('rejects unknown keys, which are nearly always typos (validate on the command line lists the keys that fit)', () => {
    const catalog = clone(tunbridgeWells) as Record<string, any>;
    catalog.categories[1].cookies[0].purpse = 'typo';
    expect(validateCatalog(catalog).problems).toEqual([{ path: 'categories[1].cookies[0].purpse', message: 'unknown key' }]);
  });

  it('reports every problem at once, with paths', () => {
    const catalog = clone(tunbridgeWells) as Record<string, any>;
    delete catalog.site.name;
    catalog.revision = 0;
    catalog.consentCookie.expiresDays = '90';
    catalog.categories[1].id = 'Analytics!';
    catalog.categories[1].title = { en: 42 };
    const paths = validateCatalog(catalog).problems!.map((p) => p.path);
    expect(paths).toEqual(['site.name', 'revision', 'consentCookie.expiresDays', 'categories[1].id', 'categories[1].title.en']);
  });

  it('rejects a repeated category id, a basis on essential cookies and a glob consent cookie', () => {
    const catalog = clone(tunbridgeWells) as Record<string, any>;
    catalog.categories.push(clone(catalog.categories[1]));
    catalog.categories[0].basis = 'consent';
    catalog.consentCookie.name = 'consent_*';
    expect(validateCatalog(catalog).problems!.map((p) => p.path)).toEqual([
      'categories[0].basis',
      'categories[2].id',
      'consentCookie.name',
    ]);
  });

  it('accepts only http(s) or relative policy links and http(s) consent logs', () => {
    for (const policyUrl of ['javascript:alert(1)', 'data:text/html,x', 'JAVASCRIPT:alert(1)']) {
      const catalog = clone(tunbridgeWells);
      catalog.site.policyUrl = policyUrl;
      expect(validateCatalog(catalog).problems?.[0].path).toBe('site.policyUrl');
    }
    for (const policyUrl of ['/cookies', 'cookies.html', 'https://example.gov.uk/cookies']) {
      const catalog = clone(tunbridgeWells);
      catalog.site.policyUrl = policyUrl;
      expect(validateCatalog(catalog).problems).toBeUndefined();
    }
    const logged = { ...clone(tunbridgeWells), consentLog: { url: '/relative' } };
    expect(validateCatalog(logged).problems?.[0].path).toBe('consentLog.url');
  });

  it('checks wording overrides against the built-in wording keys', () => {
    const good = { ...clone(tunbridgeWells), text: { cy: { bannerTitle: 'Cwcis ar {site}' } } };
    expect(validateCatalog(good).problems).toBeUndefined();
    const typo = { ...clone(tunbridgeWells), text: { cy: { bannerTitel: 'x' } } };
    expect(validateCatalog(typo).problems?.[0].path).toBe('text.cy.bannerTitel');
  });

  it('refuses a glob that matches every cookie, anywhere: it would delete the site’s own session and login cookies', () => {
    for (const name of ['*', '**']) {
      const catalog = clone(tunbridgeWells);
      catalog.categories[1].cookies[1].name = name;
      catalog.categories[0].cookies[0].name = name;
      expect(validateCatalog(catalog).problems).toEqual([
        { path: 'categories[0].cookies[0].name', message: MATCHES_EVERY_COOKIE },
        { path: 'categories[1].cookies[1].name', message: MATCHES_EVERY_COOKIE },
      ]);
    }
    const narrow = clone(tunbridgeWells);
    narrow.categories[1].cookies[1].name = '_ga_*';
    expect(validateCatalog(narrow).problems).toBeUndefined();
  });

  it('refuses an optional cookie, exact or glob, that is the consent cookie; essential may list it', () => {
    for (const name of ['CookieControl', 'Cookie*', '*Control']) {
      const catalog = clone(tunbridgeWells);
      (catalog.categories[1].cookies as unknown[]).push({ name, purpose: 'x', expires: 'P1D' });
      expect(validateCatalog(catalog).problems).toEqual([{ path: 'categories[1].cookies[3].name', message: MATCHES_CONSENT_COOKIE }]);
    }
    expect(tunbridgeWells.categories[0].cookies[0].name).toBe(tunbridgeWells.consentCookie.name);
    expect(validateCatalog(tunbridgeWells).problems).toBeUndefined();
  });

  it('refuses a consent cookie domain above site.domain or off the page’s host', () => {
    const withDomain = (domain: string, siteDomain?: string) => {
      const catalog = clone(tunbridgeWells) as Record<string, any>;
      catalog.consentCookie.domain = domain;
      if (siteDomain === undefined) delete catalog.site.domain;
      else catalog.site.domain = siteDomain;
      return catalog;
    };
    const refused = [{ path: 'consentCookie.domain', message: OUT_OF_REACH }];
    // site.domain is tunbridgewells.gov.uk: a parent of it (a public suffix) or another site is refused.
    expect(validateCatalog(withDomain('.gov.uk', 'tunbridgewells.gov.uk')).problems).toEqual(refused);
    expect(validateCatalog(withDomain('.tmbc.gov.uk', 'tunbridgewells.gov.uk')).problems).toEqual(refused);
    expect(validateCatalog(withDomain('.TunbridgeWells.gov.uk', 'tunbridgewells.gov.uk')).problems).toBeUndefined();
    expect(validateCatalog(withDomain('www.tunbridgewells.gov.uk', 'tunbridgewells.gov.uk')).problems).toBeUndefined();
    // In the browser, the page's host must be the domain or under it.
    expect(
      validateCatalog(withDomain('.tunbridgewells.gov.uk', 'tunbridgewells.gov.uk'), 'www.tunbridgewells.gov.uk').problems,
    ).toBeUndefined();
    expect(
      validateCatalog(withDomain('.tunbridgewells.gov.uk', 'tunbridgewells.gov.uk'), 'tunbridgewells.gov.uk').problems,
    ).toBeUndefined();
    expect(validateCatalog(withDomain('.tunbridgewells.gov.uk', 'tunbridgewells.gov.uk'), 'eviltunbridgewells.gov.uk').problems).toEqual(
      refused,
    );
    expect(validateCatalog(withDomain('.tunbridgewells.gov.uk', 'tunbridgewells.gov.uk'), 'localhost').problems).toEqual(refused);
    // Without site.domain only the host can be checked here; a bare public suffix is refused by the
    // browser's own cookie rules (no choice is kept, nothing optional runs) and by validate.
    expect(validateCatalog(withDomain('.gov.uk'), 'www.tunbridgewells.gov.uk').problems).toBeUndefined();
  });

  it('loads no catalogue whose consent cookie domain this page cannot reach, and says why', async () => {
    const catalog = clone(tunbridgeWells) as Record<string, any>;
    catalog.consentCookie.domain = '.tunbridgewells.gov.uk';
    delete catalog.site.domain;
    expect(location.hostname).toBe('localhost');
    await expect(loadCatalog(catalog)).rejects.toThrow(CatalogError);
    await expect(loadCatalog(catalog)).rejects.toThrow(`consentCookie.domain: ${OUT_OF_REACH}`);
    catalog.consentCookie.domain = 'localhost';
    await expect(loadCatalog(catalog)).resolves.toBe(catalog);
  });

  it('keeps the consent cookie no longer than browsers do: a whole number of days from 1 to 400', () => {
    for (const [days, ok] of [
      [400, true],
      [1, true],
      [401, false],
      [0, false],
      [1.5, false],
      [-30, false],
    ] as const) {
      const catalog = clone(tunbridgeWells);
      catalog.consentCookie.expiresDays = days;
      expect(validateCatalog(catalog).problems?.[0].path, String(days)).toBe(ok ? undefined : 'consentCookie.expiresDays');
    }
  });

  it('refuses absurd lengths: text over 5000 characters, cookie names over 256, ids over 64, domains over 253', () => {
    const paths = (change: (catalog: Record<string, any>) => void) => {
      const catalog = clone(tunbridgeWells) as Record<string, any>;
      change(catalog);
      return validateCatalog(catalog).problems?.map((p) => p.path);
    };
    expect(paths((c) => (c.categories[1].description = 'x'.repeat(5000)))).toBeUndefined();
    expect(paths((c) => (c.categories[1].description = 'x'.repeat(5001)))).toEqual(['categories[1].description']);
    expect(paths((c) => (c.categories[1].title = { en: 'x'.repeat(5001) }))).toEqual(['categories[1].title.en']);
    expect(paths((c) => (c.site.name = 'x'.repeat(5001)))).toEqual(['site.name']);
    expect(paths((c) => (c.categories[1].cookies[0].name = 'x'.repeat(256)))).toBeUndefined();
    expect(paths((c) => (c.categories[1].cookies[0].name = 'x'.repeat(257)))).toEqual(['categories[1].cookies[0].name']);
    expect(paths((c) => (c.categories[1].id = `a${'b'.repeat(64)}`))).toEqual(['categories[1].id']);
    const label = 'a'.repeat(63);
    expect(paths((c) => (c.site.domain = `${label}.${label}.${label}.${label}.uk`))).toEqual(['site.domain']);
    expect(paths((c) => (c.site.domain = `${'a'.repeat(64)}.gov.uk`))).toEqual(['site.domain']);
    expect(paths((c) => (c.text = { [`en${'-abc'.repeat(9)}`]: {} }))).toEqual([`text.en${'-abc'.repeat(9)}`]);
  });

  it('requires an essential category, where the consent cookie belongs', () => {
    const catalog = clone(tunbridgeWells);
    catalog.categories.shift();
    expect(validateCatalog(catalog).problems).toEqual([{ path: 'categories', message: NO_ESSENTIAL }]);
  });

  it('refuses category ids every JavaScript object already has', () => {
    for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf']) {
      const catalog = clone(tunbridgeWells);
      catalog.categories[1].id = id;
      const problems = validateCatalog(catalog).problems;
      expect(
        problems?.map((p) => p.path),
        id,
      ).toEqual(['categories[1].id']);
    }
    const catalog = clone(tunbridgeWells);
    catalog.categories[1].id = 'constructor';
    expect(validateCatalog(catalog).problems).toEqual([{ path: 'categories[1].id', message: RESERVED_ID }]);
  });

  it('does not throw on values that are not catalogues at all', () => {
    for (const value of [null, 42, 'catalogue', [], { __proto__: { site: {} } }])
      expect(validateCatalog(value).problems!.length).toBeGreaterThan(0);
  });
});
