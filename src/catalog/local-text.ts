import type { LocalText } from './definition.js';

/** Picks a language's version of catalogue text: that language, else English, else the first given. */
export function pickText(value: LocalText | undefined, lang: string): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return value[lang] ?? value.en ?? Object.values(value)[0] ?? '';
}
