import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import type { OutputOptions, Plugin, RollupOptions } from 'rollup';
import { editorPage } from './build/editor-page.js';
import { INTERNAL_NAMES } from './build/internal-names.js';
import { minifyTemplateLiterals } from './build/minify-templates.js';
import { releaseFiles } from './build/release-files.js';
import { PARTS_GLOBAL, partHashes, SHARED, sharing, usingShared } from './build/script-parts.js';
import { tableStylesheet } from './build/table-stylesheet.js';

const browserTypescript = (declarations: boolean) =>
  typescript({
    tsconfig: './tsconfig.json',
    ...(declarations ? { declaration: true, declarationDir: 'dist', rootDir: 'src', outDir: 'dist' } : { declaration: false }),
  });

/**
 * One name cache for every script-tag file, so a shortened member name (`isGranted`) is the
 * same in the core and in the interface parts that call it. Rollup builds the files in turn.
 */
const nameCache = {};

/**
 * `builtins: true` lets terser shorten listed names that also exist on some DOM interface
 * (adopt, subscribe): these files read them from their own objects only.
 */
const minify = () =>
  terser({
    ecma: 2020,
    module: true,
    nameCache,
    compress: { passes: 3, pure_getters: true, unsafe_arrows: true },
    mangle: { properties: { regex: INTERNAL_NAMES, builtins: true } },
    format: {
      comments: false,
      // Nearly every function in the script-tag build runs on load: this asks V8 to compile them
      // all eagerly, on the thread that streams the download, instead of one by one on the
      // page's main thread (https://v8.dev/blog/explicit-compile-hints). Elsewhere: a comment.
      preamble: '//# allFunctionsCalledOnLoad',
    },
  });

const file = (part: string) => `dist/council-cookie-consent.${part}.js`;

/**
 * A minified script-tag file. A `part` puts its exports on the parts' global under its name,
 * with the modules it shares with later parts (build/script-parts.ts); `uses` names the earlier
 * parts whose shared modules it reads from there instead of carrying its own copy.
 */
function scriptTagFile(
  input: string,
  output: string,
  { part, uses = [], plugins = [] }: { part?: string; uses?: string[]; plugins?: Plugin[] } = {},
): RollupOptions {
  const shared = usingShared(uses);
  const shares = part && SHARED[part]?.length ? part : undefined;
  return {
    input,
    external: shared.external,
    output: {
      file: output,
      format: 'iife',
      sourcemap: 'hidden',
      globals: shared.globals,
      ...(part ? ({ name: `${PARTS_GLOBAL}.${part}`, extend: true } satisfies OutputOptions) : {}),
    },
    plugins: [
      ...(shares ? [sharing(shares)] : []),
      ...plugins,
      nodeResolve({ browser: true }),
      browserTypescript(false),
      minifyTemplateLiterals(),
      minify(),
    ],
  };
}

const nodeTypescript = () =>
  typescript({
    tsconfig: './tsconfig.node.json',
    noEmit: false,
    declaration: false,
    include: ['src/**/*.ts'],
    exclude: ['src/**/*.test.ts'],
  });

const config: RollupOptions[] = [
  // The interface parts first: the core carries their integrity hashes.
  scriptTagFile('src/entries/banner-part.ts', file('banner'), { part: 'banner', uses: ['core'] }),
  scriptTagFile('src/entries/details-part.ts', file('details'), { part: 'details', uses: ['core', 'banner'] }),
  scriptTagFile('src/entries/cy-part.ts', file('cy'), { uses: ['banner'] }),
  // The core: the one file a council's script tag loads.
  scriptTagFile('src/entries/script-tag.ts', file('iife'), {
    part: 'core',
    plugins: [partHashes({ banner: file('banner'), details: file('details'), cy: file('cy') })],
  }),
  // Everything in one file, for councils who want one file.
  // Built last of the script-tag files: then each gets its versioned copy and integrity hash.
  scriptTagFile('src/entries/single-file.ts', file('all.iife'), { plugins: [releaseFiles()] }),
  {
    // The ESM build for site builds: lit, @lit/context and js-cookie stay imports, so a site's
    // bundler shares them; the interface is behind import(), which the bundler splits off.
    // It also writes dist/cookie-table.css, for the tables pasted from `tables`, and copies the
    // opt-in dark colours, dist/dark-mode.css (docs/theming.md).
    input: {
      index: 'src/index.ts',
      'cookie-banner': 'src/ui/cookie-banner/define.ts',
      'cookie-preferences': 'src/ui/cookie-preferences/define.ts',
      'cookie-table': 'src/ui/cookie-table/define.ts',
      'cookie-embed-placeholder': 'src/ui/cookie-embed-placeholder/define.ts',
    },
    output: { dir: 'dist', format: 'es', sourcemap: true, entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    external: [/^lit($|\/)/, /^@lit\//, 'js-cookie'],
    plugins: [
      nodeResolve({ browser: true }),
      browserTypescript(true),
      tableStylesheet(),
      {
        name: 'dark-mode-stylesheet',
        generateBundle() {
          this.emitFile({ type: 'asset', fileName: 'dark-mode.css', source: readFileSync('src/ui/dark-mode.css', 'utf8') });
        },
      },
    ],
  },
  {
    // How the tests, the audit and the benchmarks find Chromium, for plain Node scripts (bench/).
    input: 'src/cli/chromium.ts',
    output: { file: 'dist/chromium.js', format: 'es' },
    external: [...builtinModules, /^node:/],
    plugins: [nodeTypescript()],
  },
  {
    // The command line, for Node.
    input: 'src/cli/main.ts',
    output: { file: 'dist/cli.js', format: 'es', banner: '#!/usr/bin/env node' },
    external: [...builtinModules, /^node:/, 'playwright', 'playwright-core', 'better-sqlite3', 'pg'],
    plugins: [nodeResolve(), nodeTypescript()],
  },
  // The catalogue editor for the docs site, one self-contained page (after the core: it carries its integrity hash).
  editorPage(),
];

export default config;
