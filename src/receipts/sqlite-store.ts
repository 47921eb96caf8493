import type BetterSqlite3 from 'better-sqlite3';
import { pendingMigrations, VERSION_TABLE } from './migrations.js';
import { type Outcome, outcomeOf, type Receipt, receiptDigest, type StoredReceipt } from './receipt.js';
import {
  assembleStats,
  type PagePosition,
  type PeriodStats,
  type ReceiptStore,
  StoreUnavailable,
  StoreUnusable,
  type TimeRange,
} from './store.js';

interface ReceiptRow {
  id: number;
  received_at: number;
  consent_id: string;
  choice_time: number;
  revision: number;
  site: string;
  method: string;
  categories: string;
}

const COLUMNS = 'id, received_at, consent_id, choice_time, revision, site, method, categories';

const toReceipt = (row: ReceiptRow): StoredReceipt => ({
  consentId: row.consent_id,
  time: row.choice_time,
  revision: row.revision,
  site: row.site,
  categories: JSON.parse(row.categories),
  method: row.method,
  receivedAt: row.received_at,
});

const rangeClause = (range: TimeRange) =>
  `received_at >= ${Number.isFinite(range.from) ? '@from' : '-9223372036854775808'} AND received_at < ${Number.isFinite(range.to) ? '@to' : '9223372036854775807'}`;
const rangeParameters = (range: TimeRange) => ({
  ...(Number.isFinite(range.from) ? { from: range.from } : {}),
  ...(Number.isFinite(range.to) ? { to: range.to } : {}),
});

/**
 * The embedded database: one SQLite file through better-sqlite3, in WAL mode with
 * `synchronous = FULL`, so a commit is on disk (fsync) before it returns. Receipts that arrive
 * together are written in one transaction (one fsync for the lot), and each is answered only
 * after that commit.
 */
export class SqliteStore implements ReceiptStore {
  readonly description: string;
  private readonly db: BetterSqlite3.Database;
  private queue: {
    receipt: Receipt;
    receivedAt: number;
    resolve: (result: 'stored' | 'duplicate') => void;
    reject: (error: Error) => void;
  }[] = [];
  private flushScheduled = false;
  private readonly insert: BetterSqlite3.Statement;

  constructor(Database: typeof BetterSqlite3, file: string, { create }: { create: boolean }) {
    this.description = `the SQLite database ${file}`;
    try {
      this.db = new Database(file, { fileMustExist: !create, timeout: 5000 });
    } catch (error) {
      throw new StoreUnusable(`cannot open ${file}: ${(error as Error).message}`);
    }
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.migrate();
    this.insert = this.db.prepare(
      `INSERT INTO receipts (received_at, consent_id, choice_time, revision, site, method, categories, outcome, digest)
       VALUES (@receivedAt, @consentId, @time, @revision, @site, @method, @categories, @outcome, @digest)
       ON CONFLICT (digest) DO NOTHING`,
    );
  }

  private migrate() {
    this.db.exec(VERSION_TABLE);
    const currentVersion = () =>
      (this.db.prepare('SELECT coalesce(max(version), 0) AS version FROM receipts_schema').get() as { version: number }).version;
    // Checked before taking the write lock, so a read-only command never waits for the receiver.
    if (!pendingMigrations(currentVersion()).length) return;
    this.db
      .transaction(() => {
        for (const migration of pendingMigrations(currentVersion())) {
          this.db.exec(migration.sqlite);
          this.db
            .prepare('INSERT INTO receipts_schema (version, description, applied_at) VALUES (?, ?, ?)')
            .run(migration.version, migration.description, new Date().toISOString());
        }
      })
      .immediate();
  }

  add(receipt: Receipt, receivedAt: number): Promise<'stored' | 'duplicate'> {
    return new Promise((resolve, reject) => {
      this.queue.push({ receipt, receivedAt, resolve, reject });
      if (this.flushScheduled) return;
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    });
  }

  private flush() {
    const batch = this.queue;
    this.queue = [];
    this.flushScheduled = false;
    let results: ('stored' | 'duplicate')[];
    try {
      results = this.db
        .transaction(() =>
          batch.map(({ receipt, receivedAt }) => {
            const { changes } = this.insert.run({
              ...receipt,
              receivedAt,
              categories: JSON.stringify(receipt.categories),
              outcome: outcomeOf(receipt.categories),
              digest: receiptDigest(receipt),
            });
            return changes ? 'stored' : 'duplicate';
          }),
        )
        .immediate();
    } catch (error) {
      const unavailable = new StoreUnavailable(`${this.description} refused the write: ${(error as Error).message}`);
      for (const { reject } of batch) reject(unavailable);
      return;
    }
    for (const [index, { resolve }] of batch.entries()) resolve(results[index]);
  }

  async find(consentId: string): Promise<StoredReceipt[]> {
    const rows = this.db
      .prepare(`SELECT ${COLUMNS} FROM receipts WHERE consent_id = ? ORDER BY choice_time, id`)
      .all(consentId) as ReceiptRow[];
    return rows.map(toReceipt);
  }

  async page(range: TimeRange, after: PagePosition | undefined, limit: number) {
    const rows = this.db
      .prepare(
        `SELECT ${COLUMNS} FROM receipts WHERE ${rangeClause(range)} AND (received_at, id) > (@afterTime, @afterRow)
         ORDER BY received_at, id LIMIT @limit`,
      )
      .all({ ...rangeParameters(range), afterTime: after?.receivedAt ?? -1, afterRow: after?.row ?? 0, limit }) as ReceiptRow[];
    return rows.map((row) => ({ position: { receivedAt: row.received_at, row: row.id }, receipt: toReceipt(row) }));
  }

  async categoryIds(range: TimeRange): Promise<string[]> {
    const rows = this.db
      .prepare(
        `SELECT DISTINCT answer.key AS id FROM receipts, json_each(receipts.categories) AS answer WHERE ${rangeClause(range)} ORDER BY 1`,
      )
      .all(rangeParameters(range)) as { id: string }[];
    return rows.map((row) => row.id);
  }

  async stats(range: TimeRange, byMonth: boolean): Promise<PeriodStats[]> {
    const period = byMonth ? `strftime('%Y-%m', received_at / 1000, 'unixepoch')` : `'all'`;
    const outcomes = this.db
      .prepare(`SELECT ${period} AS period, outcome, method, count(*) AS count FROM receipts WHERE ${rangeClause(range)} GROUP BY 1, 2, 3`)
      .all(rangeParameters(range)) as { period: string; outcome: Outcome; method: string; count: number }[];
    const answers = this.db
      .prepare(
        `SELECT ${period} AS period, answer.key AS category, answer.value AS granted, count(*) AS count
         FROM receipts, json_each(receipts.categories) AS answer WHERE ${rangeClause(range)} GROUP BY 1, 2, 3`,
      )
      .all(rangeParameters(range)) as { period: string; category: string; granted: number; count: number }[];
    return assembleStats(
      outcomes,
      answers.map((row) => ({ ...row, granted: row.granted === 1 })),
    );
  }

  async purge(before: number): Promise<number> {
    return this.db.prepare('DELETE FROM receipts WHERE received_at < ?').run(before).changes;
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.queue.length) await new Promise((resolve) => setImmediate(resolve));
    this.db.close();
  }
}
