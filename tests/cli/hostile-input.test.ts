import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { validateCatalog } from '../../src/catalog/validate.js';
import { ROOT, runCli } from './run-cli.js';

/** Odd input a council's files can hold: the commands still answer, in one line, with a valid draft. */
const dir = mkdtempSync(join(tmpdir(), 'ccc-cli-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('odd input', () => {
  test('a consent cookie written as a placeholder glob does not become the consent cookie', async () => {
    const run = await runCli([
      'import',
      file('glob.txt', 'Cookie name: cookie_consent_<site-id>\nPurpose: Remembers your choice\nExpires: 1 year\n'),
    ]);
    expect(run.code).toBe(0);
    expect(validateCatalog(JSON.parse(run.stdout)).problems).toBeUndefined();
    expect(JSON.parse(run.stdout).consentCookie.name).not.toContain('*');
  });

  test('an absurd lifetime is guessed, not written as an invalid duration', async () => {
    const run = await runCli([
      'import',
      file('huge.txt', 'Cookie name: _ga\nExpires: 9999999999999999999999 days\nInformation: Counts visits\n'),
    ]);
    expect(run.code).toBe(0);
    expect(validateCatalog(JSON.parse(run.stdout)).problems).toBeUndefined();
  });

  test('control characters from a policy never reach the terminal', async () => {
    const run = await runCli([
      'import',
      file('escape.txt', 'Cookie name: x\u001b[2J\u001b]0;pwned\u0007y\nExpires: 1 year\nInformation: Something\n'),
    ]);
    expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  test('a catalogue saved with a byte-order mark is valid, as it is in the browser', async () => {
    const catalog = await import('node:fs').then((fs) => fs.readFileSync(`${ROOT}cookie-catalogs/tunbridge-wells.json`, 'utf8'));
    const run = await runCli(['validate', file('bom.json', `\uFEFF${catalog}`)]);
    expect(run.code).toBe(0);
  });

  test('tables on an invalid catalogue: exit 2 and one line', async () => {
    const run = await runCli(['tables', file('bad.json', '{"site":{},"revision":0}')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
