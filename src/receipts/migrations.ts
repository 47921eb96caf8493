import { StoreUnusable } from './store.js';

/**
 * The receipts schema, one step per version, for both databases. Each step is the same table in
 * each dialect: SQLite keeps times as integer milliseconds and categories as JSON text; PostgreSQL
 * as timestamptz and jsonb, so a council's DBA can query them directly. A step is never edited
 * once released: a change is a new step.
 */
export interface Migration {
  version: number;
  description: string;
  sqlite: string;
  postgres: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'receipts, found by consent id and by time received',
    sqlite: `
      CREATE TABLE receipts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        received_at INTEGER NOT NULL,
        consent_id TEXT NOT NULL,
        choice_time INTEGER NOT NULL,
        revision INTEGER NOT NULL,
        site TEXT NOT NULL,
        method TEXT NOT NULL,
        categories TEXT NOT NULL,
        outcome TEXT NOT NULL,
        digest TEXT NOT NULL UNIQUE
      );
      CREATE INDEX receipts_by_consent_id ON receipts (consent_id, choice_time, id);
      CREATE INDEX receipts_by_received_at ON receipts (received_at, id);`,
    postgres: `
      CREATE TABLE receipts (
        id bigserial PRIMARY KEY,
        received_at timestamptz NOT NULL,
        consent_id uuid NOT NULL,
        choice_time timestamptz NOT NULL,
        revision integer NOT NULL,
        site text NOT NULL,
        method text NOT NULL,
        categories jsonb NOT NULL,
        outcome text NOT NULL,
        digest text NOT NULL UNIQUE
      );
      CREATE INDEX receipts_by_consent_id ON receipts (consent_id, choice_time, id);
      CREATE INDEX receipts_by_received_at ON receipts (received_at, id);`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** The table that records which steps were applied (the same in both dialects). */
export const VERSION_TABLE = `CREATE TABLE IF NOT EXISTS receipts_schema (version integer PRIMARY KEY, description text NOT NULL, applied_at text NOT NULL)`;

export function pendingMigrations(current: number): Migration[] {
  if (current > SCHEMA_VERSION)
    throw new StoreUnusable(
      `the receipts database is at schema version ${current}, newer than this version of council-cookie-consent knows (${SCHEMA_VERSION}): upgrade it`,
    );
  return MIGRATIONS.filter((migration) => migration.version > current);
}
