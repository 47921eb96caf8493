import { describe, expect, it } from 'vitest';
import { fieldId, pathInWords, placeOf } from './field-names.js';

const catalog = {
  site: { name: 'Example Council' },
  categories: [
    { id: 'essential', title: 'Essential cookies', cookies: [] },
    { id: 'analytics', title: { en: 'Analytics cookies', cy: 'Cwcis dadansoddi' }, cookies: [{ name: '_ga' }, { name: '' }] },
  ],
};

describe('where a problem is shown, and how it is said', () => {
  it('finds the field a path names', () => {
    expect(placeOf('categories[1].cookies[0].expires')).toEqual({ path: 'categories[1].cookies[0].expires', field: true });
    expect(placeOf('site.name')).toEqual({ path: 'site.name', field: true });
    expect(placeOf('text.cy.bannerTitle')).toEqual({ path: 'text.cy.bannerTitle', field: true });
  });

  it('puts the Welsh of a resident-facing text at its Welsh input, any other language at the English one', () => {
    expect(placeOf('categories[1].title.cy')).toEqual({ path: 'categories[1].title.cy', field: true });
    expect(placeOf('categories[1].title.fr')).toEqual({ path: 'categories[1].title', field: true });
  });

  it('puts what no field shows at the group holding it', () => {
    expect(placeOf('categories[1].cookies[0].purpse')).toEqual({ path: 'categories[1].cookies[0]', field: false });
    expect(placeOf('categories[1].googleConsentMode[2]')).toEqual({ path: 'categories[1].googleConsentMode', field: true });
    expect(placeOf('categories')).toEqual({ path: 'categories', field: false });
    expect(placeOf('text.cy.notAKey')).toEqual({ path: 'text', field: false });
    expect(placeOf('(top level)')).toEqual({ path: '', field: false });
    expect(placeOf('surprise')).toEqual({ path: '', field: false });
  });

  it('says where it is in words', () => {
    expect(pathInWords(catalog, 'categories[1].cookies[0].expires')).toBe('Analytics cookies › cookie “_ga” › Lifetime');
    expect(pathInWords(catalog, 'categories[1].cookies[1].name')).toBe('Analytics cookies › cookie 2 › Cookie name or pattern');
    expect(pathInWords(catalog, 'categories[1].title.cy')).toBe('Analytics cookies › Title (Welsh)');
    expect(pathInWords(catalog, 'categories[1].cookies[0].purpse')).toBe('Analytics cookies › cookie “_ga” › “purpse”');
    expect(pathInWords(catalog, 'site.name')).toBe('Council or website name');
    expect(pathInWords(catalog, 'categories')).toBe('Categories');
    expect(pathInWords(catalog, '(top level)')).toBe('The catalogue');
    expect(pathInWords(catalog, 'consentCookie.expiresDays')).toBe('Days the choice is kept');
  });

  it('makes a valid id of any path', () => {
    expect(fieldId('categories[1].cookies[0].expires')).toBe('field-categories-1-cookies-0-expires');
    expect(fieldId('migrate.cookieControl.categories.Analytical Cookies')).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
