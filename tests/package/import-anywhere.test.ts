import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodeResolve from '@rollup/plugin-node-resolve';
import { type OutputChunk, rollup } from 'rollup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUp, consumerProject, type Packed, pack, packFolder } from './packed.js';

const ELEMENTS = ['cookie-banner', 'cookie-preferences', 'cookie-table', 'cookie-embed-placeholder'];

let packed: Packed;
let site: string;
beforeAll(() => {
  packed = pack();
  site = consumerProject(packed);
});
afterAll(() => cleanUp(packFolder(packed), site));

/** Runs an ES module in a fresh Node process in the site's folder (so its globals are Node's own). */
function runInNode(code: string) {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: site, encoding: 'utf8', timeout: 30000 });
  return { status: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}

describe('on a server (Next.js, Nuxt, Astro, SvelteKit render in Node)', () => {
  it('importing each entry point throws nothing, starts nothing, registers nothing and leaves Node free to exit', () => {
    const run = runInNode(`
      const before = new Set(Object.getOwnPropertyNames(globalThis));
      const api = await import('council-cookie-consent');
      const elements = {};
      for (const tag of ${JSON.stringify(ELEMENTS)}) elements[tag] = Object.keys(await import('council-cookie-consent/' + tag));
      const catalog = (await import('council-cookie-consent/catalogs/tunbridge-wells.json', { with: { type: 'json' } })).default;
      const schema = (await import('council-cookie-consent/catalog.schema.json', { with: { type: 'json' } })).default;
      const added = Object.getOwnPropertyNames(globalThis).filter((name) => !before.has(name));
      console.log(JSON.stringify({
        added,
        registered: ${JSON.stringify(ELEMENTS)}.filter((tag) => globalThis.customElements?.get(tag)),
        elements,
        init: api.init({ catalog: api.defineCatalog(catalog) }) ?? 'undefined',
        calls: [api.hasConsent('analytics'), api.getConsent(), api.acceptAll() ?? 'undefined', api.showPreferences() ?? 'undefined'],
        valid: api.validateCatalog(catalog).problems ?? 'valid',
        schema: schema.$schema,
        scriptTagFile: import.meta.resolve('council-cookie-consent/iife'),
      }));
      // No timer, socket or listener is left: the process ends by itself (spawnSync would time out).
    `);
    expect(run.stderr).toBe('');
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    // Only Lit's own bookkeeping and its server stand-in registry: nothing of ours.
    expect(result.added.filter((name: string) => !/^(lit[A-Z]\w*|reactiveElementVersions|customElements)$/.test(name))).toEqual([]);
    expect(result.added).not.toContain('CookieConsent');
    expect(result.registered).toEqual([]);
    for (const tag of ELEMENTS) expect(result.elements[tag]).toHaveLength(1);
    expect(result.init).toBe('undefined');
    expect(result.calls).toEqual([false, null, 'undefined', 'undefined']);
    expect(result.valid).toBe('valid');
    expect(result.schema).toMatch(/json-schema\.org/);
    // The script-tag file is a file to serve (<script src>), found through the exports without running it.
    expect(result.scriptTagFile).toMatch(/\/node_modules\/council-cookie-consent\/dist\/council-cookie-consent\.iife\.js$/);
  });
});

/** Bundles `code` as a site's entry with Rollup (which honours the package's `sideEffects`), for browsers. */
async function bundle(code: string) {
  const entry = join(site, `entry-${Math.random().toString(36).slice(2)}.js`);
  writeFileSync(entry, code);
  const build = await rollup({ input: entry, plugins: [nodeResolve({ browser: true, rootDir: site })], logLevel: 'silent' });
  const { output } = await build.generate({ format: 'es' });
  await build.close();
  const chunks = output.filter((item): item is OutputChunk => item.type === 'chunk');
  const modulesOf = (chunk: OutputChunk) => Object.keys(chunk.modules).filter((id) => chunk.modules[id].renderedLength > 0);
  const entryChunk = chunks.find((chunk) => chunk.isEntry)!;
  return { chunks, entryChunk, entryModules: modulesOf(entryChunk), allModules: chunks.flatMap(modulesOf) };
}
const LIT = /\/node_modules\/(lit|lit-html|lit-element|@lit|@lit-labs)\//;

describe('in a site’s bundle', () => {
  it('a site that imports only validateCatalog gets no Lit, no element and no interface chunk', async () => {
    const { chunks, allModules, entryChunk } = await bundle(
      `import { validateCatalog } from 'council-cookie-consent';\nconsole.log(validateCatalog({}).problems);\n`,
    );
    console.log(`validateCatalog alone: ${entryChunk.code.length} B unminified from ${allModules.length} modules`);
    expect(chunks).toHaveLength(1);
    expect(allModules.filter((id) => LIT.test(id))).toEqual([]);
    expect(entryChunk.code).not.toMatch(/customElements|LitElement|js-cookie/);
    expect(entryChunk.code).toContain('validateCatalog');
  });

  it('a site that imports only types gets nothing of the package', async () => {
    // What TypeScript leaves of `import type { Catalog } from 'council-cookie-consent'`: nothing; a bare
    // import of the entry for its types would be kept only if the entry had side effects.
    const { allModules } = await bundle(`import {} from 'council-cookie-consent';\nexport const site = 'a council';\n`);
    expect(allModules.filter((id) => id.includes('/council-cookie-consent/'))).toEqual([]);
  });

  it('init() keeps the interface (Lit and the elements) out of the entry chunk, behind import()', async () => {
    const { chunks, entryModules, allModules } = await bundle(
      `import { init } from 'council-cookie-consent';\ninit({ catalog: '/c.json' });\n`,
    );
    expect(entryModules.filter((id) => LIT.test(id))).toEqual([]);
    expect(chunks.length).toBeGreaterThan(1);
    expect(allModules.filter((id) => LIT.test(id)).length).toBeGreaterThan(0);
  });

  it('an element entry keeps what registers it, and its Welsh wording, despite sideEffects', async () => {
    const { entryChunk } = await bundle(`import 'council-cookie-consent/cookie-table';\n`);
    expect(entryChunk.code).toMatch(/defineElement\(['"]cookie-table['"]/);
    // The Welsh wording registers itself by being imported: it must not be dropped as unused.
    expect(entryChunk.code).toContain('Cwcis');
  });

  it('the script-tag files are in the package for a site to serve', () => {
    for (const file of ['council-cookie-consent.iife.js', 'council-cookie-consent.all.iife.js'])
      expect(existsSync(join(site, 'node_modules/council-cookie-consent/dist', file))).toBe(true);
    expect(readFileSync(join(site, 'node_modules/council-cookie-consent/dist/council-cookie-consent.iife.js'), 'utf8')).not.toMatch(
      /^\s*(import|export)\b/m,
    );
  });
});
