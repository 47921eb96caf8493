import { describe, expect, it } from 'vitest';
import keighley from '../../cookie-catalogs/keighley.json';
import tonbridgeMalling from '../../cookie-catalogs/tonbridge-malling.json';
import trowbridge from '../../cookie-catalogs/trowbridge.json';
import tunbridgeWells from '../../cookie-catalogs/tunbridge-wells.json';
import { describeProblems, validateCatalog } from './validate.js';

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

  it('rejects unknown keys, which are nearly always typos, and says which keys fit', () => {
    const catalog = clone(tunbridgeWells) as Record<string, any>;
    catalog.categories[1].cookies[0].purpse = 'typo';
    const [problem] = validateCatalog(catalog).problems!;
    expect(problem.path).toBe('categories[1].cookies[0].purpse');
    expect(problem.message).toContain('unknown key');
    expect(problem.message).toContain('purpose');
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

  it('does not throw on values that are not catalogues at all', () => {
    for (const value of [null, 42, 'catalogue', [], { __proto__: { site: {} } }])
      expect(validateCatalog(value).problems!.length).toBeGreaterThan(0);
  });
});
