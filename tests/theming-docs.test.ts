import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Every custom property the elements document (custom-elements.json, from their @cssprop JSDoc). */
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as {
  modules: { declarations?: { tagName?: string; cssProperties?: { name: string }[] }[] }[];
};
const inManifest = new Set(
  manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => (d.cssProperties ?? []).map((p) => p.name)),
);

/** Each row of docs/theming.md's table: the property and its cells. */
const rows = new Map(
  [...readFileSync('docs/theming.md', 'utf8').matchAll(/^\|\s*`(--[\w-]+)`\s*\|(.*)\|\s*$/gm)].map((match) => [
    match[1],
    match[2].split('|').map((cell) => cell.trim().replace(/^`|`$/g, '')),
  ]),
);
const listed = new Set(rows.keys());

/** The opt-in dark colours: property → value. */
const dark = new Map([...readFileSync('src/ui/dark-mode.css', 'utf8').matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));

describe('docs/theming.md', () => {
  it('lists every custom property of every element, and none that no element has', () => {
    expect(inManifest.size).toBeGreaterThan(20);
    expect([...listed].sort()).toEqual([...inManifest].sort());
  });

  it('gives, in its Dark column, exactly the colours of dist/dark-mode.css, each a documented property', () => {
    expect(dark.size).toBeGreaterThan(10);
    for (const [name, value] of dark) {
      expect(inManifest, name).toContain(name);
      expect(rows.get(name)?.at(-1), name).toBe(value);
    }
    for (const [name, cells] of rows) if (cells.at(-1)) expect(dark.get(name), name).toBe(cells.at(-1));
  });
});
