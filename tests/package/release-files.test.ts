import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const PARTS = ['iife', 'banner', 'details', 'cy', 'all.iife'];
const integrity = JSON.parse(readFileSync('dist/integrity.json', 'utf8'));
const sha384 = (file: string) => `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;

const readme = readFileSync('README.md', 'utf8');
const snippet = readme.slice(readme.indexOf('<!-- install-snippet:start -->'), readme.indexOf('<!-- install-snippet:end -->'));
/** Each file the snippet names with the integrity it gives it (a tag's src and its attribute, or a file and the hash after it). */
const pairs = [
  ...snippet.matchAll(/(council-cookie-consent-[\w.-]+?\.js)(?:(?!council-cookie-consent-)[\s\S])*?integrity="(sha384-[^"]+)"/g),
].map(([, file, hash]) => ({ file, hash }));
const FIX = 'run `npm run build && npm run snippet` and commit README.md';

describe('release files', () => {
  it('has a versioned copy of each script-tag file, byte for byte the same', () => {
    for (const part of PARTS)
      expect(
        readFileSync(`dist/council-cookie-consent-${version}.${part}.js`).equals(readFileSync(`dist/council-cookie-consent.${part}.js`)),
      ).toBe(true);
  });

  it('lists every script-tag file’s sha384 in dist/integrity.json, and each is the file’s', () => {
    expect(integrity).toMatchObject({ version, algorithm: 'sha384' });
    expect(Object.keys(integrity.files).sort()).toEqual(
      PARTS.flatMap((part) => [`council-cookie-consent.${part}.js`, `council-cookie-consent-${version}.${part}.js`]).sort(),
    );
    for (const [file, hash] of Object.entries(integrity.files)) expect(hash, file).toBe(sha384(`dist/${file}`));
  });

  it('gives the same hash as the openssl command the README shows', () => {
    const file = `dist/council-cookie-consent-${version}.iife.js`;
    const openssl = execFileSync('sh', ['-c', `openssl dgst -sha384 -binary "${file}" | openssl base64 -A`], { encoding: 'utf8' });
    expect(`sha384-${openssl}`).toBe(sha384(file));
    expect(snippet).toContain('openssl dgst -sha384 -binary council-cookie-consent-');
  });
});

describe('the README’s install snippet', () => {
  it('is near the top: in the first 60 lines', () => {
    expect(readme.slice(0, readme.indexOf('<!-- install-snippet:start -->')).split('\n').length).toBeLessThan(60);
  });

  it(`shows this version (${version}) from jsDelivr, unpkg and a council's own server, with integrity and crossorigin`, () => {
    const tags = [...snippet.matchAll(/<script\s[^>]*>/g)].map(([tag]) => tag);
    const sources = tags.map((tag) => /src="([^"]+)"/.exec(tag)?.[1]);
    expect(sources).toEqual([
      `https://cdn.jsdelivr.net/npm/council-cookie-consent@${version}/dist/council-cookie-consent-${version}.iife.js`,
      `https://unpkg.com/council-cookie-consent@${version}/dist/council-cookie-consent-${version}.iife.js`,
      `/assets/cookie-consent/council-cookie-consent-${version}.iife.js`,
    ]);
    for (const tag of tags) {
      expect(tag).toMatch(/\sintegrity="sha384-[A-Za-z0-9+/]{64}"/);
      expect(tag).toMatch(/\scrossorigin="anonymous"/);
      expect(tag).toMatch(/\sdata-catalog="[^"]+"/);
    }
    expect(snippet.match(/council-cookie-consent[@-]\d+\.\d+\.\d+/g)?.every((name) => name.endsWith(version))).toBe(true);
  });

  it(`gives each file the hash of the built file (else ${FIX})`, () => {
    expect(pairs.map((pair) => pair.file)).toEqual([
      ...Array(3).fill(`council-cookie-consent-${version}.iife.js`),
      `council-cookie-consent-${version}.all.iife.js`,
    ]);
    for (const { file, hash } of pairs) expect(hash, `${file} in README.md: ${FIX}`).toBe(sha384(`dist/${file}`));
  });
});
