import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type PostgresServer, startPostgres } from '../support/postgres-server.mjs';

export interface FreshDatabase {
  /** `--db FILE` or `--database-url URL`, for the command line. */
  args: string[];
  /** The same, for openStore(). */
  options: { db?: string; databaseUrl?: string };
}

/** One of the two databases the receipts service supports. */
export interface TestDatabase {
  name: 'embedded' | 'postgres';
  /** A new, empty database. */
  fresh(): Promise<FreshDatabase>;
  /** The PostgreSQL server (postgres only). */
  server?: PostgresServer;
}

/**
 * Both databases for a test file: a temporary directory for SQLite files, and one real PostgreSQL
 * server (a new database per `fresh()`), started before the file's tests and removed after.
 */
export function bothDatabases(): [TestDatabase, TestDatabase] {
  let dir = '';
  let count = 0;
  const embedded: TestDatabase = {
    name: 'embedded',
    async fresh() {
      const db = join(dir, `receipts-${++count}.db`);
      return { args: ['--db', db], options: { db } };
    },
  };
  const postgres: TestDatabase = {
    name: 'postgres',
    async fresh() {
      const name = `receipts_${++count}`;
      await postgres.server!.psql(`CREATE DATABASE ${name}`);
      const url = postgres.server!.url.replace(/\/receipts$/, `/${name}`);
      return { args: ['--database-url', url], options: { databaseUrl: url } };
    },
  };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'receipts-test-'));
    postgres.server = await startPostgres();
  }, 120_000);
  afterAll(async () => {
    await postgres.server?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
  return [embedded, postgres];
}
