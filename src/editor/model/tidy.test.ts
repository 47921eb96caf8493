import { describe, expect, it } from 'vitest';
import { catalogueText, tidy } from './tidy.js';

describe('the downloaded file', () => {
  it('has its keys in the definition’s order, unknown keys after them', () => {
    const tidied = tidy({
      categories: [{ cookies: [{ expires: 'P2Y', purpose: 'x', name: '_ga' }], title: 'A', id: 'essential', description: 'd' }],
      consentCookie: { expiresDays: 1, name: 'c' },
      revision: 1,
      extra: true,
      site: { name: 'S' },
      $schema: './catalog.schema.json',
    });
    expect(JSON.stringify(tidied)).toBe(
      JSON.stringify({
        $schema: './catalog.schema.json',
        site: { name: 'S' },
        revision: 1,
        consentCookie: { name: 'c', expiresDays: 1 },
        categories: [{ id: 'essential', title: 'A', description: 'd', cookies: [{ name: '_ga', purpose: 'x', expires: 'P2Y' }] }],
        extra: true,
      }),
    );
  });

  it('is two-space JSON with a final newline', () => {
    expect(catalogueText({ revision: 1 })).toBe('{\n  "revision": 1\n}\n');
  });
});
