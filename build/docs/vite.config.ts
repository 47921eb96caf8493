import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { buildSite, editorBuilt } from './build-site.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = `${root}dist/docs`;

/** The site's pages, its stylesheets and the files pages link to, emitted beside the docs bundle. */
function documentationSite(): Plugin {
  return {
    name: 'documentation-site',
    generateBundle() {
      // The catalogue editor's own build (src/editor/) writes dist/docs/editor/; a placeholder stands in only without it.
      for (const file of buildSite(root, { editorBuilt: editorBuilt(outDir) }))
        this.emitFile({ type: 'asset', fileName: file.path, source: file.content });
      for (const stylesheet of ['docs.css', 'example-frame.css'])
        this.emitFile({
          type: 'asset',
          fileName: `assets/${stylesheet}`,
          source: readFileSync(new URL(`./site/${stylesheet}`, import.meta.url)),
        });
    },
  };
}

/**
 * package.json's `sideEffects` names only the script-tag files, so a bundler takes every other
 * module of this package to be free of side effects and drops an import made for its effect
 * (`define.ts` registering an element, `wording/cy.ts` adding Welsh). The docs bundle imports
 * them for exactly that.
 */
function keepSourceSideEffects(): Plugin {
  return {
    name: 'keep-source-side-effects',
    transform(code, id) {
      if (id.startsWith(`${root}src/`)) return { code, map: null, moduleSideEffects: true };
    },
  };
}

/**
 * `npm run docs`: the documentation site in dist/docs — static HTML, two stylesheets, and one
 * small bundle (assets/docs-site.js) that mounts the elements' live examples. dist/docs is not
 * emptied first: the catalogue editor's build writes into dist/docs/editor/.
 */
export default defineConfig({
  root,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  plugins: [keepSourceSideEffects(), documentationSite()],
  build: {
    outDir,
    emptyOutDir: false,
    modulePreload: false,
    target: 'es2022',
    rollupOptions: {
      input: { 'docs-site': `${root}build/docs/site/docs-site.ts` },
      output: { entryFileNames: 'assets/[name].js', chunkFileNames: 'assets/[name]-[hash].js', assetFileNames: '[name][extname]' },
    },
  },
});
