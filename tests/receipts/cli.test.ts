import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/receipts/open-store.js';
import { runCli } from '../cli/run-cli.js';
import { makeReceipt } from '../support/receiver-process.mjs';
import { bothDatabases, type FreshDatabase } from './databases.js';

const NOV_30 = Date.UTC(2026, 10, 30, 9);
const DEC_1 = Date.UTC(2026, 11, 1, 9);
const DEC_2 = Date.UTC(2026, 11, 2, 9);
const consentId = '3f1c2b0a-5d6e-4f70-8a9b-0c1d2e3f4a5b';

/** One resident's three choices on three days, and two other residents' choices. */
async function seeded(database: { fresh(): Promise<FreshDatabase> }) {
  const db = await database.fresh();
  const store = await openStore({ ...db.options, create: true });
  await store.add(
    makeReceipt({ consentId, time: NOV_30, method: 'accept', categories: { analytics: true, marketing: true } }),
    NOV_30 + 100,
  );
  await store.add(
    makeReceipt({ consentId, time: DEC_1, method: 'preferences', categories: { analytics: true, marketing: false } }),
    DEC_1 + 100,
  );
  await store.add(
    makeReceipt({ consentId, time: DEC_2, method: 'reject', categories: { analytics: false, marketing: false } }),
    DEC_2 + 100,
  );
  await store.add(makeReceipt({ time: DEC_1, method: 'reject', categories: { analytics: false } }), DEC_1 + 200);
  await store.add(makeReceipt({ time: DEC_2, method: 'accept', categories: { analytics: true } }), DEC_2 + 200);
  await store.close();
  return db;
}

describe.each(bothDatabases())('receipts commands on the $name database', (database) => {
  it('find prints one resident’s receipts in order, as text and as JSON; exit 1 when there are none', async () => {
    const db = await seeded(database);
    const text = await runCli(['receipts', 'find', consentId.toUpperCase(), ...db.args]);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n').slice(0, 4)).toEqual([
      `3 receipt(s) for consent id ${consentId}, in the order the choices were made:`,
      '  2026-11-30T09:00:00.000Z  accept      analytics yes, marketing yes  (revision 1, www.example-council.test; received 2026-11-30T09:00:00.100Z)',
      '  2026-12-01T09:00:00.000Z  preferences analytics yes, marketing no  (revision 1, www.example-council.test; received 2026-12-01T09:00:00.100Z)',
      '  2026-12-02T09:00:00.000Z  reject      analytics no, marketing no  (revision 1, www.example-council.test; received 2026-12-02T09:00:00.100Z)',
    ]);
    const json = await runCli(['receipts', 'find', consentId, '--json', ...db.args]);
    expect(JSON.parse(json.stdout)).toEqual({
      consentId,
      receipts: [
        {
          consentId,
          time: '2026-11-30T09:00:00.000Z',
          revision: 1,
          site: 'www.example-council.test',
          method: 'accept',
          categories: { analytics: true, marketing: true },
          receivedAt: '2026-11-30T09:00:00.100Z',
        },
        expect.objectContaining({ method: 'preferences', categories: { analytics: true, marketing: false } }),
        expect.objectContaining({ method: 'reject', categories: { analytics: false, marketing: false } }),
      ],
    });
    const none = await runCli(['receipts', 'find', '00000000-0000-4000-8000-000000000000', ...db.args]);
    expect(none).toMatchObject({ code: 1, stdout: 'No receipts for consent id 00000000-0000-4000-8000-000000000000.\n' });
  });

  it('export writes CSV with a column per category (whole UTC days, --to inclusive), or JSON', async () => {
    const db = await seeded(database);
    const csv = await runCli(['receipts', 'export', '--from', '2026-12-01', '--to', '2026-12-01', ...db.args]);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toBe('received_at,consent_id,time,revision,site,method,analytics,marketing');
    expect(lines[1]).toBe(`2026-12-01T09:00:00.100Z,${consentId},2026-12-01T09:00:00.000Z,1,www.example-council.test,preferences,yes,no`);
    expect(lines[2]).toMatch(/^2026-12-01T09:00:00\.200Z,[0-9a-f-]{36},2026-12-01T09:00:00\.000Z,1,www\.example-council\.test,reject,no,$/);
    expect(lines.slice(3)).toEqual(['']);
    const json = await runCli(['receipts', 'export', '--format', 'json', ...db.args]);
    const all = JSON.parse(json.stdout);
    expect(all.map((receipt: { receivedAt: string }) => receipt.receivedAt)).toEqual([
      '2026-11-30T09:00:00.100Z',
      '2026-12-01T09:00:00.100Z',
      '2026-12-01T09:00:00.200Z',
      '2026-12-02T09:00:00.100Z',
      '2026-12-02T09:00:00.200Z',
    ]);
    expect(JSON.parse((await runCli(['receipts', 'export', '--json', '--from', '2027-01-01', ...db.args])).stdout)).toEqual([]);
  });

  it('stats counts outcomes, methods and answers per category, in all and by month', async () => {
    const db = await seeded(database);
    const text = await runCli(['receipts', 'stats', ...db.args]);
    expect(text).toMatchObject({ code: 0 });
    expect(text.stdout).toBe(
      [
        'All receipts: 5 receipt(s): 2 accepted all, 2 rejected all, 1 partial',
        '  by method: accept 2, preferences 1, reject 2',
        '  analytics: granted 3, refused 2',
        '  marketing: granted 1, refused 2',
        '',
      ].join('\n'),
    );
    const json = JSON.parse((await runCli(['receipts', 'stats', '--by', 'month', '--json', ...db.args])).stdout);
    expect(json.periods.map((p: { period: string; receipts: number }) => [p.period, p.receipts])).toEqual([
      ['2026-11', 1],
      ['2026-12', 4],
    ]);
  });

  it('purge deletes receipts older than the retention period and says how many', async () => {
    const db = await seeded(database);
    const kept = await runCli(['receipts', 'purge', '--json', ...db.args]);
    expect(JSON.parse(kept.stdout)).toMatchObject({ retain: 'P2Y', deleted: 0 });
    const purged = await runCli(['receipts', 'purge', '--retain', 'P1D', ...db.args]);
    expect(purged.code).toBe(0);
    expect(purged.stdout).toMatch(/^Deleted 5 receipt\(s\) received before \d{4}-\d{2}-\d{2}T[\d:.]+Z \(retention P1D\)\.\n$/);
    expect((await runCli(['receipts', 'find', consentId, ...db.args])).code).toBe(1);
  });
});

describe('receipts commands: help and mistakes', () => {
  it('prints help for the group and for each command, exit 0', async () => {
    const group = await runCli(['receipts', '--help']);
    expect(group.code).toBe(0);
    expect(group.stdout).toContain('serve    receive receipts over HTTP and store them');
    for (const command of ['serve', 'find', 'export', 'stats', 'purge']) {
      const help = await runCli(['receipts', command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: council-cookie-consent receipts ${command}`);
    }
    expect((await runCli(['help', 'receipts'])).stdout).toContain('receipts <serve|find|export|stats|purge>');
  });

  it.each([
    [['receipts', 'find', 'not-an-id'], '"not-an-id" is not a consent id'],
    [['receipts', 'find'], 'receipts find needs one consent id'],
    [['receipts', 'export', '--format', 'xml'], '--format is csv or json, not "xml"'],
    [['receipts', 'export', '--from', 'yesterday'], '--from must be a date (2026-12-01) or an ISO 8601 time, not "yesterday"'],
    [['receipts', 'stats', '--by', 'week'], '--by takes month, not "week"'],
    [['receipts', 'purge', '--retain', '2 years'], '--retain must be an ISO 8601 period of days or more'],
    [['receipts', 'serve'], 'receipts serve needs --allow-origin'],
    [['receipts', 'serve', '--allow-origin', 'example.gov.uk'], '--allow-origin takes a site’s origin'.replace('’', "'")],
    [['receipts', 'serve', '--allow-origin', 'https://a.example', '--port', 'eighty'], '--port must be a whole number'],
    [['receipts', 'find', '--colour'], "receipts find: Unknown option '--colour'"],
    [['receipts', 'rotate'], 'unknown receipts command "rotate"'],
    [
      ['receipts', 'find', '3f1c2b0a-5d6e-4f70-8a9b-0c1d2e3f4a5b', '--db', '/nonexistent/receipts.db'],
      'cannot open /nonexistent/receipts.db',
    ],
  ])('%j exits 2 and says why on stderr', async (args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });

  it('says which database it could not reach, never with its password', async () => {
    const run = await runCli(['receipts', 'stats', '--database-url', 'postgres://council:hunter2@127.0.0.1:1/receipts']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the PostgreSQL database 127.0.0.1:1/receipts');
    expect(run.stderr).not.toContain('hunter2');
  });
});
