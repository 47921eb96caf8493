import { readFileSync, statSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/** What residents download for a script tag, brotli at quality 11 as CDNs serve it. */
const SCRIPT_TAG_BUDGETS = [
  // Hardening (issue 10) added about 1.6 KB: the nonce gate, the cookie jar, the stricter reader, the
  // validation rules. The next change splits the file so most page views load far less.
  { name: 'script-tag bundle', file: 'dist/council-cookie-consent.iife.js', budget: 18 * 1024 },
  // The same without the built-in Welsh, for councils in England.
  { name: 'English-only script-tag bundle', file: 'dist/council-cookie-consent.en.iife.js', budget: 17.25 * 1024 },
];

function sizes(file: string) {
  const bytes = readFileSync(file);
  return {
    minified: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

describe('bundle size', () => {
  for (const { name, file, budget } of SCRIPT_TAG_BUDGETS)
    it(`keeps the ${name} within ${budget} B brotli`, () => {
      const bundle = sizes(file);
      console.log(`${name}: ${bundle.minified} B minified, ${bundle.gzip} B gzip, ${bundle.brotli} B brotli (budget ${budget} B)`);
      expect(bundle.brotli).toBeLessThanOrEqual(budget);
    });

  it('reports the ESM entry, which leaves lit and js-cookie to the site’s bundler', () => {
    const esm = sizes('dist/index.js');
    console.log(`ESM entry (without lit and js-cookie): ${esm.minified} B unminified, ${esm.gzip} B gzip, ${esm.brotli} B brotli`);
    expect(readFileSync('dist/index.js', 'utf8')).toMatch(/from ['"]lit['"]/);
    expect(statSync('dist/index.d.ts').size).toBeGreaterThan(0);
  });
});
