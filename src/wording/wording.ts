import type { Catalog } from '../catalog/definition.js';
import { primaryLanguage } from '../catalog/local-text.js';
import type { MessageKey, Messages } from '../catalog/wording-keys.js';
import { en } from './en.js';

/**
 * The wording the library carries, by primary language: English always; Welsh once
 * `./cy.js`'s `addBuiltInWording` has run (the ESM entries import it; the script tag
 * fetches it only for a page in Welsh).
 */
const BUILT_IN: Record<string, Messages> = { en };

export const addBuiltInWording = (lang: string, messages: Messages) => {
  BUILT_IN[lang] = messages;
};

/** Whether the library carries wording for a language ("cy" for "cy-GB"). */
export const hasBuiltInWording = (lang: string) => Object.hasOwn(BUILT_IN, primaryLanguage(lang));

/**
 * Built-in wording in the page's language (English where we have none), with the
 * catalogue's overrides: for the primary language ("cy"), then for the full tag ("cy-GB").
 */
export function wordingFor(catalog: Catalog, lang: string): Messages {
  const primary = primaryLanguage(lang);
  return { ...(hasBuiltInWording(primary) ? BUILT_IN[primary] : en), ...catalog.text?.[primary], ...catalog.text?.[lang] };
}

/**
 * `en` when the wording falls back to English on a page in a language that neither the library
 * nor the catalogue has wording for: the elements then mark their text `lang="en"`, so a screen
 * reader does not read English with, say, a Polish voice. Otherwise undefined (the page's own).
 */
export function fallbackLanguage(catalog: Catalog, lang: string): 'en' | undefined {
  const primary = primaryLanguage(lang);
  return hasBuiltInWording(primary) || catalog.text?.[primary] || catalog.text?.[lang] ? undefined : 'en';
}

/** Fills `{name}` placeholders; a missing value leaves the placeholder empty. */
export const fill = (template: string, values: Record<string, string> = {}) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');

export type { MessageKey, Messages };
