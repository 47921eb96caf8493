import { WITH_VIDEO } from '../examples/catalogues.js';
import type { ElementExample } from '../examples/element-example.js';

export const placeholderExamples: ElementExample[] = [
  {
    name: 'video',
    description: 'A council meeting video from YouTube, held until video cookies are accepted.',
    catalog: WITH_VIDEO,
    attributes: { category: 'video', provider: 'YouTube', src: 'https://www.youtube-nocookie.com/embed/council-meeting' },
  },
  {
    name: 'welsh',
    description: 'The same on a page in Welsh.',
    catalog: WITH_VIDEO,
    attributes: { category: 'video', provider: 'YouTube', src: 'https://www.youtube-nocookie.com/embed/council-meeting' },
    lang: 'cy',
  },
  {
    name: 'several-categories',
    description: 'Content that needs two categories: the button grants both.',
    catalog: WITH_VIDEO,
    attributes: { category: 'analytics video', provider: 'YouTube' },
    hidden: true,
  },
];
