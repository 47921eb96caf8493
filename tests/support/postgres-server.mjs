// A real PostgreSQL server for the tests and the benchmark, in a temporary directory: Debian's
// `postgresql` binaries (initdb, pg_ctl), as the unprivileged `postgres` user when we are root
// (PostgreSQL refuses to run as root), on a free loopback port. Never a mock.
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The newest installed server's bin directory, or PG_BIN, or undefined. */
export function postgresBinDir() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

function run(file, args, options) {
  return new Promise((resolve, reject) => {
    execFile(file, args, options, (error, stdout, stderr) => {
      if (error) reject(new Error(`${file} ${args.join(' ')} failed: ${stderr || stdout || error.message}`));
      else resolve(stdout);
    });
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** uid and gid of the postgres user when running as root; {} otherwise. */
function unprivileged() {
  if (process.getuid?.() !== 0) return {};
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  if (!line) throw new Error('running as root and there is no "postgres" user to run PostgreSQL as (apt-get install postgresql)');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * Starts a fresh server. `url` has the database `receipts`; `stop()` shuts it down cleanly,
 * `crash()` stops it at once (like a power cut for the server: `pg_ctl stop -m immediate`),
 * `start()` starts it again on the same port and data, `destroy()` stops it and deletes the data.
 */
export async function startPostgres() {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql, or set PG_BIN to its bin directory)');
  const user = unprivileged();
  const dir = mkdtempSync(join(tmpdir(), 'receipts-pg-'));
  chmodSync(dir, 0o700);
  if (user.uid !== undefined) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const options = { ...user, cwd: dir, env: { ...process.env, LC_ALL: 'C', TZ: 'UTC' } };
  await run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync'], options);
  const port = await freePort();
  const serverOptions = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=on -c max_connections=50`;
  const pgCtl = (...args) => run(join(bin, 'pg_ctl'), ['-D', data, ...args], options);
  const start = () => pgCtl('-w', '-t', '60', '-l', join(dir, 'server.log'), '-o', serverOptions, 'start');
  await start();
  await run(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'receipts'], options);
  let running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/receipts`,
    port,
    psql: (sql) =>
      run(join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'receipts', '-At', '-c', sql], options),
    start: async () => {
      await start();
      running = true;
    },
    stop: async () => {
      await pgCtl('-w', '-m', 'fast', 'stop');
      running = false;
    },
    crash: async () => {
      await pgCtl('-w', '-m', 'immediate', 'stop');
      running = false;
    },
    destroy: async () => {
      if (running) await pgCtl('-w', '-m', 'immediate', 'stop').catch(() => {});
      running = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
