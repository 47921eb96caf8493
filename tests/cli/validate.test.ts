import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { validateCommand } from '../../src/cli/commands/validate.js';
import { fixture, ROOT, runCli } from './run-cli.js';

const catalogs = ['tunbridge-wells', 'tonbridge-malling', 'keighley', 'trowbridge'].map((site) => `cookie-catalogs/${site}.json`);

describe('validate', () => {
  test('every shipped catalogue is valid: exit 0, one line each', async () => {
    const run = await runCli(['validate', ...catalogs]);
    expect(run).toEqual({ code: 0, stdout: catalogs.map((file) => `${file}: valid\n`).join(''), stderr: '' });
  });

  test('an invalid catalogue: exit 1, one line per problem naming the file and the JSON path', async () => {
    const file = fixture('cli/invalid-catalog.json');
    const run = await runCli(['validate', file, 'cookie-catalogs/keighley.json']);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(`${file}: revision: expected a whole number of at least 1, found 0`);
    expect(lines[1].startsWith(`${file}: categories[1].cookies[0].expires: "2 years" is not an ISO-8601 duration`)).toBe(true);
    expect(lines[2].startsWith(`${file}: categories[1].cookies[0].colour: unknown key`)).toBe(true);
    expect(lines[3]).toBe('cookie-catalogs/keighley.json: valid');
  });

  test('files that cannot be read or are not JSON are problems too', () => {
    const lines: string[] = [];
    const code = validateCommand([fixture('cli/missing.json'), fixture('cli/pipe-tables.md')], (line) => lines.push(line));
    expect(code).toBe(1);
    expect(lines[0]).toMatch(/missing\.json: \(file\): cannot be read \(ENOENT\)$/);
    expect(lines[1]).toMatch(/pipe-tables\.md: \(file\): is not valid JSON/);
  });

  test('no file at all is a usage error: exit 2', async () => {
    const run = await runCli(['validate']);
    expect(run).toMatchObject({ code: 2, stdout: '', stderr: 'council-cookie-consent: validate needs at least one catalogue file\n' });
  });

  test('schema prints the JSON Schema the catalogues point at', async () => {
    const run = await runCli(['schema']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(readFileSync(`${ROOT}cookie-catalogs/catalog.schema.json`, 'utf8')));
  });

  test('an unknown command or option: exit 2 with the reason', async () => {
    expect(await runCli(['frobnicate'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^council-cookie-consent: unknown command "frobnicate"/),
    });
    expect(await runCli(['tables', '--colour'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown option '--colour'/) });
  });
});
