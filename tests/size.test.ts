import { readFileSync, statSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/** What residents download for the script tag, brotli at quality 11 as CDNs serve it. */
const SCRIPT_TAG_BUDGET_BYTES = 16 * 1024;
/** The same without the built-in Welsh, for councils in England. */
const ENGLISH_ONLY_BUDGET_BYTES = 15.5 * 1024;

export function sizes(file: string) {
  const bytes = readFileSync(file);
  return {
    minified: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

describe('bundle size', () => {
  it(`keeps the script-tag bundle within ${SCRIPT_TAG_BUDGET_BYTES} B brotli`, () => {
    const bundle = sizes('dist/council-cookie-consent.iife.js');
    console.log(`script-tag bundle: ${bundle.minified} B minified, ${bundle.gzip} B gzip, ${bundle.brotli} B brotli (budget ${SCRIPT_TAG_BUDGET_BYTES} B)`);
    expect(bundle.brotli).toBeLessThanOrEqual(SCRIPT_TAG_BUDGET_BYTES);
  });

  it(`keeps the English-only script-tag bundle within ${ENGLISH_ONLY_BUDGET_BYTES} B brotli`, () => {
    const bundle = sizes('dist/council-cookie-consent.en.iife.js');
    console.log(`English-only script-tag bundle: ${bundle.minified} B minified, ${bundle.gzip} B gzip, ${bundle.brotli} B brotli (budget ${ENGLISH_ONLY_BUDGET_BYTES} B)`);
    expect(bundle.brotli).toBeLessThanOrEqual(ENGLISH_ONLY_BUDGET_BYTES);
  });

  it('reports the ESM entry, which leaves lit and js-cookie to the site’s bundler', () => {
    const esm = sizes('dist/index.js');
    console.log(`ESM entry (without lit and js-cookie): ${esm.minified} B unminified, ${esm.gzip} B gzip, ${esm.brotli} B brotli`);
    expect(readFileSync('dist/index.js', 'utf8')).toMatch(/from ['"]lit['"]/);
    expect(statSync('dist/index.d.ts').size).toBeGreaterThan(0);
  });
});
