import { TUNBRIDGE_WELLS, WITH_VIDEO } from '../examples/catalogues.js';
import type { ElementExample } from '../examples/element-example.js';

export const preferencesExamples: ElementExample[] = [
  {
    name: 'first-visit',
    description: 'Nobody has chosen yet: essential cookies always on, analytics off until the resident turns them on.',
    catalog: TUNBRIDGE_WELLS,
  },
  {
    name: 'accepted',
    description: 'After accepting analytics: the dialog shows the answer given, to change it.',
    catalog: TUNBRIDGE_WELLS,
    stored: { analytics: true },
  },
  {
    name: 'several-categories',
    description: 'Two optional categories, each with its description, its table and an on/off choice.',
    catalog: WITH_VIDEO,
    stored: { analytics: false, video: true },
  },
  {
    name: 'welsh',
    description: 'The dialog on a page in Welsh.',
    catalog: TUNBRIDGE_WELLS,
    lang: 'cy',
  },
  {
    name: 'language-without-wording',
    description: 'A page in Polish: English, marked lang="en".',
    catalog: TUNBRIDGE_WELLS,
    lang: 'pl',
    hidden: true,
  },
];
