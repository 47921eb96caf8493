import { CookieBanner } from './cookie-banner/cookie-banner.js';
import { CookieEmbedPlaceholder } from './cookie-embed-placeholder/cookie-embed-placeholder.js';
import { CookiePreferences } from './cookie-preferences/cookie-preferences.js';
import { CookieTable } from './cookie-table/cookie-table.js';

/** Registers the elements, leaving any tag already defined (a second copy of the library) alone. */
export function defineElements(registry: CustomElementRegistry = customElements): void {
  const elements: [string, CustomElementConstructor][] = [
    ['cookie-banner', CookieBanner],
    ['cookie-preferences', CookiePreferences],
    ['cookie-table', CookieTable],
    ['cookie-embed-placeholder', CookieEmbedPlaceholder],
  ];
  for (const [tag, element] of elements) if (!registry.get(tag)) registry.define(tag, element);
}

declare global {
  interface HTMLElementTagNameMap {
    'cookie-banner': CookieBanner;
    'cookie-preferences': CookiePreferences;
    'cookie-table': CookieTable;
    'cookie-embed-placeholder': CookieEmbedPlaceholder;
  }
}
