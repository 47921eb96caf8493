#!/usr/bin/env node
// What a script-tag file's bytes are spent on, from its source map (run `npm run build` first):
//
//   node bench/bundle.mjs [--file dist/council-cookie-consent.iife.js] [--json]
//   node bench/bundle.mjs [--file …] --without src/effects/consent-log.ts,src/consent/cookie-control-migration.ts
//
// --file is any of the script-tag files: the core (council-cookie-consent.iife.js, the default),
// the parts it fetches (.banner.js, .details.js, .cy.js) or the single file (.all.iife.js).
// Every byte of the file is charged to the source module the map says it came from (bytes the
// minifier wrote with no source, such as the wrapper, to "(generated)"). For each module: its
// minified bytes, and the brotli size of those bytes on their own. Modules compress better
// together than alone, so the last column adds up to more than the file; its total is printed
// beside the file's real size to show by how much. A part reads the modules an earlier part
// shares (build/script-parts.ts) from that part: they are charged to the part that carries them.
//
// `--without` answers "what would leaving these out save?": it builds the file twice in memory
// from the current src/ (rollup.config.ts, nothing written), as it is and with each named
// module's exports replaced by empty stand-ins, and prints both sizes. The result does not run;
// it only prices the modules together with everything that only they use. (An in-memory build
// can differ from dist/ by a few bytes: the build shares one name cache across the files.)
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compressedSizes, table } from './lib/stats.mjs';

const { values: options } = parseArgs({
  options: {
    file: { type: 'string', default: 'dist/council-cookie-consent.iife.js' },
    json: { type: 'boolean', default: false },
    without: { type: 'string' },
  },
});
const BUNDLE = options.file;

/** The script-tag file built in memory with `modules` stubbed out; its minified code. */
async function buildWithout(modules) {
  const { rollup } = await import('rollup');
  const { loadConfigFile } = await import('rollup/loadConfigFile');
  // The TypeScript config plugin exactly as `npm run build` passes it.
  const configPlugin = JSON.parse(readFileSync('package.json', 'utf8')).scripts.build.match(/--configPlugin "([^"]+)"/)[1];
  const { options: configs } = await loadConfigFile(resolve('rollup.config.ts'), { configPlugin });
  const config = configs.find((entry) => entry.output.some((output) => output.file === BUNDLE));
  if (!config) throw new Error(`rollup.config.ts builds no ${BUNDLE}`);
  const wanted = new Set(modules.map((module) => resolve(module)));
  for (const id of wanted) if (!existsSync(id)) throw new Error(`no such module: ${id}`);
  const stubs = {
    name: 'stub-modules',
    load(id) {
      if (!wanted.has(id)) return null;
      const source = readFileSync(id, 'utf8');
      const names = [
        ...[...source.matchAll(/export (?:async )?(?:const|let|function|class) (\w+)/g)].map((match) => match[1]),
        ...[...source.matchAll(/export \{([^}]*)\}/g)].flatMap((match) =>
          match[1]
            .split(',')
            .map((name) =>
              name
                .trim()
                .split(/\s+as\s+/)
                .pop(),
            )
            .filter(Boolean),
        ),
      ];
      return `${names.map((name) => `export const ${name} = () => {};`).join('\n')}\nexport {};`;
    },
  };
  const bundle = await rollup({ ...config, plugins: [stubs, ...config.plugins], onwarn: () => {} });
  const { output } = await bundle.generate({ ...config.output[0], sourcemap: false });
  return output[0].code;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one mapping segment (base64 VLQ) into its numbers. */
function decodeSegment(segment) {
  const numbers = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      numbers.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return numbers;
}

/** A short, stable name for a source path in the map: the package or the file under src/. */
function moduleName(source) {
  const inPackage = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/);
  if (inPackage) return `${inPackage[1]}/${inPackage[2]}`;
  return source.replace(/^(\.\.\/)+/, '');
}

if (options.without) {
  const modules = options.without.split(',').filter(Boolean);
  const full = compressedSizes(Buffer.from(await buildWithout([]))).brotli;
  const lean = compressedSizes(Buffer.from(await buildWithout(modules))).brotli;
  console.log(`${BUNDLE}: ${full} B brotli; without ${modules.join(', ')}: ${lean} B brotli (${lean - full} B)`);
  process.exit(0);
}
const code = readFileSync(BUNDLE, 'utf8');
const map = JSON.parse(readFileSync(`${BUNDLE}.map`, 'utf8'));
const pieces = new Map();
const charge = (name, text) => pieces.set(name, (pieces.get(name) ?? '') + text);

// Walk the mappings line by line; each segment owns the text up to the next segment.
const lines = code.split('\n');
let source = 0;
map.mappings.split(';').forEach((lineMappings, lineIndex) => {
  const line = lines[lineIndex] ?? '';
  let column = 0;
  let owner = '(generated)';
  let from = 0;
  for (const segment of lineMappings ? lineMappings.split(',') : []) {
    const [columnDelta, sourceDelta] = decodeSegment(segment);
    column += columnDelta;
    charge(owner, line.slice(from, column));
    from = column;
    if (sourceDelta !== undefined) {
      source += sourceDelta;
      owner = moduleName(map.sources[source]);
    } else owner = '(generated)';
  }
  charge(owner, `${line.slice(from)}\n`);
});

const whole = compressedSizes(Buffer.from(code));
const rows = [...pieces]
  .map(([name, text]) => ({ module: name, minified: Buffer.byteLength(text), brotliAlone: compressedSizes(Buffer.from(text)).brotli }))
  .sort((a, b) => b.brotliAlone - a.brotliAlone);
const sum = (key, filter = () => true) => rows.filter(filter).reduce((total, row) => total + row[key], 0);
const isLibrary = (row) => /^(lit|lit-html|lit-element|@lit\/|js-cookie)/.test(row.module);

if (options.json) {
  console.log(JSON.stringify({ bundle: BUNDLE, minified: whole.raw, gzip: whole.gzip, brotli: whole.brotli, modules: rows }, null, 2));
} else {
  console.log(`${BUNDLE}: ${whole.raw} B minified, ${whole.gzip} B gzip, ${whole.brotli} B brotli\n`);
  console.log(
    table(
      ['module', 'minified B', 'brotli alone B'],
      rows.map((row) => [row.module, row.minified, row.brotliAlone]),
      ['left', 'right', 'right'],
    ),
  );
  console.log(
    `\nSum of the modules alone: ${sum('brotliAlone')} B brotli (the bundle compresses to ${whole.brotli} B).` +
      ` Lit and js-cookie: ${sum('minified', isLibrary)} B minified, ${sum('brotliAlone', isLibrary)} B brotli alone;` +
      ` this library's own code: ${sum('minified', (row) => !isLibrary(row))} B minified, ${sum('brotliAlone', (row) => !isLibrary(row))} B brotli alone.`,
  );
}
