import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixture, ROOT, runCli } from './run-cli.js';

const catalogs = ['tunbridge-wells', 'tonbridge-malling', 'keighley', 'trowbridge'].map((site) => `cookie-catalogs/${site}.json`);
const KEIGHLEY = 'cookie-catalogs/keighley.json';
const VERSION = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')).version;

const dir = mkdtempSync(join(tmpdir(), 'ccc-validate-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const tunbridgeWells = () => JSON.parse(readFileSync(`${ROOT}cookie-catalogs/tunbridge-wells.json`, 'utf8'));
/** Tunbridge Wells' catalogue with one change, written to a file. */
const changed = (name: string, change: (catalog: any) => void) => {
  const catalog = tunbridgeWells();
  change(catalog);
  return file(name, JSON.stringify(catalog, null, 2));
};

describe('validate', () => {
  test('every shipped catalogue is valid: exit 0, one line each', async () => {
    const run = await runCli(['validate', ...catalogs]);
    expect(run).toEqual({ code: 0, stdout: catalogs.map((file) => `${file}: valid\n`).join(''), stderr: '' });
  });

  test('an invalid catalogue: exit 1, one line per problem naming the file and the JSON path', async () => {
    const invalid = fixture('cli/invalid-catalog.json');
    const run = await runCli(['validate', invalid, KEIGHLEY]);
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([
      `${invalid}: revision: expected a whole number of at least 1, found 0`,
      `${invalid}: categories[1].cookies[0].expires: "2 years" is not an ISO-8601 duration such as "P2Y", "PT24H" or "P1000D", or "session"`,
      `${invalid}: categories[1].cookies[0].colour: unknown key (allowed here: name, purpose, expires, label, expiresText, provider, domain, path, type)`,
      `${KEIGHLEY}: valid`,
    ]);
  });

  test('unknown keys in a map say what its keys may be', async () => {
    const run = await runCli([
      'validate',
      changed('map-keys.json', (c) => {
        c.text = { cy: { bannerTitel: 'x' }, Welsh: {} };
        c.categories[1].title = { English: 'x' };
      }),
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /: text\.cy\.bannerTitel: unknown key \(allowed here: a key of src\/wording\/en\.ts, such as "bannerTitle"\)$/m,
    );
    expect(run.stdout).toMatch(/: text\.Welsh: unknown key \(allowed here: a language tag such as "en" or "cy"\)$/m);
    expect(run.stdout).toMatch(/: categories\[1\]\.title\.English: unknown key \(allowed here: a language tag/m);
  });

  test('a JSON syntax error is a problem of the file, with its line and column: exit 1', async () => {
    const trailingComma = file('trailing-comma.json', '{\n  "site": { "name": "Example" },\n  "revision": 1,\n}\n');
    // Node 20 names no position for an unexpected token: the line and column are found all the same.
    const undefinedValue = file('undefined.json', '{\n  "site": undefined\n}\n');
    const cutShort = file('cut-short.json', '{\n  "site": \n');
    const run = await runCli(['validate', trailingComma, undefinedValue, cutShort]);
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([
      `${trailingComma}: (file): is not valid JSON: Expected double-quoted property name at line 4, column 1`,
      `${undefinedValue}: (file): is not valid JSON: Unexpected token 'u' at line 2, column 11`,
      `${cutShort}: (file): is not valid JSON: Unexpected end of JSON input at line 2, column 10`,
    ]);
  });

  test('a file that cannot be read: exit 2, one line on stderr each, and the other files still checked', async () => {
    const missing = join(dir, 'missing.json');
    const directory = join(dir, 'a-directory.json');
    mkdirSync(directory);
    const loop = join(dir, 'loop.json');
    symlinkSync(join(dir, 'loop-back.json'), loop);
    symlinkSync(loop, join(dir, 'loop-back.json'));
    const run = await runCli(['validate', missing, directory, KEIGHLEY, loop]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe(`${KEIGHLEY}: valid\n`);
    expect(run.stderr.trim().split('\n')).toEqual([
      `council-cookie-consent: cannot read ${missing} (ENOENT): no such file`,
      `council-cookie-consent: cannot read ${directory} (EISDIR): a directory, not a file`,
      `council-cookie-consent: cannot read ${loop} (ELOOP): a loop of symbolic links`,
    ]);
  });

  test('a FIFO or /dev/zero is refused, not read forever (every command reads through the same reader)', async () => {
    const fifo = join(dir, 'catalog.fifo');
    execFileSync('mkfifo', [fifo]);
    const runs = await Promise.all([
      runCli(['validate', fifo]),
      runCli(['validate', '/dev/zero']),
      runCli(['tables', fifo]),
      runCli(['import', '/dev/zero']),
      runCli(['audit', 'http://localhost/', '--catalog', fifo]),
    ]);
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(runs[0].stderr).toBe(`council-cookie-consent: cannot read ${fifo} (a FIFO): only regular files are read\n`);
    expect(runs[1].stderr).toBe('council-cookie-consent: cannot read /dev/zero (a device): only regular files are read\n');
    expect(runs[2].stderr).toContain(`cannot read ${fifo} (a FIFO)`);
    expect(runs[3].stderr).toContain('cannot read /dev/zero (a device)');
    expect(runs[4].stderr).toBe(`council-cookie-consent: audit could not run: cannot read ${fifo} (a FIFO): only regular files are read\n`);
  });

  test('rules a shape cannot say, each with the browser’s short reason and the command line’s explanation', async () => {
    const run = await runCli([
      'validate',
      changed('every-cookie.json', (c) => {
        c.categories[1].cookies[0].name = '*';
      }),
      changed('covers-consent.json', (c) => {
        c.categories[1].cookies.push({ name: 'Cookie*', purpose: 'x', expires: 'P1D' });
      }),
      changed('public-suffix.json', (c) => {
        c.site.domain = 'gov.uk';
        c.consentCookie.domain = '.gov.uk';
      }),
      changed('other-site.json', (c) => {
        c.consentCookie.domain = '.tmbc.gov.uk';
      }),
      changed('constructor.json', (c) => {
        c.categories[1].id = 'constructor';
      }),
      changed('no-essential.json', (c) => {
        c.categories.shift();
      }),
      changed('too-long.json', (c) => {
        c.consentCookie.expiresDays = 401;
        c.categories[1].description = 'x'.repeat(5001);
      }),
    ]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    const at = (name: string) =>
      lines.filter((line) => line.startsWith(join(dir, name))).map((line) => line.slice(join(dir, name).length + 2));
    expect(at('every-cookie.json')).toEqual([
      expect.stringMatching(/^categories\[1\]\.cookies\[0\]\.name: matches every cookie; .*session, login and XSRF cookies/),
    ]);
    expect(at('covers-consent.json')).toEqual([
      expect.stringMatching(
        /^categories\[1\]\.cookies\[3\]\.name: matches consentCookie\.name; a refusal would delete the cookie that keeps the refusal/,
      ),
    ]);
    expect(at('public-suffix.json')).toEqual([
      expect.stringMatching(/^site\.domain: "gov\.uk" is a public suffix, shared by many sites: /),
      expect.stringMatching(/^consentCookie\.domain: "\.gov\.uk" is a public suffix, shared by many sites: browsers refuse a cookie on it/),
    ]);
    expect(at('other-site.json')).toEqual([
      expect.stringMatching(/^consentCookie\.domain: must be the page's host or a parent, within site\.domain; /),
    ]);
    expect(at('constructor.json')).toEqual([
      expect.stringMatching(/^categories\[1\]\.id: is reserved by JavaScript; every JavaScript object has this name/),
    ]);
    expect(at('no-essential.json')).toEqual([expect.stringMatching(/^categories: has no "essential" category; every catalogue needs one/)]);
    expect(at('too-long.json')).toEqual([
      'consentCookie.expiresDays: expected a whole number of at least 1 and at most 400, found 401',
      'categories[1].description: is longer than 5000 characters',
    ]);
  });

  test('a broad but legal glob is a warning: the catalogue is still valid, exit 0', async () => {
    const broad = changed('broad.json', (c) => {
      c.categories[1].cookies[0].name = '_*';
      c.categories[0].cookies.push({ name: 's*', purpose: 'x', expires: 'session' });
    });
    const run = await runCli(['validate', broad]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.trim().split('\n')).toEqual([
      `${broad}: categories[0].cookies[1].name: warning: "s*" is a broad glob: every cookie it matches counts as essential, so an audit cannot find them undeclared; prefer exact names or a narrower glob`,
      `${broad}: categories[1].cookies[0].name: warning: "_*" is a broad glob: a refusal deletes every cookie it matches, the site’s own too; prefer exact names or a narrower glob such as "_ga_*"`,
      `${broad}: valid`,
    ]);
  });

  test('control characters from a catalogue (an unknown key, a file name) never reach the terminal', async () => {
    const hostile = changed('escape\u001b[2J.json', (c) => {
      c.categories[1]['\u001b]0;pwned\u0007'] = 'x';
    });
    const [validated, tabled] = await Promise.all([runCli(['validate', hostile]), runCli(['tables', hostile])]);
    expect(validated.code).toBe(1);
    expect(validated.stdout).toContain('\uFFFD]0;pwned\uFFFD: unknown key');
    expect(tabled.code).toBe(2);
    for (const output of [validated.stdout, tabled.stderr]) expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
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
});

describe('the command line', () => {
  test('--version prints the package version', async () => {
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  test('help lists every command; help <command> and <command> --help print its manual', async () => {
    const [overview, helpTables, tablesHelp, validateHelp] = await Promise.all([
      runCli(['help']),
      runCli(['help', 'tables']),
      runCli(['tables', '--help']),
      runCli(['validate', '-h']),
    ]);
    expect(overview.code).toBe(0);
    for (const command of ['validate', 'tables', 'import', 'audit', 'schema'])
      expect(overview.stdout).toMatch(new RegExp(`^  ${command} +\\S`, 'm'));
    expect(helpTables).toMatchObject({ code: 0, stderr: '' });
    expect(helpTables.stdout).toMatch(/^Usage: council-cookie-consent tables <catalog\.json> \[--lang cy\] \[--category ID\]\n/);
    expect(helpTables.stdout).toContain('--category ID');
    expect(tablesHelp).toEqual(helpTables);
    expect(validateHelp.stdout).toMatch(/^Usage: council-cookie-consent validate <catalog\.json>\.\.\.\n/);
  });

  test('an unknown command, option, or too many arguments: exit 2 with the reason in one line', async () => {
    const [command, option, help, extra, wrongPlace] = await Promise.all([
      runCli(['frobnicate']),
      runCli(['tables', '--colour']),
      runCli(['help', 'frobnicate']),
      runCli(['tables', KEIGHLEY, KEIGHLEY]),
      runCli(['validate', '--json', KEIGHLEY]),
    ]);
    expect(command).toMatchObject({ code: 2, stderr: expect.stringMatching(/^council-cookie-consent: unknown command "frobnicate"/) });
    expect(option).toMatchObject({
      code: 2,
      stderr: "council-cookie-consent: Unknown option '--colour' (council-cookie-consent tables --help says more)\n",
    });
    expect(help).toMatchObject({ code: 2, stderr: expect.stringMatching(/^council-cookie-consent: unknown command "frobnicate"/) });
    expect(extra).toMatchObject({ code: 2, stderr: expect.stringMatching(/tables takes one argument, not 2/) });
    // Options belong to their command: --json is audit's.
    expect(wrongPlace).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown option '--json'/) });
  });

  test('tables refuses a --lang it has no wording for, and takes one the catalogue adds', async () => {
    const refused = await runCli(['tables', KEIGHLEY, '--lang', 'fr']);
    expect(refused).toEqual({
      code: 2,
      stdout: '',
      stderr: `council-cookie-consent: --lang "fr" has no wording: the library has en and cy, and ${KEIGHLEY} adds none (its "text" can add a language)\n`,
    });
    const french = changed('french.json', (c) => {
      c.text = { fr: { tableName: 'Nom' } };
    });
    const added = await runCli(['tables', french, '--lang', 'fr', '--category', 'analytics']);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('scope="col">Nom</th>');
    expect((await runCli(['tables', KEIGHLEY, '--lang', 'cy-GB'])).code).toBe(0);
    expect((await runCli(['tables', french, '--lang', 'de'])).stderr).toContain('adds fr');
  });
});
