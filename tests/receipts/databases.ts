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

/** The embedded database: a new SQLite file per `fresh()` in a temporary directory, removed after the file's tests. */
export function embeddedDatabase(): TestDatabase {
  let dir = '';
  let count = 0;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'receipts-test-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    name: 'embedded',
    async fresh() {
      const db = join(dir, `receipts-${++count}.db`);
      return { args: ['--db', db], options: { db } };
    },
  };
}

/** A real PostgreSQL server for the file's tests (a new database per `fresh()`), started before them and removed after. */
export function postgresDatabase(): TestDatabase {
  let count = 0;
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
    postgres.server = await startPostgres();
  }, 120_000);
  afterAll(async () => {
    await postgres.server?.destroy();
  });
  return postgres;
}

/** Both databases, for behaviour that must be the same on each. */
export const bothDatabases = (): [TestDatabase, TestDatabase] => [embeddedDatabase(), postgresDatabase()];
