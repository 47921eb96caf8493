import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import type { Plugin } from 'rollup';

/** The script-tag files a council copies or links to, by their part name in `council-cookie-consent.<part>.js`. */
export const SCRIPT_TAG_PARTS = ['iife', 'banner', 'details', 'cy', 'all.iife'] as const;

export const integrityOf = (bytes: Buffer | string) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/**
 * After the last script-tag file is written: a copy of each with the version in its name
 * (`council-cookie-consent-1.0.0.iife.js`, `…-1.0.0.banner.js` …), which a council can serve with
 * a far-future cache lifetime, and `dist/integrity.json`, every file's Subresource Integrity hash.
 * The copies are the same bytes, so the core's built-in hashes hold for the versioned parts, and
 * the core finds them by its own name: `…-1.0.0.iife.js` → `…-1.0.0.banner.js`.
 */
export function releaseFiles(dir = 'dist'): Plugin {
  return {
    name: 'release-files',
    writeBundle() {
      const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
      const files: Record<string, string> = {};
      for (const part of SCRIPT_TAG_PARTS) {
        const plain = `council-cookie-consent.${part}.js`;
        const versioned = `council-cookie-consent-${version}.${part}.js`;
        copyFileSync(`${dir}/${plain}`, `${dir}/${versioned}`);
        files[plain] = files[versioned] = integrityOf(readFileSync(`${dir}/${plain}`));
      }
      writeFileSync(`${dir}/integrity.json`, `${JSON.stringify({ version, algorithm: 'sha384', files }, null, 2)}\n`);
    },
  };
}
