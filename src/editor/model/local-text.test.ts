import { describe, expect, it } from 'vitest';
import { textIn, withText } from './local-text.js';

describe('English and Welsh side by side', () => {
  it('reads plain text as English, and a map by language', () => {
    expect(textIn('Analytics', 'en')).toBe('Analytics');
    expect(textIn('Analytics', 'cy')).toBe('');
    expect(textIn({ en: 'Analytics', cy: 'Dadansoddi' }, 'cy')).toBe('Dadansoddi');
    expect(textIn(undefined, 'en')).toBe('');
  });

  it('keeps plain text while there is English alone, and a map once there is Welsh', () => {
    expect(withText(undefined, 'en', 'Analytics')).toBe('Analytics');
    expect(withText('Analytics', 'cy', 'Dadansoddi')).toEqual({ en: 'Analytics', cy: 'Dadansoddi' });
    expect(withText({ en: 'Analytics', cy: 'Dadansoddi' }, 'cy', '')).toBe('Analytics');
  });

  it('keeps the languages the form does not show', () => {
    expect(withText({ en: 'Analytics', gd: 'Anailis' }, 'en', 'Statistics')).toEqual({ en: 'Statistics', gd: 'Anailis' });
  });

  it('removes the key when nothing is left, so the validator says it is missing', () => {
    expect(withText('Analytics', 'en', '')).toBeUndefined();
    expect(withText('Analytics', 'en', '   ')).toBeUndefined();
  });
});
