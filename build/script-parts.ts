import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { OutputOptions, Plugin, RollupOptions } from 'rollup';

/**
 * The script-tag build comes in parts: the core (always loaded) and the interface parts it
 * fetches when a page needs them. A part does not carry its own copy of a module an earlier
 * part already has: that part exports the module's namespace on a global,
 * `__councilCookieConsent.<part>.<module>`, and later parts read it from there. What each part
 * shares is listed here; tests/build/script-parts.test.ts checks that no module ships twice.
 */
export const PARTS_GLOBAL = '__councilCookieConsent';

/**
 * Only what is worth it: a module of a few bytes costs less copied into a later part than
 * exported from the core, which every page view loads.
 */
export const SHARED: Record<string, string[]> = {
  core: ['src/catalog/load.ts', 'src/safe-url.ts'],
  banner: [
    'lit',
    'src/wording/wording.ts',
    'src/ui/page-consent-context.ts',
    'src/ui/shared.styles.ts',
    'src/ui/is-shown.ts',
    'src/ui/define-element.ts',
  ],
};

const ROOT = resolve('.');
/** A module's id as listed above: a package name, or a path from the repository root. */
const listedId = (id: string) => (id.startsWith(ROOT) ? relative(ROOT, id).replace(/\\/g, '/') : id);
/** A module's name on the global: `src/catalog/load.ts` → `src_catalog_load_ts`, `@lit/context` → `_lit_context`. */
const exportName = (id: string) => id.replace(/[^A-Za-z0-9]/g, '_');

/** For a part that shares modules: its entry also exports each shared module's namespace. */
export function sharing(part: string): Plugin {
  const VIRTUAL = `\0shared-entry:${part}`;
  let entry = '';
  return {
    name: 'script-part-sharing',
    options(options) {
      entry = resolve(options.input as string);
      return { ...options, input: VIRTUAL };
    },
    resolveId: (id) => (id === VIRTUAL ? id : null),
    load(id) {
      if (id !== VIRTUAL) return null;
      const file = (module: string) => (module.startsWith('src/') ? resolve(module) : module);
      return [
        `export * from ${JSON.stringify(entry)};`,
        ...SHARED[part].map((module) => `export * as ${exportName(module)} from ${JSON.stringify(file(module))};`),
      ].join('\n');
    },
  };
}

/** For a part that uses modules earlier parts share: they stay out of it and are read from the global. */
export function usingShared(fromParts: string[]): Pick<RollupOptions, 'external'> & Pick<OutputOptions, 'globals'> {
  const owner = new Map(fromParts.flatMap((part) => SHARED[part].map((module) => [module, part] as const)));
  const partOf = (id: string) => owner.get(listedId(id));
  return {
    external: (id, _importer, isResolved) => (isResolved || !id.startsWith('.') ? partOf(id) !== undefined : false),
    // Rollup also asks about other names (the root of output.name): those stay as they are.
    globals: (id) => (partOf(id) ? `${PARTS_GLOBAL}.${partOf(id)}.${exportName(listedId(id))}` : id),
  };
}

/** `virtual:part-hashes` for the core: each interface part's Subresource Integrity hash, read from dist/. */
export function partHashes(files: Record<string, string>): Plugin {
  const ID = '\0part-hashes';
  return {
    name: 'part-hashes',
    resolveId: (id) => (id === 'virtual:part-hashes' ? ID : null),
    load(id) {
      if (id !== ID) return null;
      const hashes = Object.fromEntries(
        Object.entries(files).map(([part, file]) => [part, `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`]),
      );
      return `export const PART_HASHES = ${JSON.stringify(hashes)};`;
    },
  };
}
