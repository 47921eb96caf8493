import { primaryLanguage } from '../catalog/local-text.js';
import type { LoadInterface } from './interface-parts.js';

/**
 * The interface for a site's own build: dynamic `import()`s, which the site's bundler splits
 * into files fetched only when a page needs them, as the script tag's parts are.
 */
export const esmInterface: LoadInterface = async (need, lang) => {
  const [{ bannerPart }, details] = await Promise.all([
    import('../ui/banner-part.js'),
    need === 'details' ? import('../ui/details-part.js') : undefined,
    primaryLanguage(lang) === 'cy' ? import('../wording/cy.js') : undefined,
  ]);
  bannerPart.define();
  details?.detailsPart.define();
  return { banner: bannerPart, details: details?.detailsPart };
};
