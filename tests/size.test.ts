import { readFileSync, statSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/**
 * What residents download, brotli at quality 11 as CDNs serve it. The core comes with every
 * page view; the banner part on a first visit; the details part with the settings dialog, the
 * tables or an embed; the Welsh part on a page in Welsh. Budgets are the sizes today plus a
 * little room, so growth is a decision, not an accident. (Legible on a 62.5 % council theme,
 * docs/theming.md: +164 B banner, +86 B details, +184 B single file.)
 */
const BUDGETS = [
  { name: 'core (every page view)', files: ['iife'], budget: 9000 },
  { name: 'banner part', files: ['banner'], budget: 9100 },
  { name: 'details part', files: ['details'], budget: 4050 },
  { name: 'Welsh part', files: ['cy'], budget: 1000 },
  { name: 'first visit (core and banner)', files: ['iife', 'banner'], budget: 18000 },
  // Raised from 19,500 for the page-size-following text (themes) and for elements defined before the consent started asking again.
  { name: 'single file', files: ['all.iife'], budget: 19800 },
];

function sizes(file: string) {
  const bytes = readFileSync(file);
  return {
    minified: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

describe('script-tag sizes', () => {
  for (const { name, files, budget } of BUDGETS)
    it(`keeps the ${name} within ${budget} B brotli`, () => {
      const each = files.map((part) => sizes(`dist/council-cookie-consent.${part}.js`));
      const total = (key: 'minified' | 'gzip' | 'brotli') => each.reduce((sum, size) => sum + size[key], 0);
      console.log(`${name}: ${total('minified')} B minified, ${total('gzip')} B gzip, ${total('brotli')} B brotli (budget ${budget} B)`);
      expect(total('brotli')).toBeLessThanOrEqual(budget);
    });

  it('reports the ESM entry, which leaves lit and js-cookie to the site’s bundler and imports no Lit itself', () => {
    const esm = sizes('dist/index.js');
    console.log(
      `ESM entry (the API; the interface behind import()): ${esm.minified} B unminified, ${esm.gzip} B gzip, ${esm.brotli} B brotli`,
    );
    expect(readFileSync('dist/index.js', 'utf8')).not.toMatch(/from ['"]lit['"]/);
    expect(statSync('dist/index.d.ts').size).toBeGreaterThan(0);
  });
});
