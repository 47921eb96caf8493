import { parseArgs } from 'node:util';
import { UUID } from '../../consent/consent-record.js';
import { openStore, type StoreOptions } from '../../receipts/open-store.js';
import { RateLimiter } from '../../receipts/rate-limiter.js';
import type { StoredReceipt } from '../../receipts/receipt.js';
import { createReceiver } from '../../receipts/receiver.js';
import { DEFAULT_RETENTION, retentionCutoff } from '../../receipts/retention.js';
import { allReceipts, type PeriodStats, type ReceiptStore, type TimeRange } from '../../receipts/store.js';
import { readCatalogFile } from '../read-catalog.js';
import { UsageError } from './validate.js';

const DATABASE_HELP = `  --db FILE               the embedded SQLite database (default receipts.db)
  --database-url URL      a PostgreSQL database instead (postgres://user@host/db; or set
                          RECEIPTS_DATABASE_URL, and the password in PGPASSWORD)`;

const USAGE: Record<string, string> = {
  receipts: `Usage: council-cookie-consent receipts <command>

Proof of consent: receive the receipts that consentLog.url sends, and answer for them.

  serve    receive receipts over HTTP and store them
  find     every receipt for one consent id
  export   receipts received in a period, as CSV or JSON
  stats    accepts, rejects and partial answers, per category
  purge    delete receipts older than the retention period

Run council-cookie-consent receipts <command> --help for its options. Exit codes: 0 done,
1 nothing found (find), 2 could not run.`,
  serve: `Usage: council-cookie-consent receipts serve --allow-origin URL [options]

  --allow-origin URL      a site whose pages send receipts (repeat for each); CORS allows
                          exactly these, and browsers on other sites are refused
  --port N                default 8787
  --host ADDRESS          default 127.0.0.1 (put nginx or IIS in front)
${DATABASE_HELP}
  --retain PERIOD         delete receipts received longer ago than this, at start and daily
                          (ISO 8601: P2Y, P18M, P400D; default ${DEFAULT_RETENTION})
  --rate-limit N          receipts per minute from one address (default 30; 0 turns it off)
  --trust-proxy           the client's address is the last one in X-Forwarded-For
  --refresh-cookie FILE   answer each receipt with a Set-Cookie that rewrites the consent
                          cookie with its full lifetime (Safari); FILE is the catalogue.
                          Only for a receiver served from the council's own site

Prints "listening on http://HOST:PORT" when ready; stops on SIGTERM or Ctrl+C after every
receipt in progress is stored and answered. Stores the receipt and the time received: no
address, cookie or user agent.`,
  find: `Usage: council-cookie-consent receipts find <consentId> [--json]

Every receipt for one consent id (the resident reads it in the cookie settings dialog), in
the order the choices were made. Exit 0 found, 1 none, 2 could not run.

${DATABASE_HELP}`,
  export: `Usage: council-cookie-consent receipts export [--from DATE] [--to DATE] [--format csv|json]

Receipts received from DATE (inclusive) to DATE (inclusive, whole days in UTC), oldest first,
on stdout. CSV has one column per category (yes, no, or empty when not answered).
--json is --format json.

${DATABASE_HELP}`,
  stats: `Usage: council-cookie-consent receipts stats [--by month] [--from DATE] [--to DATE] [--json]

How many receipts accepted every category, rejected every one, or answered some of each;
per method; and per category how often it was granted and refused.

${DATABASE_HELP}`,
  purge: `Usage: council-cookie-consent receipts purge [--retain PERIOD] [--json]

Deletes receipts received longer ago than PERIOD (ISO 8601, default ${DEFAULT_RETENTION}).

${DATABASE_HELP}`,
};

const DATABASE_OPTIONS = { db: { type: 'string' }, 'database-url': { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

/** Runs parseArgs; a mistake in the options is a usage error with the command's help. */
function parse<T>(command: string, parseOptions: () => T): T {
  try {
    return parseOptions();
  } catch (error) {
    throw new UsageError(`receipts ${command}: ${(error as Error).message}\n\n${USAGE[command]}`);
  }
}

const storeOptions = (values: { db?: unknown; 'database-url'?: unknown }, create: boolean): StoreOptions => ({
  db: values.db as string | undefined,
  databaseUrl: (values['database-url'] as string | undefined) ?? (process.env.RECEIPTS_DATABASE_URL || undefined),
  create,
});

async function withStore<T>(options: StoreOptions, work: (store: ReceiptStore) => Promise<T>): Promise<T> {
  const store = await openStore(options);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** `2026-12-01` is that day's start in UTC (`end`: the next day's start); a full ISO time is itself. */
function parseDate(option: string, value: string | undefined, end: boolean): number | undefined {
  if (value === undefined) return undefined;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const time = Date.parse(dateOnly ? `${value}T00:00:00Z` : value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(time))
    throw new UsageError(`--${option} must be a date (2026-12-01) or an ISO 8601 time, not "${value}"`);
  return dateOnly && end ? time + 86_400_000 : time;
}

const timeRange = (values: { from?: unknown; to?: unknown }): TimeRange => ({
  from: parseDate('from', values.from as string | undefined, false),
  to: parseDate('to', values.to as string | undefined, true),
});

function parseRetention(value: string | undefined): { period: string; cutoff: () => number } {
  const period = value ?? DEFAULT_RETENTION;
  if (retentionCutoff(period) === undefined)
    throw new UsageError(`--retain must be an ISO 8601 period of days or more (P2Y, P18M, P400D), not "${period}"`);
  return { period, cutoff: () => retentionCutoff(period)! };
}

const iso = (ms: number) => new Date(ms).toISOString();
const asJson = ({ time, receivedAt, ...rest }: StoredReceipt) => ({
  consentId: rest.consentId,
  time: iso(time),
  revision: rest.revision,
  site: rest.site,
  method: rest.method,
  categories: rest.categories,
  receivedAt: iso(receivedAt),
});

const answersText = (categories: Record<string, boolean>) =>
  Object.entries(categories)
    .map(([id, granted]) => `${id} ${granted ? 'yes' : 'no'}`)
    .join(', ') || 'no optional categories';

async function find(args: string[]): Promise<number> {
  const { values, positionals } = parse('find', () =>
    parseArgs({ args, allowPositionals: true, options: { ...DATABASE_OPTIONS, json: { type: 'boolean' } } }),
  );
  if (values.help) return help('find');
  const [consentId] = positionals;
  if (!consentId || positionals.length > 1) throw new UsageError(`receipts find needs one consent id\n\n${USAGE.find}`);
  const id = consentId.trim().toLowerCase();
  if (!UUID.test(id)) throw new UsageError(`"${consentId}" is not a consent id (a version-4 UUID, as the cookie settings dialog shows it)`);
  const receipts = await withStore(storeOptions(values, false), (store) => store.find(id));
  if (values.json) console.log(JSON.stringify({ consentId: id, receipts: receipts.map(asJson) }, null, 2));
  else if (!receipts.length) console.log(`No receipts for consent id ${id}.`);
  else {
    console.log(`${receipts.length} receipt(s) for consent id ${id}, in the order the choices were made:`);
    for (const receipt of receipts)
      console.log(
        `  ${iso(receipt.time)}  ${receipt.method.padEnd(11)} ${answersText(receipt.categories)}  (revision ${receipt.revision}, ${receipt.site}; received ${iso(receipt.receivedAt)})`,
      );
  }
  return receipts.length ? 0 : 1;
}

const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

async function exportReceipts(args: string[]): Promise<number> {
  const { values } = parse('export', () =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        ...DATABASE_OPTIONS,
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string' },
        json: { type: 'boolean' },
      },
    }),
  );
  if (values.help) return help('export');
  const format = values.json ? 'json' : (values.format ?? 'csv');
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format is csv or json, not "${format}"`);
  const range = timeRange(values);
  const write = (text: string) =>
    process.stdout.write(text) ? undefined : new Promise((resolve) => process.stdout.once('drain', resolve));
  await withStore(storeOptions(values, false), async (store) => {
    if (format === 'json') {
      // One receipt per line inside the array, written as it is read: exports of any size stream.
      let first = true;
      await write('[');
      for await (const receipt of allReceipts(store, range)) {
        await write(`${first ? '\n' : ',\n'}${JSON.stringify(asJson(receipt))}`);
        first = false;
      }
      await write(first ? ']\n' : '\n]\n');
      return;
    }
    const categories = await store.categoryIds(range);
    await write(`${['received_at', 'consent_id', 'time', 'revision', 'site', 'method', ...categories].map(csvField).join(',')}\r\n`);
    for await (const receipt of allReceipts(store, range)) {
      const answers = categories.map((id) => (Object.hasOwn(receipt.categories, id) ? (receipt.categories[id] ? 'yes' : 'no') : ''));
      const fields = [
        iso(receipt.receivedAt),
        receipt.consentId,
        iso(receipt.time),
        String(receipt.revision),
        receipt.site,
        receipt.method,
      ];
      await write(`${[...fields, ...answers].map(csvField).join(',')}\r\n`);
    }
  });
  return 0;
}

function statsText(periods: PeriodStats[]): string {
  if (!periods.length) return 'No receipts.';
  const lines: string[] = [];
  for (const stats of periods) {
    const { accepted, rejected, partial, none } = stats.outcomes;
    lines.push(
      `${stats.period === 'all' ? 'All receipts' : stats.period}: ${stats.receipts} receipt(s): ${accepted} accepted all, ${rejected} rejected all, ${partial} partial${none ? `, ${none} with nothing to answer` : ''}`,
    );
    lines.push(
      `  by method: ${Object.entries(stats.methods)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([method, count]) => `${method} ${count}`)
        .join(', ')}`,
    );
    for (const [id, { granted, refused }] of Object.entries(stats.categories))
      lines.push(`  ${id}: granted ${granted}, refused ${refused}`);
  }
  return lines.join('\n');
}

async function stats(args: string[]): Promise<number> {
  const { values } = parse('stats', () =>
    parseArgs({
      args,
      allowPositionals: true,
      options: { ...DATABASE_OPTIONS, by: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } },
    }),
  );
  if (values.help) return help('stats');
  if (values.by !== undefined && values.by !== 'month') throw new UsageError(`--by takes month, not "${values.by}"`);
  const range = timeRange(values);
  const periods = await withStore(storeOptions(values, false), (store) => store.stats(range, values.by === 'month'));
  console.log(values.json ? JSON.stringify({ periods }, null, 2) : statsText(periods));
  return 0;
}

async function purge(args: string[]): Promise<number> {
  const { values } = parse('purge', () =>
    parseArgs({ args, allowPositionals: true, options: { ...DATABASE_OPTIONS, retain: { type: 'string' }, json: { type: 'boolean' } } }),
  );
  if (values.help) return help('purge');
  const retention = parseRetention(values.retain);
  const before = retention.cutoff();
  const deleted = await withStore(storeOptions(values, false), (store) => store.purge(before));
  console.log(
    values.json
      ? JSON.stringify({ retain: retention.period, before: iso(before), deleted })
      : `Deleted ${deleted} receipt(s) received before ${iso(before)} (retention ${retention.period}).`,
  );
  return 0;
}

function parseOrigin(value: string): string {
  try {
    const url = new URL(value);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== 'null') return url.origin;
  } catch {
    // Reported below.
  }
  throw new UsageError(`--allow-origin takes a site's origin such as https://www.example.gov.uk, not "${value}"`);
}

function whole(option: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number > max) throw new UsageError(`--${option} must be a whole number up to ${max}, not "${value}"`);
  return number;
}

async function serve(args: string[]): Promise<number> {
  const { values } = parse('serve', () =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        ...DATABASE_OPTIONS,
        port: { type: 'string' },
        host: { type: 'string' },
        'allow-origin': { type: 'string', multiple: true },
        retain: { type: 'string' },
        'rate-limit': { type: 'string' },
        'trust-proxy': { type: 'boolean' },
        'refresh-cookie': { type: 'string' },
      },
    }),
  );
  if (values.help) return help('serve');
  const origins = (values['allow-origin'] ?? []).map(parseOrigin);
  if (!origins.length) throw new UsageError(`receipts serve needs --allow-origin: the site(s) whose pages send receipts\n\n${USAGE.serve}`);
  const port = whole('port', values.port, 8787, 65535);
  const host = values.host ?? '127.0.0.1';
  const perMinute = whole('rate-limit', values['rate-limit'], 30, 1_000_000);
  const retention = parseRetention(values.retain);
  let refreshCookie: { name: string; expiresDays: number; domain?: string } | undefined;
  if (values['refresh-cookie']) {
    const { catalog, problems } = readCatalogFile(values['refresh-cookie']);
    if (!catalog) throw new UsageError(`--refresh-cookie: ${values['refresh-cookie']}: ${problems[0].path}: ${problems[0].message}`);
    refreshCookie = catalog.consentCookie;
  }

  const store = await openStore(storeOptions(values, true));
  const log = (line: string) => console.error(`receipts: ${line}`);
  const receiver = createReceiver({
    store,
    allowOrigins: origins,
    rateLimiter: perMinute ? new RateLimiter(perMinute) : undefined,
    trustProxy: values['trust-proxy'] ?? false,
    refreshCookie,
    log,
  });
  const purgeOld = async () => {
    try {
      const before = retention.cutoff();
      const deleted = await store.purge(before);
      if (deleted) log(`deleted ${deleted} receipt(s) received before ${iso(before)} (retention ${retention.period})`);
    } catch (error) {
      log(`could not apply the retention period: ${(error as Error).message}`);
    }
  };
  await purgeOld();
  const daily = setInterval(purgeOld, 86_400_000).unref();

  await new Promise<void>((resolve, reject) => {
    receiver.server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(`cannot listen on ${host}:${port}: ${error.code ?? error.message}`)),
    );
    receiver.server.listen(port, host, resolve);
  }).catch(async (error) => {
    clearInterval(daily);
    await store.close();
    throw error;
  });
  const address = receiver.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  console.log(`listening on http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`);
  log(`storing receipts in ${store.description}; accepting receipts from ${origins.join(', ')}`);

  return new Promise((resolve) => {
    const stop = (signal: string) => {
      log(`${signal}: finishing the receipts in progress, then stopping`);
      clearInterval(daily);
      receiver.close().then(
        () => resolve(0),
        (error) => {
          log(`stopping: ${(error as Error).message}`);
          resolve(2);
        },
      );
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}

function help(command: string): number {
  console.log(USAGE[command]);
  return 0;
}

/** `receipts <serve|find|export|stats|purge> …`: each with --help; exit 0 done, 1 nothing found, 2 could not run. */
export async function receiptsCommand(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'serve':
      return serve(rest);
    case 'find':
      return find(rest);
    case 'export':
      return exportReceipts(rest);
    case 'stats':
      return stats(rest);
    case 'purge':
      return purge(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return help('receipts');
    default:
      throw new UsageError(`unknown receipts command "${command}"\n\n${USAGE.receipts}`);
  }
}
