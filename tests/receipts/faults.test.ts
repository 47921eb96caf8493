import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/receipts/open-store.js';
import { makeReceipt, postReceipt, type ReceiverProcess, startReceiver, TEST_ORIGIN } from '../support/receiver-process.mjs';
import { bothDatabases, type FreshDatabase } from './databases.js';

const databases = bothDatabases();
const running: ReceiverProcess[] = [];
afterAll(async () => {
  await Promise.all(running.map((receiver) => receiver.kill()));
});

async function receiverOn(db: FreshDatabase): Promise<ReceiverProcess> {
  const receiver = await startReceiver([...db.args, '--allow-origin', TEST_ORIGIN, '--rate-limit', '0']);
  running.push(receiver);
  return receiver;
}

/**
 * Sends `total` receipts, `concurrency` at a time, until `stopAfter` are acknowledged; then calls
 * `interrupt` while requests are still in flight and carries on until every request has an answer
 * or a connection error. Returns the consent ids answered 201, how many of those were answered after
 * the interruption began, and the count of failed requests.
 */
async function burst(url: string, total: number, concurrency: number, stopAfter: number, interrupt: () => Promise<unknown>) {
  const acknowledged: string[] = [];
  let failed = 0;
  let next = 0;
  let interrupted: Promise<unknown> | undefined;
  let acknowledgedAfter = 0;
  const worker = async () => {
    while (next < total) {
      next++;
      const receipt = makeReceipt();
      try {
        const { status } = await postReceipt(url, receipt);
        if (status === 201) {
          acknowledged.push(receipt.consentId);
          if (interrupted) acknowledgedAfter++;
        } else failed++;
      } catch {
        failed++;
      }
      if (acknowledged.length >= stopAfter && !interrupted) interrupted = interrupt();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await interrupted;
  return { acknowledged, acknowledgedAfter, failed };
}

describe.each(databases)('faults, on the $name database', (database) => {
  it('kill -9 during a burst loses no receipt answered 201, and the database opens cleanly after', async () => {
    const db = await database.fresh();
    const receiver = await receiverOn(db);
    const { acknowledged, failed } = await burst(receiver.url, 600, 16, 150, () => receiver.kill());
    expect(acknowledged.length).toBeGreaterThanOrEqual(150);
    // The kill cut the burst short: some requests were refused or reset.
    expect(failed).toBeGreaterThan(0);
    expect((await receiver.exited).signal).toBe('SIGKILL');
    const store = await openStore({ ...db.options, create: false });
    const missing: string[] = [];
    for (const consentId of acknowledged) if (!(await store.find(consentId)).length) missing.push(consentId);
    await store.close();
    expect(missing).toEqual([]);
    // A new receiver takes over the same database.
    const again = await receiverOn(db);
    expect((await postReceipt(again.url, makeReceipt())).status).toBe(201);
    expect((await again.stop()).code).toBe(0);
  });

  it('SIGTERM during a burst answers the receipts in progress, stores every one answered 201, and exits 0', async () => {
    const db = await database.fresh();
    const receiver = await receiverOn(db);
    const { acknowledged, acknowledgedAfter } = await burst(receiver.url, 400, 16, 100, () => receiver.stop());
    const { code } = await receiver.exited;
    expect(code).toBe(0);
    // Requests already in progress when the signal came were finished and answered.
    expect(acknowledgedAfter).toBeGreaterThan(0);
    await expect.poll(() => receiver.stderr).toContain('SIGTERM: finishing the receipts in progress, then stopping');
    const store = await openStore({ ...db.options, create: false });
    for (const consentId of acknowledged) expect(await store.find(consentId)).toHaveLength(1);
    await store.close();
  });
});

describe('when PostgreSQL goes away', () => {
  const postgres = databases[1];
  it('answers 503 (and /healthz 503) while it is down, says so once, and stores again when it returns', async () => {
    const db = await postgres.fresh();
    const receiver = await receiverOn(db);
    expect((await postReceipt(receiver.url, makeReceipt())).status).toBe(201);
    await postgres.server!.crash();
    const whileDown = await Promise.all(Array.from({ length: 5 }, () => postReceipt(receiver.url, makeReceipt())));
    for (const answer of whileDown) {
      expect(answer.status).toBe(503);
      expect(answer.json.error).toBe('the receipt could not be stored: try again');
      expect(answer.headers.get('retry-after')).toBe('5');
    }
    expect((await fetch(`${receiver.url}/healthz`)).status).toBe(503);
    await expect.poll(() => receiver.stderr.match(/cannot store receipts/g)?.length).toBe(1);
    await postgres.server!.start();
    await expect.poll(async () => (await postReceipt(receiver.url, makeReceipt())).status, { timeout: 20_000, interval: 250 }).toBe(201);
    expect((await fetch(`${receiver.url}/healthz`)).status).toBe(200);
    await expect.poll(() => receiver.stderr).toContain('is storing receipts again');
    expect((await receiver.stop()).code).toBe(0);
  });
});
