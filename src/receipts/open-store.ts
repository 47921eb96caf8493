import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import { PostgresStore } from './postgres-store.js';
import { SqliteStore } from './sqlite-store.js';
import { type ReceiptStore, StoreUnusable } from './store.js';

export interface StoreOptions {
  /** The embedded database's file (default `receipts.db`). */
  db?: string;
  /** A PostgreSQL connection string; wins over `db`. */
  databaseUrl?: string;
  /** Create the embedded file if it is missing (the receiver does; the reporting commands do not). */
  create: boolean;
}

export const DEFAULT_DB_FILE = 'receipts.db';

/**
 * The database drivers are optional peer dependencies, loaded only by the receipts commands, so
 * a site that only uses the banner installs neither.
 */
async function loadDriver<T>(name: string, why: string): Promise<T> {
  try {
    const module = (await import(name)) as { default?: T };
    return (module.default ?? module) as T;
  } catch (error) {
    throw new StoreUnusable(
      `${why} needs the ${name} package, which could not be loaded (${(error as Error).message.split('\n')[0]}): npm install ${name}`,
    );
  }
}

export async function openStore({ db, databaseUrl, create }: StoreOptions): Promise<ReceiptStore> {
  if (databaseUrl) {
    const driver = await loadDriver<typeof pg>('pg', 'a PostgreSQL database (--database-url)');
    return PostgresStore.open(driver, databaseUrl);
  }
  const file = db ?? DEFAULT_DB_FILE;
  const Database = await loadDriver<typeof BetterSqlite3>('better-sqlite3', 'the embedded database (--db)');
  try {
    return new SqliteStore(Database, file, { create });
  } catch (error) {
    if (error instanceof StoreUnusable) throw error;
    throw new StoreUnusable(`cannot use ${file}: ${(error as Error).message}`);
  }
}
