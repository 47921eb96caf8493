import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INTERNAL_NAMES } from '../../build/internal-names.js';
import { catalogShape } from '../../src/catalog/definition.js';
import type { Shape } from '../../src/catalog/shape.js';
import { en } from '../../src/wording/en.js';

/** Every key a catalogue may contain, at any depth. */
function catalogueKeys(shape: Shape, keys = new Set<string>()): Set<string> {
  if (shape.kind === 'record')
    for (const [key, inner] of Object.entries({ ...shape.required, ...shape.optional })) {
      keys.add(key);
      catalogueKeys(inner, keys);
    }
  if (shape.kind === 'list' || shape.kind === 'map') catalogueKeys(shape.of, keys);
  if (shape.kind === 'either') for (const inner of [shape.first, shape.second]) catalogueKeys(inner, keys);
  return keys;
}

/** The members of an exported TypeScript interface, read from its source. */
const interfaceMembers = (file: string, name: string) => {
  const body = new RegExp(`export interface ${name}[^{]*\\{([\\s\\S]*?)\\n\\}`).exec(readFileSync(file, 'utf8'))?.[1] ?? '';
  return [...body.matchAll(/^\s+(?:readonly\s+)?(\w+)\??[:(]/gm)].map((match) => match[1]);
};

describe('names the script-tag build shortens', () => {
  const publicNames: [string, string[]][] = [
    ['wording keys (a catalogue overrides them by name)', Object.keys(en)],
    ['catalogue keys', [...catalogueKeys(catalogShape)]],
    ['stored-choice keys', interfaceMembers('src/consent/consent-record.ts', 'ConsentRecord')],
    ['API members', interfaceMembers('src/core/api.ts', 'CookieConsentApi')],
    ['snapshot and consent-log members', interfaceMembers('src/effects/consent-log.ts', 'ConsentLogEntry')],
  ];

  for (const [what, names] of publicNames)
    it(`include none of the ${what}`, () => {
      expect(names.length).toBeGreaterThan(3);
      expect(names.filter((name) => INTERNAL_NAMES.test(name))).toEqual([]);
    });

  it('leave every wording key in the files that carry wording, so an override by name finds it', () => {
    for (const file of [
      'dist/council-cookie-consent.banner.js',
      'dist/council-cookie-consent.cy.js',
      'dist/council-cookie-consent.all.iife.js',
    ]) {
      const code = readFileSync(file, 'utf8');
      expect(
        Object.keys(en).filter((key) => !new RegExp(`[{,]${key}:`).test(code)),
        file,
      ).toEqual([]);
    }
  });
});
