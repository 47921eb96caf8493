import { parseArgs } from 'node:util';
import { catalogJsonSchema } from './json-schema.js';
import { tablesCommand } from './commands/tables.js';
import { UsageError, validateCommand } from './commands/validate.js';

const USAGE = `Usage: council-cookie-consent <command>

  validate <catalog.json>...                      check catalogues; one line per problem
  tables <catalog.json> [--lang cy] [--category ID]
                                                  the cookie tables as static HTML
  schema                                          print the catalogue JSON Schema`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      lang: { type: 'string' },
      category: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  switch (command) {
    case 'validate':
      return validateCommand(positionals, (line) => console.log(line));
    case 'tables':
      console.log(tablesCommand(positionals[0], values));
      return 0;
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
