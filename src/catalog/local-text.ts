import type { LocalText } from './definition.js';

/** "cy" for "cy-GB" (and "CY"). */
export const primaryLanguage = (lang: string) => lang.split('-')[0].toLowerCase();

/** Picks a language's version of catalogue text: that tag, its primary language, English, else the first given. */
export function pickText(value: LocalText | undefined, lang: string): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return value[lang] ?? value[primaryLanguage(lang)] ?? value.en ?? Object.values(value)[0] ?? '';
}
