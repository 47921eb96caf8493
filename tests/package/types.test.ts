import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUp, consumerProject, type Packed, pack, packFolder } from './packed.js';

/**
 * The types a TypeScript site gets from the installed package, through its `exports` only:
 * `tsc` on tests/package/consumer/ (see its README). Each `@ts-expect-error` there is a mistake
 * that must stay a type error (a misspelt key, `expires: "2 years"`, a number for a catalogue).
 */
const TSC = resolve('node_modules/typescript/bin/tsc');

let packed: Packed;
let site: string;
beforeAll(() => {
  packed = pack();
  site = consumerProject(packed);
});
afterAll(() => cleanUp(packFolder(packed), site));

const typeCheck = (project: string) => {
  const run = spawnSync(process.execPath, [TSC, '-p', project, '--pretty', 'false'], { cwd: site, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
};

describe('types for a TypeScript site', () => {
  it('type-check a site with moduleResolution bundler: JSON catalogues, globals, the change event, the elements', () => {
    const { status, output } = typeCheck('tsconfig.json');
    expect(output).toBe('');
    expect(status).toBe(0);
  });

  it('type-check under Node’s own resolution (nodenext), JSON imported with { type: "json" }', () => {
    const { status, output } = typeCheck('tsconfig.nodenext.json');
    expect(output).toBe('');
    expect(status).toBe(0);
  });

  it('fail where the fixture makes a mistake without saying so (the check can fail)', () => {
    // The same site with one @ts-expect-error removed: "2 years" must then be reported.
    const run = spawnSync(
      process.execPath,
      [
        '-e',
        `const fs = require('node:fs');
         const site = fs.readFileSync('site.ts', 'utf8');
         fs.writeFileSync('site.ts', site.replace("// @ts-expect-error: a lifetime is an ISO 8601 duration (P2Y) or \\"session\\", never words\\n", ''));`,
      ],
      { cwd: site },
    );
    expect(run.status).toBe(0);
    const { status, output } = typeCheck('tsconfig.json');
    expect(status).not.toBe(0);
    expect(output).toMatch(/site\.ts\(\d+,\d+\): error TS2322: Type '"2 years"' is not assignable to type /);
  });
});
