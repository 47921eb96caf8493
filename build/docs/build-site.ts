import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bannerExamples } from '../../src/ui/cookie-banner/cookie-banner.examples.js';
import { placeholderExamples } from '../../src/ui/cookie-embed-placeholder/cookie-embed-placeholder.examples.js';
import { preferencesExamples } from '../../src/ui/cookie-preferences/cookie-preferences.examples.js';
import { tableExamples } from '../../src/ui/cookie-table/cookie-table.examples.js';
import type { ElementExample } from '../../src/ui/examples/element-example.js';
import { catalogueReference, type Schema } from './catalogue-reference.js';
import { customPropertiesTable, type ElementDeclaration, elementPage, elementsOf, type Manifest } from './element-pages.js';
import { layout } from './layout.js';
import { type MarkdownContext, renderMarkdown } from './markdown.js';
import { type Generated, PAGES, type Page } from './site-map.js';

/** Each element's named examples: its page shows the ones not `hidden`. */
export const EXAMPLES: Record<string, ElementExample[]> = {
  'cookie-banner': bannerExamples,
  'cookie-preferences': preferencesExamples,
  'cookie-table': tableExamples,
  'cookie-embed-placeholder': placeholderExamples,
};

export interface SiteFile {
  /** Relative to the site's folder (dist/docs). */
  path: string;
  content: string | Buffer;
}

/** Where a repository file a page links to is put in the site. Browsers show .json and .txt; anything else is served as text. */
const publishedPath = (repoPath: string) => `source/${repoPath}${/\.(json|txt)$/.test(repoPath) ? '' : '.txt'}`;

/** The frame each live example runs in: the real element, mounted by the docs bundle. */
const EXAMPLE_FRAME = `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Live example</title>
  <link rel="stylesheet" href="assets/example-frame.css">
  <script type="module" src="assets/docs-site.js"></script>
</head>
<body class="example-frame-page">
  <main id="example"><p class="loading">Loading the example…</p></main>
</body>
</html>
`;

/** Whether the catalogue editor's own build has written its page into a site folder (not the placeholder below). */
export function editorBuilt(siteFolder: string): boolean {
  const page = join(siteFolder, 'editor/index.html');
  return existsSync(page) && !readFileSync(page, 'utf8').includes('data-placeholder');
}

/** Stands in for the catalogue editor until its own build (src/editor/) writes dist/docs/editor/. */
const EDITOR_PLACEHOLDER = (page: Page) =>
  layout(page, {
    title: 'Catalogue editor',
    content: `<h1 data-placeholder>Catalogue editor</h1>
<p>The catalogue editor is built from <code>src/editor/</code> by <code>npm run build</code>; this copy of the documentation was built without it.</p>`,
  }).replace(/href="(?!#|https?:)/g, 'href="../');

/**
 * The documentation site: every page of the site map as static HTML, the live examples' frame,
 * and the repository files pages link to. Throws, naming the page, when a page cannot be built
 * (a missing source, a link to nothing), so a broken page never ships.
 */
export function buildSite(root: string, { editorBuilt = false } = {}): SiteFile[] {
  const read = (path: string) => readFileSync(join(root, path), 'utf8');
  if (!existsSync(join(root, 'custom-elements.json'))) throw new Error('custom-elements.json is missing: `npm run manifest` writes it');
  const elements = elementsOf(JSON.parse(read('custom-elements.json')) as Manifest);
  const schema = JSON.parse(read('cookie-catalogs/catalog.schema.json')) as Schema;
  const files: SiteFile[] = [{ path: 'example.html', content: EXAMPLE_FRAME }];
  const published = new Set<string>();

  const context = (source: string): MarkdownContext => ({
    source,
    // A generated page has no Markdown: a page links to it by its address in the site (docs/cookie-table.html).
    pageFor: (repoPath) =>
      PAGES.find((page) =>
        page.kind === 'markdown' ? page.source === repoPath : page.kind === 'generated' && `docs/${page.output}` === repoPath,
      )?.output,
    fileKind: (repoPath) => {
      const path = join(root, repoPath);
      if (!existsSync(path)) return undefined;
      return statSync(path).isDirectory() ? 'folder' : 'file';
    },
    publishFile: (repoPath) => {
      if (!published.has(repoPath)) {
        published.add(repoPath);
        files.push({ path: publishedPath(repoPath), content: readFileSync(join(root, repoPath)) });
      }
      return publishedPath(repoPath);
    },
    blocks: { 'custom-properties': () => customPropertiesTable(elements) },
  });

  const generate = (generator: Generated, page: Page): { title: string; html: string; withExamples?: boolean } => {
    switch (generator) {
      case 'catalogue-reference':
        return catalogueReference(schema, context('docs/catalogue-reference.md').publishFile('cookie-catalogs/catalog.schema.json'));
      case 'element': {
        const tag = page.kind === 'generated' ? page.element! : '';
        const declaration = elements.get(tag);
        if (!declaration) throw new Error(`custom-elements.json documents no <${tag}>: give its class a JSDoc @tag`);
        return { ...elementPage(declaration, EXAMPLES[tag] ?? []), withExamples: true };
      }
      case 'theming':
        return fallbackTheming(elements);
      case 'installing':
        return fallbackInstalling();
    }
  };

  for (const page of PAGES) {
    if (page.kind === 'external') {
      if (!editorBuilt) files.push({ path: `${page.output}index.html`, content: EDITOR_PLACEHOLDER(page) });
      continue;
    }
    let rendered: { title: string; html: string; withExamples?: boolean };
    if (page.kind === 'generated') rendered = generate(page.generator, page);
    else if (existsSync(join(root, page.source))) rendered = renderMarkdown(read(page.source), context(page.source));
    else if (page.fallback) rendered = generate(page.fallback, page);
    else throw new Error(`${page.source} is in the docs site map (build/docs/site-map.ts) but not in the repository`);
    files.push({
      path: page.output,
      content: layout(page, { title: rendered.title, content: rendered.html, withExamples: rendered.withExamples }),
    });
  }
  return files;
}

/** Until docs/theming.md is written: every custom property, from the manifest. */
function fallbackTheming(elements: Map<string, ElementDeclaration>) {
  return {
    title: 'Theming',
    html: `<h1>Theming</h1>
<p>Each element draws itself in a shadow root, so the site's CSS cannot break it; it is themed through the CSS custom properties below (set on <code>:root</code> or on an element) and through its CSS parts (<code>cookie-banner::part(heading)</code>), listed on each element's page.</p>
${customPropertiesTable(elements)}`,
  };
}

/** Until docs/installing.md is written: where the files come from. */
function fallbackInstalling() {
  return {
    title: 'Installing',
    html: `<h1>Installing</h1>
<p>For a site build: <code>npm install council-cookie-consent</code>, then <code>import { init } from 'council-cookie-consent'</code>. For a script tag: copy the <code>dist/council-cookie-consent.*.js</code> files of the package to one folder of your site and put one tag in every page's <code>&lt;head&gt;</code>, as <a href="getting-started.html">Getting started in your CMS</a> shows.</p>`,
  };
}
