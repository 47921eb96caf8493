// The receiver as a council runs it: `node dist/cli.js receipts serve …` in its own process,
// spoken to over HTTP, stopped with SIGTERM or killed with SIGKILL. Used by the tests and the benchmark.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = `${ROOT}dist/cli.js`;
export const TEST_ORIGIN = 'http://www.example-council.test';

/**
 * Starts `receipts serve` on a free port with `args` (add `--db FILE` or `--database-url URL`),
 * and resolves once it prints "listening on …". Rejects with its stderr if it exits first.
 */
export function startReceiver(args, { env = {} } = {}) {
  const child = spawn(process.execPath, [CLI, 'receipts', 'serve', '--port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match)
        resolve({
          url: match[1],
          pid: child.pid,
          get stdout() {
            return stdout;
          },
          get stderr() {
            return stderr;
          },
          exited,
          /** SIGTERM, then the exit code. */
          stop: async () => {
            child.kill('SIGTERM');
            return exited;
          },
          /** SIGKILL: no chance to finish anything. */
          kill: async () => {
            child.kill('SIGKILL');
            return exited;
          },
        });
    });
    exited.then(({ code, signal }) => reject(new Error(`the receiver exited (${code ?? signal}) before listening: ${stderr}`)));
  });
}

/** A well-formed receipt, as the library sends it; `overrides` replace fields. */
export function makeReceipt(overrides = {}) {
  return {
    consentId: randomUUID(),
    time: Date.now(),
    revision: 1,
    site: 'www.example-council.test',
    categories: { analytics: true, marketing: false },
    method: 'preferences',
    ...overrides,
  };
}

/** POSTs a body to the receiver's /receipts; resolves with status, headers and the parsed JSON answer. */
export async function postReceipt(url, body, { type = 'text/plain;charset=UTF-8', headers = {} } = {}) {
  const response = await fetch(`${url}/receipts`, {
    method: 'POST',
    headers: { 'content-type': type, origin: TEST_ORIGIN, ...headers },
    body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text };
}
