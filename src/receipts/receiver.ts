import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type ConsentCookieSettings, refreshedConsentCookie } from './consent-cookie-refresh.js';
import type { RateLimiter } from './rate-limiter.js';
import { checkReceipt } from './receipt.js';
import { type ReceiptStore, StoreUnavailable } from './store.js';

export interface ReceiverOptions {
  store: ReceiptStore;
  /** Origins (scheme://host[:port]) whose pages may send receipts; CORS allows exactly these. */
  allowOrigins: string[];
  /** Undefined: no limit. */
  rateLimiter?: RateLimiter;
  /** Behind nginx or IIS: the client is the last address in X-Forwarded-For. */
  trustProxy?: boolean;
  /** Item 6: write the consent cookie back with its full lifetime (same-origin receivers only). */
  refreshCookie?: ConsentCookieSettings;
  /** One line per event worth an operator's attention (stderr). */
  log: (line: string) => void;
  now?: () => number;
}

/** A receipt is about 250 bytes; 4 KiB leaves room for many categories and nothing more. */
export const MAX_BODY_BYTES = 4096;
/** Receipts waiting for the database beyond this are turned away (503) rather than queued without end. */
const MAX_PENDING_WRITES = 2000;
const RECEIPT_TYPES = ['text/plain', 'application/json'];

class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** `text/plain;charset=UTF-8` → { type: 'text/plain', charset: 'utf-8' }. */
function mediaType(header: string | undefined): { type: string; charset?: string } {
  const [type = '', ...parameters] = (header ?? '').split(';').map((part) => part.trim().toLowerCase());
  const charset = parameters
    .find((parameter) => parameter.startsWith('charset='))
    ?.slice(8)
    .replace(/^"|"$/g, '');
  return { type, charset };
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (declared > MAX_BODY_BYTES) return Promise.reject(new Refusal(413, `a receipt is at most ${MAX_BODY_BYTES} bytes`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    request.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > MAX_BODY_BYTES) {
        // Read and drop the rest (bounded by the request timeout): closing with unread data
        // would reset the connection before the client reads the 413.
        request.removeAllListeners('data');
        request.resume();
        reject(new Refusal(413, `a receipt is at most ${MAX_BODY_BYTES} bytes`));
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * The receiver: `POST /receipts` stores a receipt and answers 201 once it is durably stored
 * (200 if the same receipt was stored before), `GET /healthz` says whether the database answers.
 * It keeps the receipt and the time it arrived; no address, cookie or user agent is stored.
 */
export function createReceiver(options: ReceiverOptions): { server: Server; close(): Promise<void> } {
  const { store, rateLimiter, log } = options;
  const now = options.now ?? Date.now;
  const allowed = new Set(options.allowOrigins);
  let pendingWrites = 0;
  let storeFailing = false;
  let closing = false;

  const clientAddress = (request: IncomingMessage) => {
    const forwarded = options.trustProxy
      ? String(request.headers['x-forwarded-for'] ?? '')
          .split(',')
          .pop()
          ?.trim()
      : undefined;
    return forwarded || request.socket.remoteAddress || 'unknown';
  };

  function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    const text = `${JSON.stringify(body)}\n`;
    response.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...(closing ? { connection: 'close' } : {}),
      ...headers,
    });
    response.end(text);
  }

  /**
   * CORS for the listed origins only. Credentials are allowed because a beacon always sends them:
   * Chromium preflights a beacon whose body is typed application/json and drops it unless the
   * answer allows credentials. The receiver never reads or stores a cookie (except to write the
   * consent cookie back, with --refresh-cookie).
   */
  function corsHeaders(origin: string | undefined): Record<string, string> {
    return origin && allowed.has(origin)
      ? { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' }
      : { vary: 'Origin' };
  }

  async function receive(request: IncomingMessage, response: ServerResponse) {
    const origin = request.headers.origin;
    // A browser always names the page's origin on a POST; a page elsewhere may not write here.
    // (Not authentication: any program can leave the header out. Consent ids are not guessable.)
    if (origin !== undefined && !allowed.has(origin)) throw new Refusal(403, `receipts from ${origin.slice(0, 100)} are not accepted here`);
    const wait = rateLimiter?.take(clientAddress(request), now());
    if (wait) throw new Refusal(429, 'too many receipts from one address: try again later', { 'retry-after': String(wait) });
    const { type, charset } = mediaType(request.headers['content-type']);
    if (!RECEIPT_TYPES.includes(type) || (charset !== undefined && charset !== 'utf-8'))
      throw new Refusal(415, 'a receipt is sent as text/plain or application/json, in UTF-8');
    const body = await readBody(request);
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    } catch {
      throw new Refusal(400, 'the body is not JSON');
    }
    const receivedAt = now();
    const { receipt, reason } = checkReceipt(parsed, receivedAt);
    if (!receipt) throw new Refusal(400, `not a receipt: ${reason}`);
    if (pendingWrites >= MAX_PENDING_WRITES) throw new Refusal(503, 'too busy to store the receipt: try again', { 'retry-after': '5' });
    pendingWrites++;
    let result: 'stored' | 'duplicate';
    try {
      result = await store.add(receipt, receivedAt);
    } finally {
      pendingWrites--;
    }
    if (storeFailing) {
      storeFailing = false;
      log(`${store.description} is storing receipts again`);
    }
    const headers: Record<string, string> = { ...corsHeaders(origin) };
    if (options.refreshCookie) {
      const cookie = refreshedConsentCookie(request.headers.cookie, receipt, options.refreshCookie, {
        secure: origin?.startsWith('https:') ?? false,
        now: receivedAt,
      });
      if (cookie) headers['set-cookie'] = cookie;
    }
    send(response, result === 'stored' ? 201 : 200, { stored: true, duplicate: result === 'duplicate' }, headers);
  }

  function preflight(request: IncomingMessage, response: ServerResponse) {
    const origin = request.headers.origin;
    if (!origin || !allowed.has(origin)) throw new Refusal(403, 'this origin may not send receipts here');
    response.writeHead(204, {
      ...corsHeaders(origin),
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'content-type',
      'access-control-max-age': '86400',
    });
    response.end();
  }

  async function health(response: ServerResponse) {
    try {
      await store.ping();
      send(response, 200, { status: 'ok' });
    } catch (error) {
      send(response, 503, { status: 'unavailable', error: (error as Error).message }, { 'retry-after': '5' });
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const path = (request.url ?? '/').split('?')[0];
    try {
      if (path === '/receipts') {
        if (request.method === 'POST') return await receive(request, response);
        if (request.method === 'OPTIONS') return preflight(request, response);
        throw new Refusal(405, 'receipts are sent with POST', { allow: 'POST, OPTIONS' });
      }
      if (path === '/healthz') {
        if (request.method === 'GET' || request.method === 'HEAD') return await health(response);
        throw new Refusal(405, 'use GET', { allow: 'GET, HEAD' });
      }
      throw new Refusal(404, 'not found: receipts go to POST /receipts');
    } catch (error) {
      if (response.headersSent) return;
      const origin = request.headers.origin;
      if (error instanceof Refusal) {
        // A body we stopped reading: answer, then close the connection rather than read the rest.
        const headers = { ...corsHeaders(origin), ...error.headers, ...(error.status === 413 ? { connection: 'close' } : {}) };
        send(response, error.status, { error: error.message }, headers);
        return;
      }
      if (error instanceof StoreUnavailable) {
        if (!storeFailing) log(`cannot store receipts: ${error.message}`);
        storeFailing = true;
        send(response, 503, { error: 'the receipt could not be stored: try again' }, { ...corsHeaders(origin), 'retry-after': '5' });
        return;
      }
      log(`unexpected error: ${(error as Error).stack ?? error}`);
      send(response, 500, { error: 'internal error' }, corsHeaders(origin));
    }
  }

  const server = createServer({ headersTimeout: 10_000, requestTimeout: 15_000, keepAliveTimeout: 5_000 }, (request, response) => {
    void handle(request, response);
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });

  async function close() {
    closing = true;
    rateLimiter?.stop();
    // Stop accepting, let every request in progress finish its write and get its answer, then
    // close the database: an acknowledged receipt is never cut off.
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const idleSweep = setInterval(() => server.closeIdleConnections(), 50);
    const deadline = setTimeout(() => server.closeAllConnections(), 15_000);
    await stopped;
    clearInterval(idleSweep);
    clearTimeout(deadline);
    await store.close();
  }

  return { server, close };
}
