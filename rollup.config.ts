import { builtinModules } from 'node:module';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import type { Plugin, RollupOptions } from 'rollup';
import { withoutBuiltInWelsh } from './build/english-only.js';
import { INTERNAL_NAMES } from './build/internal-names.js';
import { minifyTemplateLiterals } from './build/minify-templates.js';

const browserTypescript = (declarations: boolean) =>
  typescript({
    tsconfig: './tsconfig.json',
    ...(declarations ? { declaration: true, declarationDir: 'dist', rootDir: 'src', outDir: 'dist' } : { declaration: false }),
  });

/**
 * `builtins: true` lets terser shorten listed names that also exist on some DOM interface
 * (context, adopt, subscribe): this bundle reads them from its own objects only.
 */
const minify = () =>
  terser({
    ecma: 2020,
    module: true,
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

/** A script-tag build: one minified, self-contained file. */
const scriptTagBuild = (file: string, extraPlugins: Plugin[] = []): RollupOptions => ({
  input: 'src/auto.ts',
  output: { file, format: 'iife', sourcemap: 'hidden' },
  plugins: [...extraPlugins, nodeResolve({ browser: true }), browserTypescript(false), minifyTemplateLiterals(), minify()],
});

const config: RollupOptions[] = [
  scriptTagBuild('dist/council-cookie-consent.iife.js'),
  // The same without the built-in Welsh, for councils whose pages are only in English.
  scriptTagBuild('dist/council-cookie-consent.en.iife.js', [withoutBuiltInWelsh()]),
  {
    // The ESM build for site builds: lit and js-cookie stay imports, so a site's bundler shares them.
    input: 'src/index.ts',
    output: { file: 'dist/index.js', format: 'es', sourcemap: true },
    external: [/^lit($|\/)/, /^@lit\//, 'js-cookie'],
    plugins: [nodeResolve({ browser: true }), browserTypescript(true)],
  },
  {
    // How the tests, the audit and the benchmarks find Chromium, for plain Node scripts (bench/).
    input: 'src/cli/chromium.ts',
    output: { file: 'dist/chromium.js', format: 'es' },
    external: [...builtinModules, /^node:/],
    plugins: [
      typescript({
        tsconfig: './tsconfig.node.json',
        noEmit: false,
        declaration: false,
        include: ['src/**/*.ts'],
        exclude: ['src/**/*.test.ts'],
      }),
    ],
  },
  {
    // The command line, for Node.
    input: 'src/cli/main.ts',
    output: { file: 'dist/cli.js', format: 'es', banner: '#!/usr/bin/env node' },
    external: [...builtinModules, /^node:/, 'playwright', 'playwright-core', 'better-sqlite3', 'pg'],
    plugins: [
      nodeResolve(),
      typescript({
        tsconfig: './tsconfig.node.json',
        noEmit: false,
        declaration: false,
        include: ['src/**/*.ts'],
        exclude: ['src/**/*.test.ts'],
      }),
    ],
  },
];

export default config;
