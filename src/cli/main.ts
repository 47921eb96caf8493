import { parseArgs } from 'node:util';
import { auditCommand } from './commands/audit.js';
import { runImport } from './commands/import.js';
import { tablesCommand } from './commands/tables.js';
import { UsageError, validateCommand } from './commands/validate.js';
import { catalogJsonSchema } from './json-schema.js';

const USAGE = `Usage: council-cookie-consent <command>

  validate <catalog.json>...                      check catalogues; one line per problem
  tables <catalog.json> [--lang cy] [--category ID]
                                                  the cookie tables as static HTML
  import <policy.txt|policy.html|config.js|https://…> [--site-name NAME] [--domain DOMAIN] [--timeout SECONDS]
                                                  a draft catalogue from a cookie policy, a live
                                                  page or a Cookie Control configuration;
                                                  guesses and questions listed on stderr
  audit <url> --catalog <catalog.json> [--json] [--browser-arg ARG]...
                                                  what the page really sets, checked against
                                                  the catalogue; exit 0 clean, 1 findings,
                                                  2 could not run
  schema                                          print the catalogue JSON Schema`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      lang: { type: 'string' },
      category: { type: 'string' },
      'site-name': { type: 'string' },
      domain: { type: 'string' },
      timeout: { type: 'string' },
      catalog: { type: 'string' },
      json: { type: 'boolean' },
      'browser-arg': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  switch (command) {
    case 'validate':
      return validateCommand(positionals, (line) => console.log(line));
    case 'tables':
      console.log(tablesCommand(positionals[0], values));
      return 0;
    case 'import':
      console.log(
        await runImport(positionals[0], { siteName: values['site-name'], domain: values.domain, timeout: values.timeout }, (line) =>
          console.error(line),
        ),
      );
      return 0;
    case 'audit':
      return auditCommand(positionals[0], {
        catalog: values.catalog,
        json: values.json ?? false,
        browserArgs: values['browser-arg'] ?? [],
      });
    case 'schema':
      console.log(JSON.stringify(catalogJsonSchema(), null, 2));
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return 0;
    default:
      throw new UsageError(`unknown command "${command}"\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`council-cookie-consent: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
