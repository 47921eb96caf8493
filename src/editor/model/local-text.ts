import type { LocalText } from '../../catalog/definition.js';

/** The languages the form shows side by side for every resident-facing text. */
export const FORM_LANGUAGES = ['en', 'cy'] as const;
export type FormLanguage = (typeof FORM_LANGUAGES)[number];

const isLanguageMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One language's text of a resident-facing value (text, or a map of language to text), as a field shows it. */
export function textIn(value: unknown, lang: FormLanguage): string {
  if (isLanguageMap(value)) return typeof value[lang] === 'string' ? (value[lang] as string) : '';
  if (lang !== 'en' || value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The value with one language's text replaced: plain text while it has English alone (as most
 * catalogues write it), else a map that keeps every other language it had. Blank text removes
 * that language; nothing left is `undefined` (the key goes).
 */
export function withText(value: unknown, lang: FormLanguage, text: string): LocalText | undefined {
  const languages: Record<string, unknown> = isLanguageMap(value) ? { ...value } : value === undefined ? {} : { en: value };
  if (text.trim()) languages[lang] = text;
  else delete languages[lang];
  const tags = Object.keys(languages);
  if (!tags.length) return undefined;
  if (tags.length === 1 && tags[0] === 'en' && typeof languages.en === 'string') return languages.en;
  return languages as LocalText;
}
