#!/usr/bin/env node
// Load and fault benchmark of the receipts receiver (`receipts serve`), on both databases: the
// embedded SQLite file and a real PostgreSQL server that this script starts (Debian's
// postgresql, as the tests do). Everything runs on loopback, every loop is bounded, and it stops
// by itself.
//
//   node bench/receipts.mjs [--seconds 10] [--concurrency 1,16,64] [--only embedded|postgres] [--json]
//
// Load: for each concurrency, unique receipts are POSTed as fast as the answers come back for
// --seconds (after a 2 s warm-up); receipts/s counts 201 answers, latencies are per request.
// Afterwards `receipts stats` must count exactly the receipts answered 201.
// Faults: kill -9 of the receiver during bursts (every receipt answered 201 must be in the
// database afterwards); PostgreSQL stopped under load (503s, then 201s once it is back); malformed,
// oversized, wrongly typed and duplicated receipts (no crash, nothing stored but the one duplicate);
// a thousand receipts from one client in about a second (rate limited).
// Progress goes to stderr; tables (or one JSON document) to stdout. Build first (npm run build).
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startPostgres } from '../tests/support/postgres-server.mjs';
import { CLI, ROOT, startReceiver } from '../tests/support/receiver-process.mjs';
import { table } from './lib/stats.mjs';

const { values: options } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '1,16,64' },
    only: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const SECONDS = Number(options.seconds);
const CONCURRENCY = options.concurrency.split(',').map(Number);
const ORIGIN = 'http://www.example-council.test';
const progress = (line) => process.stderr.write(`${line}\n`);

if (!existsSync(CLI)) {
  console.error('dist/cli.js is missing: run npm run build first');
  process.exit(2);
}

const receiptBody = (overrides = {}) =>
  JSON.stringify({
    consentId: randomUUID(),
    time: Date.now(),
    revision: 1,
    site: 'www.example-council.test',
    categories: { analytics: Math.random() < 0.5, marketing: false },
    method: 'preferences',
    ...overrides,
  });

/** One POST over a keep-alive agent; resolves { status, ms } or { error, ms }. */
function post(url, body, agent, type = 'text/plain;charset=UTF-8') {
  const started = performance.now();
  return new Promise((resolve) => {
    const outgoing = request(
      `${url}/receipts`,
      { method: 'POST', agent, headers: { 'content-type': type, origin: ORIGIN, 'content-length': Buffer.byteLength(body) } },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode, ms: performance.now() - started }));
      },
    );
    outgoing.on('error', (error) => resolve({ error: error.code ?? error.message, ms: performance.now() - started }));
    outgoing.end(body);
  });
}

const percentile = (sorted, q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);

function cli(args) {
  return new Promise((resolve, reject) =>
    execFile(process.execPath, [CLI, ...args], { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) =>
      error && error.code !== 1 ? reject(new Error(stderr || error.message)) : resolve(stdout),
    ),
  );
}
const storedCount = async (dbArgs) => JSON.parse(await cli(['receipts', 'stats', '--json', ...dbArgs])).periods[0]?.receipts ?? 0;
const storedIds = async (dbArgs) => new Set(JSON.parse(await cli(['receipts', 'export', '--json', ...dbArgs])).map((r) => r.consentId));

/** Keeps `concurrency` requests in flight for `ms`; returns the latencies and answers. */
async function load(url, concurrency, ms, agent) {
  const latencies = [];
  const statuses = {};
  const deadline = performance.now() + ms;
  const worker = async () => {
    while (performance.now() < deadline) {
      const { status, error, ms: took } = await post(url, receiptBody(), agent);
      const key = status ?? error;
      statuses[key] = (statuses[key] ?? 0) + 1;
      if (status === 201) latencies.push(took);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies: latencies.sort((a, b) => a - b), statuses, elapsed: (performance.now() - started) / 1000 };
}

async function loadRuns(database, dbArgs) {
  const rows = [];
  for (const concurrency of CONCURRENCY) {
    const receiver = await startReceiver([...dbArgs, '--allow-origin', ORIGIN, '--rate-limit', '0']);
    const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
    const before = await storedCount(dbArgs);
    await load(receiver.url, concurrency, 2000, agent);
    const warm = await storedCount(dbArgs);
    progress(`${database}: ${concurrency} at a time for ${SECONDS} s`);
    const { latencies, statuses, elapsed } = await load(receiver.url, concurrency, SECONDS * 1000, agent);
    agent.destroy();
    await receiver.stop();
    const acknowledged = statuses[201] ?? 0;
    const stored = (await storedCount(dbArgs)) - warm;
    rows.push({
      database,
      concurrency,
      receiptsPerSecond: Math.round(acknowledged / elapsed),
      p50: percentile(latencies, 0.5),
      p99: percentile(latencies, 0.99),
      max: latencies[latencies.length - 1],
      acknowledged,
      stored,
      other: Object.entries(statuses)
        .filter(([key]) => key !== '201')
        .map(([key, count]) => `${key}×${count}`)
        .join(' '),
      warmup: warm - before,
    });
  }
  return rows;
}

/** Bursts at 32 in flight; kill -9 once `killAfter` are acknowledged; then checks every acknowledged receipt is stored. */
async function killDuringBurst(database, dbArgs, rounds = 3) {
  const results = [];
  for (let round = 1; round <= rounds; round++) {
    const receiver = await startReceiver([...dbArgs, '--allow-origin', ORIGIN, '--rate-limit', '0']);
    const agent = new Agent({ keepAlive: true, maxSockets: 32 });
    const killAfter = 300 + Math.floor(Math.random() * 700);
    const acknowledged = [];
    let failed = 0;
    let killed;
    let sent = 0;
    const worker = async () => {
      while (sent < 5000 && !(killed && sent > acknowledged.length + 64)) {
        sent++;
        const body = receiptBody();
        const { status } = await post(receiver.url, body, agent);
        if (status === 201) acknowledged.push(JSON.parse(body).consentId);
        else failed++;
        if (!killed && acknowledged.length >= killAfter) killed = receiver.kill();
      }
    };
    await Promise.all(Array.from({ length: 32 }, worker));
    await killed;
    agent.destroy();
    const ids = await storedIds(dbArgs);
    const lost = acknowledged.filter((id) => !ids.has(id)).length;
    results.push({ database, round, acknowledged: acknowledged.length, failedAfterKill: failed, lost });
    progress(`${database}: kill -9 round ${round}: ${acknowledged.length} acknowledged, ${lost} lost`);
  }
  return results;
}

/** PostgreSQL stopped (immediate) under a steady trickle, then started again. */
async function databaseAway(postgres, dbArgs) {
  const receiver = await startReceiver([...dbArgs, '--allow-origin', ORIGIN, '--rate-limit', '0']);
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const counts = { before: {}, down: {}, after: {} };
  let phase = 'before';
  let firstStoredAfterStart;
  let startedAt;
  let running = true;
  const worker = async () => {
    while (running) {
      const { status, error } = await post(receiver.url, receiptBody(), agent);
      const key = status ?? error;
      counts[phase][key] = (counts[phase][key] ?? 0) + 1;
      if (phase === 'after' && status === 201 && firstStoredAfterStart === undefined) firstStoredAfterStart = performance.now() - startedAt;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  const workers = Promise.all(Array.from({ length: 4 }, worker));
  await new Promise((resolve) => setTimeout(resolve, 2000));
  phase = 'down';
  await postgres.crash();
  progress('postgres: stopped under load');
  await new Promise((resolve) => setTimeout(resolve, 3000));
  await postgres.start();
  startedAt = performance.now();
  phase = 'after';
  progress('postgres: started again');
  await new Promise((resolve) => setTimeout(resolve, 3000));
  running = false;
  await workers;
  agent.destroy();
  const health = await fetch(`${receiver.url}/healthz`).then((response) => response.status);
  const { code } = await receiver.stop();
  return { counts, recoveredMs: firstStoredAfterStart, healthAfter: health, exitCode: code };
}

/** Bad input of every kind, 200 of each, at 16 in flight; the receiver must answer each and stay up. */
async function hostileInput(database, dbArgs) {
  const receiver = await startReceiver([...dbArgs, '--allow-origin', ORIGIN, '--rate-limit', '0']);
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const duplicate = receiptBody();
  const before = await storedCount(dbArgs);
  const kinds = {
    malformed: () => post(receiver.url, '{"consentId": "', agent),
    'wrong shape': () => post(receiver.url, receiptBody({ categories: { analytics: 'yes' } }), agent),
    oversized: () => post(receiver.url, receiptBody({ site: `${'a'.repeat(8000)}.test` }), agent),
    'wrong type': () => post(receiver.url, receiptBody(), agent, 'application/x-www-form-urlencoded'),
    duplicate: () => post(receiver.url, duplicate, agent),
  };
  const rows = [];
  for (const [kind, send] of Object.entries(kinds)) {
    const statuses = {};
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next++ < 200) {
          const { status, error } = await send();
          statuses[status ?? error] = (statuses[status ?? error] ?? 0) + 1;
        }
      }),
    );
    rows.push({
      database,
      kind,
      answers: Object.entries(statuses)
        .map(([key, count]) => `${key}×${count}`)
        .join(' '),
    });
  }
  agent.destroy();
  const alive = (await fetch(`${receiver.url}/healthz`)).status;
  await receiver.stop();
  const stored = (await storedCount(dbArgs)) - before;
  return { rows, alive, stored };
}

/** 1000 receipts from one client, 100 in flight, with the default limit (30 a minute). */
async function flood(dbArgs) {
  const receiver = await startReceiver([...dbArgs, '--allow-origin', ORIGIN]);
  const agent = new Agent({ keepAlive: true, maxSockets: 100 });
  const statuses = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 100 }, async () => {
      while (next++ < 1000) {
        const { status, error } = await post(receiver.url, receiptBody(), agent);
        statuses[status ?? error] = (statuses[status ?? error] ?? 0) + 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const alive = (await fetch(`${receiver.url}/healthz`)).status;
  await receiver.stop();
  return { seconds, statuses, alive };
}

const dir = mkdtempSync(join(tmpdir(), 'receipts-bench-'));
let postgres;
const report = { machine: {}, load: [], kill: [], hostile: [], databaseAway: undefined, flood: undefined };
try {
  const cpu = cpus();
  report.machine = {
    cpu: `${cpu.length} × ${cpu[0]?.model ?? 'unknown'}`,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    loadAverageAtStart: loadavg()
      .map((value) => value.toFixed(2))
      .join(' '),
  };
  const databases = [];
  if (options.only !== 'postgres') databases.push(['embedded', () => ['--db', join(dir, `receipts-${randomUUID()}.db`)]]);
  if (options.only !== 'embedded') {
    progress('starting PostgreSQL...');
    postgres = await startPostgres();
    report.machine.postgres = (await postgres.psql('SHOW server_version')).trim();
    let count = 0;
    databases.push([
      'postgres',
      async () => {
        const name = `bench_${++count}`;
        await postgres.psql(`CREATE DATABASE ${name}`);
        return ['--database-url', postgres.url.replace(/\/receipts$/, `/${name}`)];
      },
    ]);
  }
  for (const [database, fresh] of databases) {
    report.load.push(...(await loadRuns(database, await fresh())));
    report.kill.push(...(await killDuringBurst(database, await fresh())));
    progress(`${database}: hostile input`);
    const hostile = await hostileInput(database, await fresh());
    report.hostile.push(...hostile.rows.map((row) => ({ ...row, healthAfter: hostile.alive, storedAfter: hostile.stored })));
    if (database === 'postgres') report.databaseAway = await databaseAway(postgres, await fresh());
    if (!report.flood) {
      progress(`${database}: flood from one client`);
      report.flood = await flood(await fresh());
    }
  }
  report.machine.loadAverageAtEnd = loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
} finally {
  await postgres?.destroy();
  rmSync(dir, { recursive: true, force: true });
}

if (options.json) console.log(JSON.stringify(report, null, 2));
else {
  const ms = (value) => (Number.isFinite(value) ? value.toFixed(1) : '–');
  const m = report.machine;
  console.log(
    `Machine: ${m.cpu}, ${m.memory}, Node ${m.node}${m.postgres ? `, PostgreSQL ${m.postgres}` : ''}; load average ${m.loadAverageAtStart} at start, ${m.loadAverageAtEnd} at end\n`,
  );
  console.log(`Sustained load (${SECONDS} s per row, unique receipts, keep-alive, client on the same machine)\n`);
  console.log(
    table(
      ['database', 'in flight', 'receipts/s', 'p50 ms', 'p99 ms', 'max ms', 'answered 201', 'stored', 'other answers'],
      report.load.map((r) => [
        r.database,
        r.concurrency,
        r.receiptsPerSecond,
        ms(r.p50),
        ms(r.p99),
        ms(r.max),
        r.acknowledged,
        r.stored,
        r.other || '–',
      ]),
      ['left'],
    ),
  );
  console.log('\nkill -9 of the receiver during a burst (32 in flight)\n');
  console.log(
    table(
      ['database', 'round', 'answered 201 before the kill', 'refused or reset after the kill', 'lost'],
      report.kill.map((r) => [r.database, r.round, r.acknowledged, r.failedAfterKill, r.lost]),
      ['left'],
    ),
  );
  console.log('\nBad input, 200 of each (16 in flight)\n');
  console.log(
    table(
      ['database', 'kind', 'answers', '/healthz after', 'stored'],
      report.hostile.map((r) => [r.database, r.kind, r.answers, r.healthAfter, r.storedAfter]),
      ['left', 'left', 'left'],
    ),
  );
  if (report.databaseAway) {
    const away = report.databaseAway;
    const line = (counts) =>
      Object.entries(counts)
        .map(([key, count]) => `${key}×${count}`)
        .join(' ') || '–';
    console.log('\nPostgreSQL stopped for 3 s under a steady trickle (4 in flight), then started\n');
    console.log(`  before: ${line(away.counts.before)}\n  while down: ${line(away.counts.down)}\n  after: ${line(away.counts.after)}`);
    console.log(
      `  first 201 ${ms(away.recoveredMs)} ms after PostgreSQL was ready; /healthz then ${away.healthAfter}; receiver exit code ${away.exitCode}`,
    );
  }
  if (report.flood) {
    const f = report.flood;
    console.log(
      `\n1000 receipts from one client in ${f.seconds.toFixed(2)} s (default limit, 30 a minute): ${Object.entries(f.statuses)
        .map(([key, count]) => `${key}×${count}`)
        .join(' ')}; /healthz after: ${f.alive}`,
    );
  }
}
