import { KEIGHLEY, TONBRIDGE_MALLING, TUNBRIDGE_WELLS } from '../examples/catalogues.js';
import type { ElementExample } from '../examples/element-example.js';

export const tableExamples: ElementExample[] = [
  {
    name: 'one-category',
    description: 'One category’s table, as a policy page shows it under that category’s heading.',
    catalog: TUNBRIDGE_WELLS,
    attributes: { category: 'analytics' },
  },
  {
    name: 'every-category',
    description: 'Without `category`: a table for each category, in the catalogue’s order.',
    catalog: TONBRIDGE_MALLING,
  },
  {
    name: 'welsh',
    description: 'In Welsh: the catalogue’s Welsh text, and lifetimes in Welsh words.',
    catalog: TUNBRIDGE_WELLS,
    attributes: { category: 'analytics' },
    lang: 'cy',
  },
  {
    name: 'no-cookies',
    description: 'A council that sets no optional cookies: the table says so.',
    catalog: KEIGHLEY,
  },
  {
    name: 'regional',
    description: 'A regional language tag (cy-GB) takes the Welsh.',
    catalog: TUNBRIDGE_WELLS,
    attributes: { category: 'analytics' },
    lang: 'cy-GB',
    hidden: true,
  },
];
