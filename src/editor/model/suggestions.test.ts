import { describe, expect, it } from 'vitest';
import { suggestionFor } from './suggestions.js';

const categories = [
  { id: 'essential', title: 'Essential cookies' },
  { id: 'analytics', title: 'Analytics cookies' },
];

describe('suggestions from the known-cookie table', () => {
  it('offers the provider, purpose and lifetime a known cookie lacks, and its usual category', () => {
    const suggestion = suggestionFor({ name: '_ga' }, 'essential', categories);
    expect(suggestion?.offers).toEqual([
      { field: 'provider', value: 'Google Analytics', words: 'Google Analytics' },
      {
        field: 'purpose',
        value: 'Helps us count how many people visit the website by telling us if you have visited before.',
        words: 'Helps us count how many people visit the website by telling us if you have visited before.',
      },
      { field: 'expires', value: 'P2Y', words: '2 years' },
      { field: 'category', value: 'analytics', words: 'Analytics cookies' },
    ]);
  });

  it('offers nothing the council already wrote, and nothing for a name it does not know', () => {
    expect(suggestionFor({ name: '_ga', provider: 'Google', purpose: 'Ours.', expires: 'P1Y' }, 'analytics', categories)).toBeUndefined();
    expect(suggestionFor({ name: 'council_own' }, 'essential', categories)).toBeUndefined();
  });

  it('finds a glob the catalogue names, and says when only the case matched', () => {
    expect(suggestionFor({ name: '_ga_*' }, 'analytics', categories)?.known.provider).toBe('Google Analytics');
    expect(suggestionFor({ name: 'phpsessid' }, 'essential', categories)?.ignoringCase).toBe(true);
  });
});
