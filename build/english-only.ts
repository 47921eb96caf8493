import type { Plugin } from 'rollup';

const NO_WELSH = '\0council-cookie-consent:no-built-in-welsh';

/**
 * For the English-only script-tag build: the built-in Welsh wording (src/ui/i18n/cy.ts) is
 * left out, so councils in England do not send every resident ~0.6 KB they never read. Pages
 * in Welsh then get English, or the wording the catalogue's `text.cy` gives.
 */
export function withoutBuiltInWelsh(): Plugin {
  return {
    name: 'without-built-in-welsh',
    resolveId(source, importer) {
      return source === './cy.js' && importer?.replace(/\\/g, '/').endsWith('/src/ui/i18n/wording.ts') ? NO_WELSH : null;
    },
    load(id) {
      return id === NO_WELSH ? 'export const cy = undefined;' : null;
    },
  };
}
