import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import nodeResolve from '@rollup/plugin-node-resolve';
import { tokenizer } from 'acorn';
import { type OutputChunk, type Plugin, type RollupOptions, rollup } from 'rollup';
import { transformWithEsbuild } from 'vite';

/**
 * The catalogue editor (src/editor/) as one self-contained HTML file, dist/docs/editor/index.html:
 * its script and styles inline, the resident-facing elements for the live preview inline in the
 * preview frame's document, the bundled councils' catalogues and the script-tag file's integrity
 * hash built in. It makes no request, so a saved copy works with no server and no network, and
 * its Content-Security-Policy (`connect-src 'none'`, scripts and styles by hash) says so.
 *
 * TypeScript is only transpiled here (esbuild, through Vite): `npm run typecheck` checks it.
 */

const OUTPUT = 'dist/docs/editor/index.html';
/** The script-tag core, as the build just wrote it: the snippet's `integrity` is its sha384. */
const CORE_FILE = 'dist/council-cookie-consent.iife.js';
const CATALOGUES = 'cookie-catalogs';

const typescriptOnly = (): Plugin => ({
  name: 'editor-typescript',
  // The sources import each other as `./x.js`, as TypeScript wants: the file is `./x.ts`.
  resolveId(id, importer) {
    if (!importer?.endsWith('.ts') || !/^\.\.?\//.test(id) || !id.endsWith('.js')) return null;
    const file = resolve(dirname(importer), id.replace(/\.js$/, '.ts'));
    return existsSync(file) ? file : null;
  },
  async transform(code, id) {
    if (!id.endsWith('.ts')) return null;
    // Lit's reactive properties need class fields declared, not defined (as tsconfig.json says).
    const result = await transformWithEsbuild(code, id, {
      loader: 'ts',
      target: 'es2022',
      tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } },
    });
    return { code: result.code, map: result.map };
  },
});

async function minified(code: string): Promise<string> {
  const result = await transformWithEsbuild(code, 'editor.js', { minify: true, target: 'es2022', legalComments: 'none' });
  return result.code;
}

const cspHash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * Code for an inline `<script>`: an HTML parser would end it at `</script`, and `<!--` with
 * `<script` would change how it reads the rest, so each is written `\x3C…` — which is only the
 * same code inside a string, template or regular expression, where acorn finds every one.
 */
function inlineScript(code: string, what: string): string {
  const literals: [number, number][] = [];
  for (const token of tokenizer(code, { ecmaVersion: 'latest' }))
    if (['string', 'template', 'regexp'].includes(token.type.label)) literals.push([token.start, token.end]);
  return code.replace(/<(?=!--|\/?script)/gi, (_, index: number) => {
    if (!literals.some(([start, end]) => index >= start && index < end))
      throw new Error(`${what}: "${code.slice(index, index + 20)}" outside a string would break its inline <script>`);
    return '\\x3C';
  });
}

/** Text put inside an inline `<style>` must not end it early. */
function inlineStyle(css: string, what: string): string {
  if (/<\/style/i.test(css)) throw new Error(`${what} contains "</style"`);
  return css;
}

/** One IIFE bundle of `input`, minified. */
async function bundle(input: string): Promise<string> {
  const build = await rollup({ input, plugins: [nodeResolve({ browser: true }), typescriptOnly()], onwarn: failOnWarning });
  const { output } = await build.generate({ format: 'iife' });
  await build.close();
  return minified(output[0].code);
}

function failOnWarning(warning: { code?: string; message: string }): void {
  // Lit and parse5 are ES modules with `this` at the top level in comments only; anything else is a mistake.
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  throw new Error(`editor build: ${warning.message}`);
}

/** The `@cssprop` custom properties the elements document, with their descriptions and defaults. */
function documentedCustomProperties(): { name: string; description: string; fallback: string }[] {
  const found = new Map<string, { name: string; description: string; fallback: string }>();
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
        for (const [, name, text] of readFileSync(path, 'utf8').matchAll(/@cssprop\s+(--cookie-[\w-]+)\s+-\s+([^\n]*)/g)) {
          const fallback = /\(default:? ([^)]*)\)\.?\s*$/.exec(text)?.[1] ?? '';
          const description = text.replace(/\s*\(default[^)]*\)\.?\s*$/, '').trim();
          if (!found.has(name)) found.set(name, { name, description, fallback });
        }
    }
  };
  visit('src/ui');
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The editor's page. `virtual:editor-build` gives the editor what the build knows: the preview
 * frame's document, the bundled catalogues, the core's integrity hash and version, and the
 * elements' documented custom properties.
 */
export function editorPage(): RollupOptions {
  const VIRTUAL = '\0editor-build';
  const inlineHashes = { scripts: [] as string[], styles: [] as string[] };
  const plugin: Plugin = {
    name: 'editor-page',
    resolveId: (id) => (id === 'virtual:editor-build' ? VIRTUAL : null),
    async load(id) {
      if (id !== VIRTUAL) return null;
      const previewScript = inlineScript(await bundle('src/editor/preview/preview-runtime.ts'), 'the preview runtime');
      const previewStyle = inlineStyle(readFileSync('src/editor/preview/preview.css', 'utf8'), 'preview.css');
      inlineHashes.scripts.push(cspHash(previewScript));
      inlineHashes.styles.push(cspHash(previewStyle));
      const previewDocument =
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
        `<title>Preview</title><style>${previewStyle}</style></head><body><script>${previewScript}</script></body></html>`;
      const catalogues = readdirSync(CATALOGUES)
        .filter((name) => name.endsWith('.json') && name !== 'catalog.schema.json')
        .sort()
        .map((name) => ({ file: name, catalog: JSON.parse(readFileSync(`${CATALOGUES}/${name}`, 'utf8')) }));
      const core = readFileSync(CORE_FILE);
      const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
      return [
        `export const PREVIEW_DOCUMENT = ${JSON.stringify(previewDocument)};`,
        `export const BUNDLED_CATALOGUES = ${JSON.stringify(catalogues)};`,
        `export const CORE_INTEGRITY = ${JSON.stringify(`sha384-${createHash('sha384').update(core).digest('base64')}`)};`,
        `export const VERSION = ${JSON.stringify(version)};`,
        `export const CUSTOM_PROPERTIES = ${JSON.stringify(documentedCustomProperties())};`,
      ].join('\n');
    },
    async renderChunk(code) {
      return { code: await minified(code), map: null };
    },
    generateBundle(_options, output) {
      const chunk = Object.values(output).find((file): file is OutputChunk => file.type === 'chunk');
      if (!chunk) throw new Error('editor build: no script');
      const script = inlineScript(chunk.code, 'the editor script');
      const style = inlineStyle(readFileSync('src/editor/editor.css', 'utf8'), 'editor.css');
      const policy = [
        "default-src 'none'",
        `script-src ${[cspHash(script), ...inlineHashes.scripts].join(' ')}`,
        `style-src ${[cspHash(style), ...inlineHashes.styles].join(' ')}`,
        'img-src data:',
        "connect-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
      ].join('; ');
      const page = readFileSync('src/editor/index.html', 'utf8')
        .replace('%CSP%', () => policy)
        .replace('%STYLE%', () => style)
        .replace('%SCRIPT%', () => script);
      for (const name of Object.keys(output)) delete output[name];
      this.emitFile({ type: 'asset', fileName: 'index.html', source: page });
    },
  };
  return {
    input: 'src/editor/main.ts',
    output: { dir: OUTPUT.replace(/\/[^/]+$/, ''), format: 'iife' },
    onwarn: failOnWarning,
    plugins: [plugin, nodeResolve({ browser: true }), typescriptOnly()],
  };
}
