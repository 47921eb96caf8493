import { type ParseArgsConfig, parseArgs } from 'node:util';
import { auditCommand } from './commands/audit.js';
import { runImport } from './commands/import.js';
import { receiptsCommand } from './commands/receipts.js';
import { tablesCommand } from './commands/tables.js';
import { UsageError, validateCommand } from './commands/validate.js';
import { catalogJsonSchema } from './json-schema.js';
import { terminalSafe } from './terminal-safe.js';
import { packageVersion } from './version.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | boolean | string[] | undefined>;

/** One command: how it is called, its manual, and what runs it. Add a command by adding an entry. */
interface Command {
  /** The arguments after the command's name, as the usage line shows them. */
  usage: string;
  /** One line for the list of commands. */
  summary: string;
  /** What `<command> --help` and `help <command>` print below the usage line. */
  manual: string;
  options: Options;
  /** The most positional arguments it takes (Infinity for a list of files). */
  maxArguments: number;
  /** It reads its own arguments (it has subcommands, each with its own options and --help). */
  ownArguments?: boolean;
  /** Its exit code: 0 all is well, 1 problems found, 2 could not run. */
  run(positionals: string[], values: Values): number | Promise<number>;
}

const print = (text: string) => {
  console.log(text);
  return 0;
};

const COMMANDS: Record<string, Command> = {
  validate: {
    usage: '<catalog.json>...',
    summary: 'check catalogues; one line per problem',
    manual: `Checks each catalogue with the browser's validation, plus the public suffix list.
Prints "<file>: valid", or one line per problem naming the JSON path. Broad globs
such as "_*" get a warning line, which does not change the exit code.
Exit 0 all valid, 1 a problem found, 2 a file could not be read (said on stderr).`,
    options: {},
    maxArguments: Number.POSITIVE_INFINITY,
    run: (files) =>
      validateCommand(files, { out: (line) => console.log(terminalSafe(line)), err: (line) => console.error(terminalSafe(line)) }),
  },
  tables: {
    usage: '<catalog.json> [--lang cy] [--category ID]',
    summary: 'the cookie tables as static HTML',
    manual: `Prints the tables <cookie-table> renders, as HTML to paste into a policy page
(inside <cookie-table> elements). Link the package's dist/cookie-table.css after your
theme, and the pasted tables look as the element's own do.
  --lang TAG      the language: en, cy, or one the catalogue's "text" adds (default en)
  --category ID   only that category's table
Exit 0 printed, 2 could not (a bad option, an unreadable or invalid catalogue).`,
    options: { lang: { type: 'string' }, category: { type: 'string' } },
    maxArguments: 1,
    run: ([file], values) => print(tablesCommand(file, values as { lang?: string; category?: string })),
  },
  import: {
    usage: '<policy.txt|policy.html|cookie-control.js|https://…> [--site-name NAME] [--domain DOMAIN] [--timeout SECONDS]',
    summary: 'a draft catalogue from a cookie policy or a Cookie Control set-up; guesses on stderr',
    manual: `Drafts a catalogue (JSON, on stdout) from a council's cookie policy — text, a saved or live
HTML page, or a Cookie Control configuration (CookieControl.load({…})). Every guess and every
question it leaves open goes to stderr, one line each, for a person to check; the questions are
also kept in the draft's "review", so validate says what is left to answer. It never writes a
claim the policy does not make: an unstated purpose, lifetime or provider stays empty.
  --site-name NAME    site.name (otherwise guessed from the policy)
  --domain DOMAIN     site.domain (otherwise the gov.uk domain the policy mentions most)
  --timeout SECONDS   for an https:// address: how long to wait for the page (default 30)
Exit 0 drafted, 2 could not (a bad option, an unreadable file or page).`,
    options: { 'site-name': { type: 'string' }, domain: { type: 'string' }, timeout: { type: 'string' } },
    maxArguments: 1,
    run: async ([source], values) =>
      print(
        await runImport(
          source,
          {
            siteName: values['site-name'] as string | undefined,
            domain: values.domain as string | undefined,
            timeout: values.timeout as string | undefined,
          },
          (line) => console.error(line),
        ),
      ),
  },
  audit: {
    usage: '<url> --catalog <catalog.json> [--json] [--browser-arg ARG]...',
    summary: 'what the page really sets, checked against the catalogue',
    manual: `Opens the page in Chromium three times (no choice, accepted, accepted then
rejected) and checks every cookie it sets against the catalogue.
  --catalog FILE      the catalogue the page is allowed to set cookies by
  --json              the report as JSON (schemas/audit-report.schema.json)
  --browser-arg ARG   a Chromium flag, e.g. --host-resolver-rules=...
Exit 0 no findings, 1 findings, 2 could not run (one line on stderr).`,
    options: { catalog: { type: 'string' }, json: { type: 'boolean' }, 'browser-arg': { type: 'string', multiple: true } },
    maxArguments: 1,
    run: ([url], values) =>
      auditCommand(url, {
        catalog: values.catalog as string | undefined,
        json: (values.json as boolean | undefined) ?? false,
        browserArgs: (values['browser-arg'] as string[] | undefined) ?? [],
      }),
  },
  receipts: {
    usage: '<serve|find|export|stats|purge> [options]',
    summary: 'receive consent receipts into a database, and answer for them',
    manual: `serve    receive receipts over HTTP and store them (SQLite, or PostgreSQL)
find     every receipt for one consent id
export   receipts received in a period, as CSV or JSON
stats    accepts, rejects and partial answers, per category
purge    delete receipts older than the retention period
Each has its own --help. Exit 0 done, 1 nothing found (find), 2 could not run.`,
    options: {},
    maxArguments: Number.POSITIVE_INFINITY,
    ownArguments: true,
    run: (args) => receiptsCommand(args),
  },
  schema: {
    usage: '',
    summary: 'print the catalogue JSON Schema',
    manual: 'Prints the JSON Schema catalogues are checked against (cookie-catalogs/catalog.schema.json).',
    options: {},
    maxArguments: 0,
    run: () => print(JSON.stringify(catalogJsonSchema(), null, 2)),
  },
};

const NAME = 'council-cookie-consent';
const usageLine = (name: string) => `${NAME} ${name} ${COMMANDS[name].usage}`.trimEnd();

function overview(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  return [
    `Usage: ${NAME} <command> [arguments]`,
    '',
    ...Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`),
    '',
    `${NAME} help <command>, or <command> --help, says more about one.`,
    `${NAME} --version prints the version.`,
    'Exit codes: 0 all is well, 1 problems found, 2 the command could not run.',
  ].join('\n');
}

const manual = (name: string) => `Usage: ${usageLine(name)}\n\n${COMMANDS[name].manual}`;

function commandNamed(name: string): Command {
  if (!Object.hasOwn(COMMANDS, name)) throw new UsageError(`unknown command "${name}"\n\n${overview()}`);
  return COMMANDS[name];
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') return print(overview());
  if (name === '--version') return print(packageVersion());
  if (name === 'help') {
    if (rest.length > 1) throw new UsageError(`help takes one command name, not ${rest.length}`);
    if (rest[0] === undefined) return print(overview());
    commandNamed(rest[0]);
    return print(manual(rest[0]));
  }
  const command = commandNamed(name);
  if (command.ownArguments) return command.run(rest, {});
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, options: { ...command.options, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    // Node's own advice on '--' suits a program that takes dashed file names, not this one.
    const reason = (error as Error).message.replace(/\. To specify a positional argument[\s\S]*$/, '');
    throw new UsageError(`${reason} (${NAME} ${name} --help says more)`);
  }
  if (parsed.values.help) return print(manual(name));
  if (parsed.positionals.length > command.maxArguments)
    throw new UsageError(
      `${name} takes ${['no arguments', 'one argument'][command.maxArguments] ?? `${command.maxArguments} arguments`}, not ${parsed.positionals.length} (${NAME} ${name} --help says more)`,
    );
  return command.run(parsed.positionals, parsed.values);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(terminalSafe(`${NAME}: ${error instanceof Error ? error.message : String(error)}`));
    process.exitCode = 2;
  },
);
