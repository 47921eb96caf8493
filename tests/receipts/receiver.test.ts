import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/receipts/open-store.js';
import { runCli } from '../cli/run-cli.js';
import { makeReceipt, postReceipt, type ReceiverProcess, startReceiver, TEST_ORIGIN } from '../support/receiver-process.mjs';
import { bothDatabases, embeddedDatabase, type FreshDatabase } from './databases.js';

describe.each(bothDatabases())('the receiver, on the $name database', (database) => {
  let receiver: ReceiverProcess;
  let db: FreshDatabase;
  beforeAll(async () => {
    db = await database.fresh();
    receiver = await startReceiver([...db.args, '--allow-origin', TEST_ORIGIN, '--rate-limit', '0']);
  });
  afterAll(async () => {
    expect((await receiver?.stop())?.code).toBe(0);
  });

  it('stores a beacon’s text/plain receipt (201), and the same receipt again only once (200)', async () => {
    const receipt = makeReceipt();
    const first = await postReceipt(receiver.url, receipt);
    expect(first).toMatchObject({ status: 201, json: { stored: true, duplicate: false } });
    expect(first.headers.get('access-control-allow-origin')).toBe(TEST_ORIGIN);
    expect(await postReceipt(receiver.url, receipt)).toMatchObject({ status: 200, json: { stored: true, duplicate: true } });
    const found = await runCli(['receipts', 'find', receipt.consentId, '--json', ...db.args]);
    expect(found.code).toBe(0);
    expect(JSON.parse(found.stdout).receipts).toEqual([
      expect.objectContaining({ consentId: receipt.consentId, time: new Date(receipt.time).toISOString(), categories: receipt.categories }),
    ]);
  });

  it('takes application/json too, with or without a charset', async () => {
    expect((await postReceipt(receiver.url, makeReceipt(), { type: 'application/json' })).status).toBe(201);
    expect((await postReceipt(receiver.url, makeReceipt(), { type: 'application/json; charset=utf-8' })).status).toBe(201);
  });

  it.each([
    ['not JSON', '{"consentId":', 'the body is not JSON'],
    ['not UTF-8', new Uint8Array([0x7b, 0xff, 0x7d]), 'the body is not JSON'],
    ['an array', [makeReceipt()], 'not a receipt: the body must be a JSON object'],
    ['a missing field', (({ method: _, ...rest }) => rest)(makeReceipt()), 'not a receipt: missing field "method"'],
    ['an extra field', { ...makeReceipt(), ip: '192.0.2.1' }, 'not a receipt: unknown field "ip"'],
    [
      'a consent id that is not a UUID',
      makeReceipt({ consentId: 'abc' }),
      'not a receipt: consentId must be a version-4 UUID in lower case',
    ],
    ['a choice in the future', makeReceipt({ time: Date.now() + 3 * 86_400_000 }), 'not a receipt: time must be the time of the choice'],
    ['a fractional time', makeReceipt({ time: 1.5e12 + 0.5 }), 'not a receipt: time must be'],
    ['an unknown method', makeReceipt({ method: 'forced' }), 'not a receipt: method must be one of accept, reject'],
    [
      'an answer that is not true or false',
      makeReceipt({ categories: { analytics: 'yes' as never } }),
      'not a receipt: categories.analytics must be true or false',
    ],
    [
      'markup as a category id',
      makeReceipt({ categories: { '<img src=x>': true } }),
      'not a receipt: categories: "<img src=x>" is not a category id',
    ],
    ['a site that is not a host name', makeReceipt({ site: 'https://x/y' }), 'not a receipt: site must be a host name'],
    ['a revision of 0', makeReceipt({ revision: 0 }), 'not a receipt: revision must be a whole number from 1'],
  ])('answers 400 with a reason for %s, and stores nothing', async (_, body, reason) => {
    const before = await receiptCount(db);
    const answer = await postReceipt(receiver.url, body);
    expect(answer.status).toBe(400);
    expect(answer.json.error).toContain(reason);
    expect(await receiptCount(db)).toBe(before);
  });

  it('answers 413 beyond 4 KiB, whether the size is declared or the body just keeps coming', async () => {
    const big = makeReceipt({
      categories: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`category-${'x'.repeat(100)}-${i}`, true])),
    });
    expect((await postReceipt(receiver.url, big)).status).toBe(413);
    expect(await chunkedPost(receiver.url, 'x'.repeat(64 * 1024))).toBe(413);
  });

  it('answers 415 for other media types, and for a charset other than UTF-8', async () => {
    for (const type of [
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'text/html',
      'text/plain; charset=iso-8859-1',
    ])
      expect((await postReceipt(receiver.url, makeReceipt(), { type })).status).toBe(415);
  });

  it('refuses receipts from a page on another site (403), and answers preflights for listed origins only', async () => {
    const elsewhere = await postReceipt(receiver.url, makeReceipt(), { headers: { origin: 'https://evil.example' } });
    expect(elsewhere).toMatchObject({ status: 403, json: { error: 'receipts from https://evil.example are not accepted here' } });
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${receiver.url}/receipts`, {
      method: 'OPTIONS',
      headers: { origin: TEST_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(TEST_ORIGIN);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type');
    // A beacon always carries credentials, so its preflight must allow them.
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    const refused = await fetch(`${receiver.url}/receipts`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers 404 and 405 with JSON, and /healthz with 200 while the database answers', async () => {
    const missing = await fetch(`${receiver.url}/receipt`, { method: 'POST' });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toContain('POST /receipts');
    const wrongMethod = await fetch(`${receiver.url}/receipts`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST, OPTIONS');
    const health = await fetch(`${receiver.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
  });

  it('stores the receipt and the time received only: no address, cookie or user agent', async () => {
    const receipt = makeReceipt();
    await postReceipt(receiver.url, receipt, {
      headers: { cookie: 'CookieControl=secret-cookie', 'user-agent': 'Secret-Agent/1.0', 'x-forwarded-for': '203.0.113.9' },
    });
    const found = JSON.parse((await runCli(['receipts', 'find', receipt.consentId, '--json', ...db.args])).stdout).receipts[0];
    expect(Object.keys(found).sort()).toEqual(['categories', 'consentId', 'method', 'receivedAt', 'revision', 'site', 'time']);
    const exported = (await runCli(['receipts', 'export', '--format', 'json', ...db.args])).stdout;
    for (const secret of ['secret-cookie', 'Secret-Agent', '203.0.113.9', '127.0.0.1']) expect(exported).not.toContain(secret);
  });
});

describe('the rate limiter', () => {
  const embedded = embeddedDatabase();
  it('limits a thousand receipts from one client in a second to its allowance (429, Retry-After), and keeps serving', async () => {
    const db = await embedded.fresh();
    const receiver = await startReceiver([...db.args, '--allow-origin', TEST_ORIGIN, '--rate-limit', '30']);
    const started = Date.now();
    const statuses = await Promise.all(
      Array.from({ length: 1000 }, () => postReceipt(receiver.url, makeReceipt()).then((answer) => answer)),
    );
    const elapsed = Date.now() - started;
    const stored = statuses.filter((answer) => answer.status === 201).length;
    const limited = statuses.filter((answer) => answer.status === 429);
    // 30 at once, plus one more every 2 s while the burst lasts.
    expect(stored).toBeGreaterThanOrEqual(30);
    expect(stored).toBeLessThanOrEqual(30 + Math.ceil(elapsed / 2000));
    expect(limited.length).toBe(1000 - stored);
    expect(Number(limited[0].headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited[0].json.error).toBe('too many receipts from one address: try again later');
    expect(await receiptCount(db)).toBe(stored);
    expect((await fetch(`${receiver.url}/healthz`)).status).toBe(200);
    expect((await receiver.stop()).code).toBe(0);
  });
});

/** How many receipts the database holds, read directly (the receiver keeps running). */
async function receiptCount(db: FreshDatabase): Promise<number> {
  const store = await openStore({ ...db.options, create: false });
  try {
    return (await store.stats({}, false))[0]?.receipts ?? 0;
  } finally {
    await store.close();
  }
}

/** Streams a body with no declared length, as a misbehaving client would; resolves with the status. */
function chunkedPost(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      `${url}/receipts`,
      { method: 'POST', headers: { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' } },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    outgoing.on('error', reject);
    for (let i = 0; i < body.length; i += 1024) outgoing.write(body.slice(i, i + 1024));
    outgoing.end();
  });
}
