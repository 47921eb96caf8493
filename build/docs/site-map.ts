/**
 * Every page of the documentation site, in the order of its navigation. To add a page, write
 * `docs/<name>.md` and list it here: the build renders it to `dist/docs/<name>.html`, and
 * tests/docs/site.test.ts fails for a Markdown page that is not listed.
 */
export type Page =
  /** A Markdown file of the repository, rendered. */
  | { kind: 'markdown'; source: string; output: string; label: string; fallback?: Generated }
  /** A page the build makes from the code: the catalogue schema, an element's manifest entry. */
  | { kind: 'generated'; generator: Generated; output: string; label: string; element?: string }
  /** A page another build step writes (the catalogue editor, `src/editor/`). */
  | { kind: 'external'; output: string; label: string };

/**
 * What the build can make: `catalogue-reference` from the schema, `element` from
 * custom-elements.json, and stand-ins for pages others write (`installing`, `theming`) used
 * only while their Markdown is not in the repository.
 */
export type Generated = 'catalogue-reference' | 'element' | 'installing' | 'theming';

export interface Section {
  label: string;
  pages: Page[];
}

const md = (name: string, label: string, fallback?: Generated): Page => ({
  kind: 'markdown',
  source: `docs/${name}.md`,
  output: `${name}.html`,
  label,
  ...(fallback ? { fallback } : {}),
});

const element = (tag: string): Page => ({
  kind: 'generated',
  generator: 'element',
  element: tag,
  output: `${tag}.html`,
  label: `<${tag}>`,
});

export const ELEMENTS = ['cookie-banner', 'cookie-preferences', 'cookie-table', 'cookie-embed-placeholder'];

export const SECTIONS: Section[] = [
  {
    label: 'Start here',
    pages: [
      { kind: 'markdown', source: 'README.md', output: 'index.html', label: 'Overview' },
      md('installing', 'Installing', 'installing'),
      md('getting-started', 'Getting started in your CMS'),
      md('catalogue', 'The catalogue'),
      { kind: 'generated', generator: 'catalogue-reference', output: 'catalogue-reference.html', label: 'Catalogue reference' },
      { kind: 'external', output: 'editor/', label: 'Catalogue editor' },
      md('editor', 'Using the catalogue editor'),
    ],
  },
  {
    label: 'The elements',
    pages: [md('elements', 'How the elements work'), ...ELEMENTS.map(element), md('theming', 'Theming', 'theming')],
  },
  {
    label: 'Integrate',
    pages: [
      md('api', 'JavaScript API and events'),
      md('google-tag-manager', 'Google Tag Manager'),
      md('cookie-control', 'Moving from Cookie Control'),
      md('security', 'Security and the CSP'),
      md('consent-records', 'Consent cookie and log formats'),
      md('receipts', 'Receipts service'),
    ],
  },
  {
    label: 'Compliance',
    pages: [
      md('privacy', 'Privacy signals and the law'),
      md('accessibility', 'Accessibility statement'),
      md('browsers', 'Supported browsers'),
    ],
  },
  {
    label: 'Tools and project',
    pages: [
      md('cli', 'Command line'),
      md('performance', 'Performance'),
      md('architecture', 'Architecture'),
      md('development', 'Development'),
    ],
  },
];

export const PAGES: Page[] = SECTIONS.flatMap((section) => section.pages);
