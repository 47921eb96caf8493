import type { Catalog } from '../../catalog/definition.js';
import { cy } from './cy.js';
import { en, type MessageKey, type Messages } from './en.js';

const BUILT_IN: Record<string, Messages> = { en, cy };

/** The page's language from `<html lang>`: its primary subtag, lower-cased ("cy-GB" → "cy"). */
export const pageLanguage = (doc: Document = document) =>
  (doc.documentElement.lang || 'en').split('-')[0].toLowerCase();

/** Built-in wording in the page's language (English where we have none), with the catalogue's overrides. */
export function wordingFor(catalog: Catalog, lang: string): Messages {
  return { ...(BUILT_IN[lang] ?? en), ...catalog.text?.[lang] };
}

/** Fills `{name}` placeholders; a missing value leaves the placeholder empty. */
export const fill = (template: string, values: Record<string, string> = {}) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');

export type { MessageKey, Messages };
