import { STATISTICS_EXEMPTION, TUNBRIDGE_WELLS, WITH_VIDEO } from '../examples/catalogues.js';
import type { ElementExample } from '../examples/element-example.js';

export const bannerExamples: ElementExample[] = [
  {
    name: 'analytics',
    description: 'A council whose only optional cookies are for analytics: "Accept analytics cookies" and "Reject analytics cookies".',
    catalog: TUNBRIDGE_WELLS,
  },
  {
    name: 'welsh',
    description: 'The same banner on a page in Welsh.',
    catalog: TUNBRIDGE_WELLS,
    lang: 'cy',
  },
  {
    name: 'additional',
    description: 'More than one optional category: "Accept additional cookies", and a route to choose category by category.',
    catalog: WITH_VIDEO,
  },
  {
    name: 'statistics-exemption',
    description:
      'Analytics on under the statistics exemption: the banner says what is collected, and turning it off is as prominent as keeping it.',
    catalog: STATISTICS_EXEMPTION,
  },
  {
    name: 'global-privacy-control',
    description: 'The browser sends Global Privacy Control: nothing optional is on, and the banner says why.',
    catalog: TUNBRIDGE_WELLS,
    gpc: true,
  },
  {
    name: 'catalogue-wording',
    description: 'Welsh wording a catalogue overrides, for a regional tag (cy-GB).',
    catalog: { ...TUNBRIDGE_WELLS, text: { 'cy-GB': { bannerTitle: 'Cwcis ar {site} (GB)' } } },
    lang: 'cy-GB',
    hidden: true,
  },
  {
    name: 'language-without-wording',
    description: 'A page in Polish, which neither the library nor the catalogue has wording for: English, marked lang="en".',
    catalog: TUNBRIDGE_WELLS,
    lang: 'pl',
    hidden: true,
  },
];
