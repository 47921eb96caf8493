import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUp, type Packed, pack, packFolder } from './packed.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const version: string = pkg.version;
const ELEMENTS = ['cookie-banner', 'cookie-preferences', 'cookie-table', 'cookie-embed-placeholder'];
const SCRIPT_TAG_FILES = ['iife', 'banner', 'details', 'cy', 'all.iife'].flatMap((part) => [
  `dist/council-cookie-consent.${part}.js`,
  `dist/council-cookie-consent-${version}.${part}.js`,
]);

/**
 * Everything a package file may be: what users need (the builds, their types, the ESM source
 * maps those files point to, the catalogues and schemas, the manifest, the documents), nothing
 * a test, a benchmark or the repository needs.
 */
const ALLOWED = [
  /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|custom-elements\.json)$/,
  /^cookie-catalogs\/[a-z.-]+\.json$/,
  /^schemas\/[a-z-]+\.schema\.json$/,
  /^dist\/(index|cookie-banner|cookie-preferences|cookie-table|cookie-embed-placeholder)\.js(\.map)?$/,
  /^dist\/chunks\/[\w.-]+\.js(\.map)?$/,
  /^dist\/council-cookie-consent(-\d+\.\d+\.\d+)?\.(iife|banner|details|cy|all\.iife)\.js$/,
  /^dist\/(cli\.js|integrity\.json)$/,
  // Stylesheets a council links: the pasted tables' look, and the dark palette (docs/theming.md).
  /^dist\/(cookie-table|dark-mode)\.css$/,
  /^dist\/([a-z-]+\/)*[a-z-]+(\.styles)?\.d\.ts$/,
];

let packed: Packed;
beforeAll(() => {
  packed = pack();
});
afterAll(() => cleanUp(packFolder(packed)));

describe('npm pack', () => {
  it('ships exactly what users need', () => {
    console.log(
      `npm pack: ${packed.files.length} files, ${packed.size} B packed, ${packed.unpackedSize} B unpacked:\n  ${packed.files.join('\n  ')}`,
    );
    expect(packed.files.filter((file) => !ALLOWED.some((pattern) => pattern.test(file)))).toEqual([]);
    for (const needed of [
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'custom-elements.json',
      'cookie-catalogs/catalog.schema.json',
      'cookie-catalogs/tunbridge-wells.json',
      'schemas/audit-report.schema.json',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/globals.d.ts',
      'dist/cli.js',
      'dist/integrity.json',
      'dist/cookie-table.css',
      'dist/dark-mode.css',
      ...SCRIPT_TAG_FILES,
      ...ELEMENTS.flatMap((element) => [`dist/${element}.js`, `dist/ui/${element}/define.d.ts`]),
    ])
      expect(packed.files).toContain(needed);
  });

  it('leaves out test-only output, the docs site, and the source maps of the minified script-tag files', () => {
    // The script-tag files carry no sourceMappingURL (their maps are for bench:bundle), so nobody's tools would load them.
    expect(packed.files.filter((file) => /^dist\/council-cookie-consent.*\.map$/.test(file))).toEqual([]);
    expect(packed.files.filter((file) => /examples|^dist\/entries\/|chromium|\.test\.|^src\/|^tests\//.test(file))).toEqual([]);
    // The documentation site (npm start serves it), the catalogue editor and the command line's
    // internal declarations are for this repository: the package's own types import none of them.
    expect(packed.files.filter((file) => /^dist\/(docs|editor|cli)\//.test(file))).toEqual([]);
  });

  it('has every file an export, the bin or a source map comment points to', () => {
    const targets = Object.values(pkg.exports as Record<string, string | Record<string, string>>)
      .flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)))
      .filter((target) => !target.includes('*'))
      .map((target) => target.replace(/^\.\//, ''));
    for (const target of [
      ...targets,
      pkg.main.replace(/^\.\//, ''),
      pkg.types.replace(/^\.\//, ''),
      pkg.bin['council-cookie-consent'].slice(2),
    ])
      expect(packed.files, target).toContain(target);
    for (const file of packed.files.filter((path) => path.endsWith('.js') && path.startsWith('dist/'))) {
      const map = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(file, 'utf8'))?.[1];
      if (map) expect(packed.files, `${file} points to ${map}`).toContain(file.replace(/[^/]+$/, map));
    }
  });

  it('has every module a packed declaration or ESM file imports', () => {
    const packedFiles = new Set(packed.files);
    for (const file of packed.files.filter((path) => /\.(d\.ts|js)$/.test(path) && !path.endsWith('cli.js'))) {
      const code = readFileSync(file, 'utf8');
      const specifiers = [
        ...code.matchAll(/^(?:import|export)\b[^'";]*['"](\.{1,2}\/[^'"]+)['"]/gm),
        ...code.matchAll(/\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g),
      ].map((match) => match[1]);
      for (const specifier of specifiers) {
        const target = new URL(specifier, `file:///${file}`).pathname.slice(1);
        const candidates = file.endsWith('.d.ts') ? [target.replace(/\.js$/, '.d.ts')] : [target];
        expect(
          candidates.some((candidate) => packedFiles.has(candidate)),
          `${file} imports ${specifier}`,
        ).toBe(true);
      }
    }
  });
});

describe('package linters on the packed tarball', () => {
  it('publint finds nothing, not even a suggestion', async () => {
    const tarball = readFileSync(packed.tarball);
    const { messages, pkg: linted } = await publint({
      pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.length) },
      strict: true,
    });
    const said = messages.map((message) => `${message.type}: ${formatMessage(message, linted)}`);
    console.log(`publint: ${said.length ? said.join('\n') : 'no problem'}`);
    expect(said).toEqual([]);
  });

  it('@arethetypeswrong/cli finds no problem in any entry point (ESM-only: Node 16+ and bundlers)', () => {
    // --profile esm-only: the package is ESM ("type": "module"); TypeScript's node10 resolution
    // (which ignores "exports") and require() from CommonJS are not supported, and attw says so
    // rather than counting them as problems. The stylesheets are entry points too, but for a
    // <link> or a bundler's CSS loader: they have no types to check.
    const STYLESHEETS = Object.keys(pkg.exports).filter((entry) => entry.endsWith('.css'));
    const attw = spawnSync(
      process.execPath,
      [
        'node_modules/@arethetypeswrong/cli/dist/index.js',
        packed.tarball,
        '--profile',
        'esm-only',
        '--format',
        'table-flipped',
        '--include-entrypoints',
        './catalogs/tunbridge-wells.json',
        './schemas/audit-report.schema.json',
        '--exclude-entrypoints',
        ...STYLESHEETS,
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      },
    );
    console.log(`attw:\n${attw.stdout}${attw.stderr}`);
    expect(attw.status).toBe(0);
    // Each entry point's row: node16 (from ESM) and bundler both resolve to types (🟢), or are a wildcard attw cannot list.
    const rows = attw.stdout.split('\n').filter((line) => line.startsWith('│ "council-cookie-consent'));
    expect(rows.length).toBeGreaterThanOrEqual(Object.keys(pkg.exports).length - STYLESHEETS.length);
    for (const row of rows)
      expect(row.split('│').slice(2, 4).join('|'), row).toMatch(/^\s*(🟢[^|]*|\(wildcard\)\s*)\|\s*(🟢|\(wildcard\))/);
  });
});
