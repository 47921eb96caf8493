import { describe, expect, it } from 'vitest';
import { TUNBRIDGE_WELLS } from '../../ui/examples/catalogues.js';
import { whatChanged } from './what-changed.js';

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe('what changed, in words', () => {
  it('says nothing when nothing changed', () => {
    expect(whatChanged(TUNBRIDGE_WELLS, copy(TUNBRIDGE_WELLS))).toEqual([]);
  });

  it('says a raised revision, an added cookie, a changed lifetime and a new Welsh title', () => {
    const after = copy(TUNBRIDGE_WELLS);
    after.revision = 2;
    after.categories[1].cookies.push({ name: '_clck', purpose: 'Counts visits.', expires: 'P1Y' });
    after.categories[1].cookies[0].expires = 'P13M';
    after.categories[0].title = 'Essential cookies';
    after.categories[0].description = {
      en: 'Needed to make the site work.',
      cy: 'Rydym yn defnyddio cwcis hanfodol i gofio a ydych wedi derbyn cwcis dadansoddi.',
    };
    expect(whatChanged(TUNBRIDGE_WELLS, after)).toEqual([
      'Raised the revision from 1 to 2: every resident will be asked again.',
      "Changed the category “Essential cookies”: title (Welsh) removed (it was “Cwcis hanfodol”); description changed from “We use essential cookies to remember if you've accepted analytics cookies.” to “Needed to make the site work.”.",
      'Changed the cookie “_ga” in “Analytics cookies (optional)”: lifetime changed from 2 years to 13 months.',
      'Added the cookie “_clck” to “Analytics cookies (optional)”.',
    ]);
  });

  it('says a cookie moved to another category as a move, not a removal and an addition', () => {
    const after = copy(TUNBRIDGE_WELLS);
    after.categories.push({ id: 'marketing', title: 'Marketing cookies', description: 'Adverts.', cookies: [] });
    after.categories[2].cookies.push(after.categories[1].cookies.shift()!);
    expect(whatChanged(TUNBRIDGE_WELLS, after)).toEqual([
      'Added the category “Marketing cookies” (id “marketing”).',
      'Moved the cookie “_ga” from “Analytics cookies (optional)” to “Marketing cookies”.',
    ]);
  });

  it('says a removed category, a new order and wording set back to the built-in', () => {
    const before = copy(TUNBRIDGE_WELLS);
    before.text = { cy: { bannerTitle: 'Cwcis ar {site}' } };
    before.categories.push({ id: 'video', title: 'Video cookies', description: 'Videos.', cookies: [] });
    const after = copy(before);
    after.categories = [after.categories[0], after.categories[2]];
    delete after.text;
    expect(whatChanged(before, after)).toEqual([
      'Removed the category “Analytics cookies (optional)” (id “analytics”).',
      'Removed the cookie “_ga” from “Analytics cookies (optional)”.',
      'Removed the cookie “_gid” from “Analytics cookies (optional)”.',
      'Removed the cookie “_gat” from “Analytics cookies (optional)”.',
      'The Welsh wording “bannerTitle” is the built-in one again (it was “Cwcis ar {site}”).',
    ]);
    const reordered = copy(before);
    reordered.categories = [reordered.categories[0], reordered.categories[2], reordered.categories[1]];
    expect(whatChanged(before, reordered)).toEqual([
      'Put the categories in a new order: “Essential cookies”, “Video cookies”, “Analytics cookies (optional)”.',
    ]);
  });

  it('counts the import questions answered, and starts from nothing for a blank page', () => {
    const before = { ...copy(TUNBRIDGE_WELLS), review: { 'categories[1].cookies[0].provider': 'who sets it?', categories: 'check' } };
    const after = { ...copy(TUNBRIDGE_WELLS), review: { categories: 'check' } };
    expect(whatChanged(before, after)).toEqual(['Answered 1 open question from the import.']);
    expect(whatChanged({}, { site: { name: 'Example' } })).toEqual(['The site name set to “Example”.']);
  });
});
