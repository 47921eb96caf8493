import keighley from '../../../cookie-catalogs/keighley.json';
import tonbridgeMalling from '../../../cookie-catalogs/tonbridge-malling.json';
import tunbridgeWells from '../../../cookie-catalogs/tunbridge-wells.json';
import type { Catalog } from '../../catalog/definition.js';

/** The bundled councils' catalogues, and variants the examples need. */
export const TUNBRIDGE_WELLS = tunbridgeWells as Catalog;
export const TONBRIDGE_MALLING = tonbridgeMalling as Catalog;
export const KEIGHLEY = keighley as Catalog;

/** Tunbridge Wells with a second optional category, for embedded videos. */
export const WITH_VIDEO: Catalog = {
  ...TUNBRIDGE_WELLS,
  categories: [
    ...TUNBRIDGE_WELLS.categories,
    {
      id: 'video',
      title: { en: 'Video cookies (optional)', cy: 'Cwcis fideo (dewisol)' },
      description: {
        en: 'Videos from YouTube set cookies when they play.',
        cy: 'Mae fideos o YouTube yn gosod cwcis pan fyddant yn chwarae.',
      },
      cookies: [],
    },
  ],
};

/** Tunbridge Wells counting visits under the statistics exemption. */
export const STATISTICS_EXEMPTION: Catalog = {
  ...TUNBRIDGE_WELLS,
  categories: [TUNBRIDGE_WELLS.categories[0], { ...TUNBRIDGE_WELLS.categories[1], basis: 'statistics-exemption' }],
};
