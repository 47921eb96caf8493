import { describe, expect, it } from 'vitest';
import { TUNBRIDGE_WELLS } from '../../ui/examples/catalogues.js';
import { proposedRevision } from './revision.js';

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe('proposing a new revision', () => {
  it('proposes one when a cookie is added, until the revision is raised', () => {
    const after = copy(TUNBRIDGE_WELLS);
    after.categories[1].cookies.push({ name: '_gid', purpose: 'Counts visits.', expires: 'PT24H' });
    expect(proposedRevision(TUNBRIDGE_WELLS, after)).toBe(2);
    after.revision = 2;
    expect(proposedRevision(TUNBRIDGE_WELLS, after)).toBeUndefined();
  });

  it('proposes one when a category is added or its basis changes', () => {
    const added = copy(TUNBRIDGE_WELLS);
    added.categories.push({ id: 'video', title: 'Video', description: 'Videos.', cookies: [] });
    expect(proposedRevision(TUNBRIDGE_WELLS, added)).toBe(2);
    const exempt = copy(TUNBRIDGE_WELLS);
    exempt.categories[1].basis = 'statistics-exemption';
    expect(proposedRevision(TUNBRIDGE_WELLS, exempt)).toBe(2);
  });

  it('proposes one when a cookie is kept longer, or set by another provider or domain', () => {
    const longer = copy(TUNBRIDGE_WELLS);
    longer.categories[1].cookies[0].expires = 'P3Y';
    expect(proposedRevision(TUNBRIDGE_WELLS, longer)).toBe(2);
    const provider = copy(TUNBRIDGE_WELLS);
    provider.categories[1].cookies[0].provider = 'Another Analytics Ltd';
    expect(proposedRevision(TUNBRIDGE_WELLS, provider)).toBe(2);
    const domain = copy(TUNBRIDGE_WELLS);
    domain.categories[1].cookies[0].domain = 'analytics.example';
    expect(proposedRevision(TUNBRIDGE_WELLS, domain)).toBe(2);
  });

  it('proposes none for wording', () => {
    const reworded = copy(TUNBRIDGE_WELLS);
    reworded.categories[1].description = 'We count visits.';
    reworded.categories[1].cookies[0].purpose = 'Counts visits.';
    expect(proposedRevision(TUNBRIDGE_WELLS, reworded)).toBeUndefined();
  });
});
