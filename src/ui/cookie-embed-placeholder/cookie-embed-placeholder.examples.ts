import { KEIGHLEY, WITH_VIDEO } from '../examples/catalogues.js';
import type { ElementExample } from '../examples/element-example.js';

const MEETING = 'https://www.youtube-nocookie.com/embed/council-meeting';

export const placeholderExamples: ElementExample[] = [
  {
    name: 'video',
    description: 'A council meeting video from YouTube, held until video cookies are accepted.',
    catalog: WITH_VIDEO,
    attributes: { category: 'video', provider: 'YouTube', src: MEETING },
  },
  {
    name: 'welsh',
    description: 'The same on a page in Welsh.',
    catalog: WITH_VIDEO,
    attributes: { category: 'video', provider: 'YouTube', src: MEETING },
    lang: 'cy',
  },
  {
    name: 'no-provider',
    description: 'No `data-provider` on the iframe: the sentence says only that the content is hidden; the button names the category.',
    catalog: WITH_VIDEO,
    attributes: { category: 'video', src: MEETING },
  },
  {
    name: 'undeclared-category',
    description: 'A category the catalogue does not declare (Keighley has no optional one): no button, only the link.',
    catalog: KEIGHLEY,
    attributes: { category: 'video', provider: 'YouTube', src: MEETING },
  },
  {
    name: 'several-categories',
    description: 'Content that needs two categories: the button grants both.',
    catalog: WITH_VIDEO,
    attributes: { category: 'analytics video', provider: 'YouTube', src: MEETING },
    hidden: true,
  },
];
