import type { Outcome, Receipt, StoredReceipt } from './receipt.js';

/** Received-time bounds, in ms since 1970: `from` inclusive, `to` exclusive. */
export interface TimeRange {
  from?: number;
  to?: number;
}

/** Where a page of receipts ended: the last one's time received and row id. */
export interface PagePosition {
  receivedAt: number;
  row: number;
}

/** Counts for one period (a month "2026-12", or "all"). */
export interface PeriodStats {
  period: string;
  receipts: number;
  outcomes: Record<Outcome, number>;
  methods: Record<string, number>;
  categories: Record<string, { granted: number; refused: number }>;
}

/**
 * Where receipts are kept: the embedded SQLite file or a PostgreSQL database. Both implement
 * exactly this, with the same schema (src/receipts/migrations.ts), and the tests run each
 * behaviour against both.
 */
export interface ReceiptStore {
  /** Which database, for messages: never the password. */
  readonly description: string;
  /** Resolves only once the receipt is durably stored (committed and flushed to disk). */
  add(receipt: Receipt, receivedAt: number): Promise<'stored' | 'duplicate'>;
  /** Every receipt for one consent id, in the order the choices were made. */
  find(consentId: string): Promise<StoredReceipt[]>;
  /** Receipts received in a range, oldest first, a page at a time: those after `after` (keyset on time received, then row). */
  page(range: TimeRange, after: PagePosition | undefined, limit: number): Promise<{ position: PagePosition; receipt: StoredReceipt }[]>;
  /** Every category id answered in a range, sorted. */
  categoryIds(range: TimeRange): Promise<string[]>;
  stats(range: TimeRange, byMonth: boolean): Promise<PeriodStats[]>;
  /** Deletes receipts received before `before`; returns how many. */
  purge(before: number): Promise<number>;
  /** Throws when the database cannot be used right now. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The database cannot be reached or refused the write: the receipt was not stored (503). */
export class StoreUnavailable extends Error {}

/** The database exists but cannot be used by this version (exit 2 with this message). */
export class StoreUnusable extends Error {}

export async function* allReceipts(store: ReceiptStore, range: TimeRange, pageSize = 1000): AsyncGenerator<StoredReceipt> {
  let after: PagePosition | undefined;
  for (;;) {
    const rows = await store.page(range, after, pageSize);
    for (const { receipt } of rows) yield receipt;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1].position;
  }
}

/** Builds the per-period stats from grouped rows that both databases return alike. */
export function assembleStats(
  outcomeRows: { period: string; outcome: string; method: string; count: number }[],
  categoryRows: { period: string; category: string; granted: boolean; count: number }[],
): PeriodStats[] {
  const periods = new Map<string, PeriodStats>();
  const periodStats = (period: string) => {
    let stats = periods.get(period);
    if (!stats) {
      stats = { period, receipts: 0, outcomes: { accepted: 0, rejected: 0, partial: 0, none: 0 }, methods: {}, categories: {} };
      periods.set(period, stats);
    }
    return stats;
  };
  for (const { period, outcome, method, count } of outcomeRows) {
    const stats = periodStats(period);
    stats.receipts += count;
    stats.outcomes[outcome as Outcome] += count;
    stats.methods[method] = (stats.methods[method] ?? 0) + count;
  }
  // Category ids come from receipts: "constructor" is a valid id, so look them up as own keys only.
  const answersFor = new Map<string, { granted: number; refused: number }>();
  for (const { period, category, granted, count } of categoryRows) {
    const key = JSON.stringify([period, category]);
    let answers = answersFor.get(key);
    if (!answers) {
      answers = { granted: 0, refused: 0 };
      answersFor.set(key, answers);
      Object.defineProperty(periodStats(period).categories, category, {
        value: answers,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    answers[granted ? 'granted' : 'refused'] += count;
  }
  return [...periods.values()]
    .sort((a, b) => (a.period < b.period ? -1 : 1))
    .map((stats) => ({
      ...stats,
      categories: Object.fromEntries(Object.entries(stats.categories).sort(([a], [b]) => (a < b ? -1 : 1))),
    }));
}
