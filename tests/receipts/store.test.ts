import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/receipts/migrations.js';
import { openStore } from '../../src/receipts/open-store.js';
import type { Receipt } from '../../src/receipts/receipt.js';
import { allReceipts, StoreUnusable } from '../../src/receipts/store.js';
import { makeReceipt } from '../support/receiver-process.mjs';
import { bothDatabases } from './databases.js';

const DAY = 86_400_000;
const DEC_1 = Date.UTC(2026, 11, 1, 12);

const [embedded, postgres] = bothDatabases();

describe.each([embedded, postgres])('the $name store', (database) => {
  it('creates the schema on a new database, records its version, and applies nothing when opened again', async () => {
    const { options } = await database.fresh();
    const first = await openStore({ ...options, create: true });
    await first.add(makeReceipt(), DEC_1);
    await first.close();
    const again = await openStore({ ...options, create: false });
    expect(await again.stats({}, false)).toMatchObject([{ receipts: 1 }]);
    await again.close();
    expect(await runSql(database.name, options, 'SELECT version FROM receipts_schema')).toEqual([{ version: SCHEMA_VERSION }]);
  });

  it('refuses a database that a newer version has migrated, naming both versions', async () => {
    const { options } = await database.fresh();
    const store = await openStore({ ...options, create: true });
    await store.close();
    await markNewerSchema(database.name, options);
    await expect(openStore({ ...options, create: false })).rejects.toThrow(
      new StoreUnusable(
        `the receipts database is at schema version ${SCHEMA_VERSION + 1}, newer than this version of council-cookie-consent knows (${SCHEMA_VERSION}): upgrade it`,
      ),
    );
  });

  it('stores a receipt once: the same receipt again is a duplicate, another choice of the same resident is new', async () => {
    const { options } = await database.fresh();
    const store = await openStore({ ...options, create: true });
    const receipt = makeReceipt({ categories: { marketing: false, analytics: true } });
    expect(await store.add(receipt, DEC_1)).toBe('stored');
    // The same answers in another key order are the same receipt.
    expect(await store.add({ ...receipt, categories: { analytics: true, marketing: false } }, DEC_1 + 5)).toBe('duplicate');
    expect(
      await store.add(
        { ...receipt, time: receipt.time + 1000, method: 'reject', categories: { analytics: false, marketing: false } },
        DEC_1 + 9,
      ),
    ).toBe('stored');
    const found = await store.find(receipt.consentId);
    expect(found.map((r) => r.method)).toEqual(['preferences', 'reject']);
    expect(found[0]).toEqual({ ...receipt, categories: { analytics: true, marketing: false }, receivedAt: DEC_1 });
    await store.close();
  });

  it('finds a resident’s receipts in the order the choices were made, whatever order they arrived in', async () => {
    const { options } = await database.fresh();
    const store = await openStore({ ...options, create: true });
    const consentId = makeReceipt().consentId;
    const choices: Receipt[] = [
      makeReceipt({ consentId, time: DEC_1, method: 'accept', categories: { analytics: true } }),
      makeReceipt({ consentId, time: DEC_1 + 60_000, method: 'preferences', categories: { analytics: false } }),
      makeReceipt({ consentId, time: DEC_1 + 120_000, method: 'reject', categories: { analytics: false } }),
    ];
    await store.add(choices[2], DEC_1 + 200_000);
    await store.add(choices[0], DEC_1 + 200_001);
    await store.add(choices[1], DEC_1 + 200_002);
    await store.add(makeReceipt(), DEC_1);
    expect((await store.find(consentId)).map(({ receivedAt: _, ...receipt }) => receipt)).toEqual(choices);
    expect(await store.find(makeReceipt().consentId)).toEqual([]);
    await store.close();
  });

  it('stores every receipt of a burst that arrives at once, each exactly once', async () => {
    const { options } = await database.fresh();
    const store = await openStore({ ...options, create: true });
    const burst = Array.from({ length: 200 }, () => makeReceipt());
    const results = await Promise.all(burst.map((receipt, i) => store.add(receipt, DEC_1 + i)));
    expect(results.every((result) => result === 'stored')).toBe(true);
    const again = await Promise.all(burst.slice(0, 20).map((receipt) => store.add(receipt, DEC_1)));
    expect(again.every((result) => result === 'duplicate')).toBe(true);
    const stored = [];
    for await (const receipt of allReceipts(store, {}, 64)) stored.push(receipt.consentId);
    // Concurrent writes to PostgreSQL commit in any order: the same set, each once.
    expect(stored.sort()).toEqual(burst.map((receipt) => receipt.consentId).sort());
    await store.close();
  });

  it('pages through a time range received: from inclusive, to exclusive', async () => {
    const { options } = await database.fresh();
    const store = await openStore({ ...options, create: true });
    const times = [DEC_1 - DAY, DEC_1, DEC_1 + DAY - 1, DEC_1 + DAY];
    const receipts = times.map(() => makeReceipt());
    for (const [i, receipt] of receipts.entries()) await store.add(receipt, times[i]);
    const inRange = [];
    for await (const receipt of allReceipts(store, { from: DEC_1, to: DEC_1 + DAY }, 1)) inRange.push(receipt.receivedAt);
    expect(inRange).toEqual([DEC_1, DEC_1 + DAY - 1]);
    expect(await store.categoryIds({ from: DEC_1 })).toEqual(['analytics', 'marketing']);
    expect(await store.categoryIds({ from: DEC_1 + 2 * DAY })).toEqual([]);
    await store.close();
  });

  it('counts accepts, rejects and partial answers, per method and per category, in all and by month (UTC)', async () => {
    const { options } = await database.fresh();
    const store = await openStore({ ...options, create: true });
    const nov30Late = Date.UTC(2026, 10, 30, 23, 59, 59, 999);
    await store.add(makeReceipt({ method: 'accept', categories: { analytics: true, marketing: true } }), nov30Late);
    await store.add(makeReceipt({ method: 'reject', categories: { analytics: false, marketing: false } }), DEC_1);
    await store.add(makeReceipt({ method: 'reject', categories: { analytics: false, marketing: false } }), DEC_1 + 1);
    await store.add(makeReceipt({ method: 'preferences', categories: { analytics: true, marketing: false } }), DEC_1 + 2);
    await store.add(makeReceipt({ method: 'accept', categories: {} }), DEC_1 + 3);
    expect(await store.stats({}, false)).toEqual([
      {
        period: 'all',
        receipts: 5,
        outcomes: { accepted: 1, rejected: 2, partial: 1, none: 1 },
        methods: { accept: 2, reject: 2, preferences: 1 },
        categories: { analytics: { granted: 2, refused: 2 }, marketing: { granted: 1, refused: 3 } },
      },
    ]);
    const byMonth = await store.stats({}, true);
    expect(byMonth.map(({ period, receipts, outcomes }) => ({ period, receipts, outcomes }))).toEqual([
      { period: '2026-11', receipts: 1, outcomes: { accepted: 1, rejected: 0, partial: 0, none: 0 } },
      { period: '2026-12', receipts: 4, outcomes: { accepted: 0, rejected: 2, partial: 1, none: 1 } },
    ]);
    expect(await store.stats({ from: DEC_1 + 1, to: DEC_1 + 2 }, false)).toMatchObject([{ receipts: 1, outcomes: { rejected: 1 } }]);
    expect(await store.stats({ from: DEC_1 + DAY }, false)).toEqual([]);
    await store.close();
  });

  it('counts a category whose id is also an object property name ("constructor") like any other', async () => {
    const { options } = await database.fresh();
    const store = await openStore({ ...options, create: true });
    await store.add(makeReceipt({ categories: { constructor: true } as never }), DEC_1);
    await store.add(makeReceipt({ categories: { constructor: false } as never }), DEC_1);
    const [stats] = await store.stats({}, false);
    expect(stats.categories).toEqual({ constructor: { granted: 1, refused: 1 } });
    expect(Object.keys(stats.categories)).toEqual(['constructor']);
    await store.close();
  });

  it('purges receipts received before a moment and keeps the rest', async () => {
    const { options } = await database.fresh();
    const store = await openStore({ ...options, create: true });
    const old = makeReceipt();
    const recent = makeReceipt();
    await store.add(old, DEC_1 - 1);
    await store.add(recent, DEC_1);
    expect(await store.purge(DEC_1)).toBe(1);
    expect(await store.find(old.consentId)).toEqual([]);
    expect(await store.find(recent.consentId)).toHaveLength(1);
    expect(await store.purge(DEC_1)).toBe(0);
    await store.close();
  });
});

describe('the PostgreSQL store', () => {
  it('lets a read-only role run the reporting queries once the receiver has created the schema', async () => {
    const { options } = await postgres.fresh();
    const writer = await openStore({ ...options, create: true });
    const receipt = makeReceipt();
    await writer.add(receipt, DEC_1);
    await writer.close();
    const database = options.databaseUrl!.split('/').pop();
    await postgres.server!.psql(`DROP ROLE IF EXISTS auditor; CREATE ROLE auditor LOGIN`);
    await runSql('postgres', options, 'GRANT SELECT ON receipts, receipts_schema TO auditor');
    const reader = await openStore({
      databaseUrl: `${postgres.server!.url.replace('postgres@', 'auditor@').replace(/\/receipts$/, `/${database}`)}`,
      create: false,
    });
    expect(await reader.find(receipt.consentId)).toHaveLength(1);
    await expect(reader.add(makeReceipt(), DEC_1)).rejects.toThrow(/permission denied/);
    await reader.close();
  });
});

describe('the embedded store', () => {
  it('is created by the receiver only: the reporting commands refuse a file that does not exist', async () => {
    await expect(openStore({ db: '/nonexistent-dir/receipts.db', create: false })).rejects.toThrow(
      /cannot open \/nonexistent-dir\/receipts\.db/,
    );
  });
});

async function markNewerSchema(name: string, options: { db?: string; databaseUrl?: string }) {
  await runSql(
    name,
    options,
    `INSERT INTO receipts_schema (version, description, applied_at) VALUES (${SCHEMA_VERSION + 1}, 'from the future', 'now')`,
  );
}

/** Runs SQL on the database directly, with its own driver: what the store left there. */
async function runSql(name: string, options: { db?: string; databaseUrl?: string }, sql: string): Promise<unknown[]> {
  if (name === 'embedded') {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(options.db!);
    try {
      const statement = db.prepare(sql);
      if (statement.reader) return statement.all();
      statement.run();
      return [];
    } finally {
      db.close();
    }
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client(options.databaseUrl);
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}
