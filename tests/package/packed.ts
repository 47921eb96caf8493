import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** What `npm pack` puts in the tarball a council installs: the built package as published. */
export interface Packed {
  tarball: string;
  /** Paths inside the package, as `npm pack` lists them. */
  files: string[];
  size: number;
  unpackedSize: number;
}

const ROOT = resolve('.');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Packs the package (from the current `dist/`: the test run's build) into a new temporary folder. */
export function pack(): Packed {
  mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
  const into = mkdtempSync(join(ROOT, 'node_modules/.cache/council-cookie-consent-pack-'));
  // --ignore-scripts: `prepare` would build again; the test run has just built.
  const [result] = JSON.parse(
    execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', into], { cwd: ROOT, encoding: 'utf8' }),
  ) as { filename: string; files: { path: string }[]; size: number; unpackedSize: number }[];
  return {
    tarball: join(into, result.filename),
    files: result.files.map((file) => file.path).sort(),
    size: result.size,
    unpackedSize: result.unpackedSize,
  };
}

/**
 * A site's project with the packed package unpacked in its `node_modules`, as `npm install`
 * leaves it, and the files of `tests/package/consumer/` copied in. It sits inside this
 * repository's `node_modules/.cache`, so the package's own dependencies (lit, js-cookie) and
 * TypeScript resolve from the repository's `node_modules`, as they would from the site's.
 */
export function consumerProject(packed: Packed): string {
  mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, 'node_modules/.cache/council-cookie-consent-site-'));
  const installed = join(dir, 'node_modules/council-cookie-consent');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', packed.tarball, '-C', installed, '--strip-components=1']);
  cpSync(join(ROOT, 'tests/package/consumer'), dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'a-council-site', private: true, type: 'module' }));
  return dir;
}

/** Removes what pack() and consumerProject() made. */
export function cleanUp(...paths: string[]): void {
  for (const path of paths) rmSync(path, { recursive: true, force: true });
}

export const packFolder = (packed: Packed) => resolve(packed.tarball, '..');
