import type { Pool, PoolClient } from 'pg';
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
  id: string;
  received_at: Date;
  consent_id: string;
  choice_time: Date;
  revision: number;
  site: string;
  method: string;
  categories: Record<string, boolean>;
}

const COLUMNS = 'id, received_at, consent_id, choice_time, revision, site, method, categories';
/** Any lock id will do, as long as every receiver migrating this database takes the same one. */
const MIGRATION_LOCK = 5_120_715;

const toReceipt = (row: ReceiptRow): StoredReceipt => ({
  consentId: row.consent_id,
  time: row.choice_time.getTime(),
  revision: row.revision,
  site: row.site,
  // jsonb orders keys its own way: put them back in alphabetical order, as SQLite keeps them.
  categories: Object.fromEntries(Object.entries(row.categories).sort(([a], [b]) => (a < b ? -1 : 1))),
  method: row.method,
  receivedAt: row.received_at.getTime(),
});

const range$ = (range: TimeRange, first: number) => ({
  clause: `received_at >= coalesce($${first}::timestamptz, '-infinity') AND received_at < coalesce($${first + 1}::timestamptz, 'infinity')`,
  values: [Number.isFinite(range.from) ? new Date(range.from!) : null, Number.isFinite(range.to) ? new Date(range.to!) : null],
});

/** Where a connection string points, for messages: no user name or password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `the PostgreSQL database ${parsed.hostname || 'on the local socket'}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
  } catch {
    return 'the PostgreSQL database';
  }
}

/**
 * PostgreSQL through node-postgres' pool. A commit returns once PostgreSQL has flushed it
 * (its default `synchronous_commit = on`); when the server goes away the pool's connections fail,
 * each receipt gets 503, and the next request after it returns opens a new connection.
 */
export class PostgresStore implements ReceiptStore {
  readonly description: string;

  private constructor(
    private readonly pool: Pool,
    url: string,
  ) {
    this.description = describeDatabaseUrl(url);
  }

  static async open(pg: { Pool: typeof Pool }, url: string): Promise<PostgresStore> {
    const pool = new pg.Pool({
      connectionString: url,
      max: 10,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 10000,
      query_timeout: 10000,
      application_name: 'council-cookie-consent receipts',
    });
    // An idle connection the server closes (a restart, a failover) is dropped; without a
    // listener its error would end the process.
    pool.on('error', () => {});
    const store = new PostgresStore(pool, url);
    try {
      await store.migrate();
    } catch (error) {
      await pool.end().catch(() => {});
      if (error instanceof StoreUnusable) throw error;
      throw new StoreUnusable(`cannot use ${store.description}: ${(error as Error).message}`);
    }
    return store;
  }

  private async migrate() {
    // Checked without locking or creating anything first, so a read-only role can run the
    // reporting commands against an up-to-date database.
    const { rows: existing } = await this.pool.query("SELECT to_regclass('receipts_schema') IS NOT NULL AS present");
    if (existing[0].present) {
      const { rows } = await this.pool.query('SELECT coalesce(max(version), 0) AS version FROM receipts_schema');
      if (!pendingMigrations(rows[0].version).length) return;
    }
    await this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query(VERSION_TABLE);
      const { rows } = await client.query('SELECT coalesce(max(version), 0) AS version FROM receipts_schema');
      for (const migration of pendingMigrations(rows[0].version)) {
        await client.query(migration.postgres);
        await client.query('INSERT INTO receipts_schema (version, description, applied_at) VALUES ($1, $2, $3)', [
          migration.version,
          migration.description,
          new Date().toISOString(),
        ]);
      }
    });
  }

  private async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async add(receipt: Receipt, receivedAt: number): Promise<'stored' | 'duplicate'> {
    try {
      const { rowCount } = await this.pool.query(
        `INSERT INTO receipts (received_at, consent_id, choice_time, revision, site, method, categories, outcome, digest)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (digest) DO NOTHING`,
        [
          new Date(receivedAt),
          receipt.consentId,
          new Date(receipt.time),
          receipt.revision,
          receipt.site,
          receipt.method,
          JSON.stringify(receipt.categories),
          outcomeOf(receipt.categories),
          receiptDigest(receipt),
        ],
      );
      return rowCount ? 'stored' : 'duplicate';
    } catch (error) {
      throw new StoreUnavailable(`${this.description} refused the write: ${(error as Error).message}`);
    }
  }

  async find(consentId: string): Promise<StoredReceipt[]> {
    const { rows } = await this.pool.query<ReceiptRow>(`SELECT ${COLUMNS} FROM receipts WHERE consent_id = $1 ORDER BY choice_time, id`, [
      consentId,
    ]);
    return rows.map(toReceipt);
  }

  async page(range: TimeRange, after: PagePosition | undefined, limit: number) {
    const { clause, values } = range$(range, 1);
    const { rows } = await this.pool.query<ReceiptRow>(
      `SELECT ${COLUMNS} FROM receipts WHERE ${clause} AND (received_at, id) > (coalesce($3::timestamptz, '-infinity'), $4)
       ORDER BY received_at, id LIMIT $5`,
      [...values, after ? new Date(after.receivedAt) : null, after?.row ?? 0, limit],
    );
    return rows.map((row) => ({ position: { receivedAt: row.received_at.getTime(), row: Number(row.id) }, receipt: toReceipt(row) }));
  }

  async categoryIds(range: TimeRange): Promise<string[]> {
    const { clause, values } = range$(range, 1);
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT DISTINCT answer.key AS id FROM receipts, jsonb_each(receipts.categories) AS answer WHERE ${clause} ORDER BY 1`,
      values,
    );
    return rows.map((row) => row.id).sort();
  }

  async stats(range: TimeRange, byMonth: boolean): Promise<PeriodStats[]> {
    const period = byMonth ? `to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM')` : `'all'`;
    const { clause, values } = range$(range, 1);
    const outcomes = await this.pool.query<{ period: string; outcome: Outcome; method: string; count: number }>(
      `SELECT ${period} AS period, outcome, method, count(*)::integer AS count FROM receipts WHERE ${clause} GROUP BY 1, 2, 3`,
      values,
    );
    const answers = await this.pool.query<{ period: string; category: string; granted: boolean; count: number }>(
      `SELECT ${period} AS period, answer.key AS category, answer.value = 'true'::jsonb AS granted, count(*)::integer AS count
       FROM receipts, jsonb_each(receipts.categories) AS answer WHERE ${clause} GROUP BY 1, 2, 3`,
      values,
    );
    return assembleStats(outcomes.rows, answers.rows);
  }

  async purge(before: number): Promise<number> {
    const { rowCount } = await this.pool.query('DELETE FROM receipts WHERE received_at < $1', [new Date(before)]);
    return rowCount ?? 0;
  }

  async ping(): Promise<void> {
    try {
      await this.pool.query('SELECT 1');
    } catch (error) {
      throw new StoreUnavailable(`${this.description} cannot be reached: ${(error as Error).message}`);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
