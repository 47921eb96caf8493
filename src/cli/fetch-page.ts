/**
 * Fetches a council's live cookie page for `import`: redirects followed (as a browser
 * would), a time limit and a size limit, and one clear sentence when it cannot be had.
 */

export interface FetchedPage {
  text: string;
  /** The address the page was finally read from, after redirects. */
  url: string;
  format?: 'html' | 'text';
}

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { timeoutMs: 30_000, maxBytes: 10 * 1024 * 1024 };

/** A page that could not be fetched: the message says why, for stderr. */
export class FetchError extends Error {}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

function decoderFor(contentType: string | null): TextDecoder {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}

export async function fetchPage(url: string, limits: FetchLimits = DEFAULT_FETCH_LIMITS): Promise<FetchedPage> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, {
      redirect: 'follow',
      signal,
      headers: { accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5', 'user-agent': 'council-cookie-consent import' },
    });
  } catch (error) {
    throw new FetchError(`cannot fetch ${url}: ${describeFailure(error, limits)}`);
  }
  if (!response.ok) throw new FetchError(`cannot fetch ${url}: the server answered ${response.status} ${response.statusText}`.trim());
  const declared = Number(response.headers.get('content-length'));
  if (declared > limits.maxBytes)
    throw new FetchError(
      `cannot fetch ${url}: the page is ${megabytes(declared)}, more than the ${megabytes(limits.maxBytes)} import reads`,
    );
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    const reader = response.body?.getReader();
    for (;;) {
      const { done, value } = reader ? await reader.read() : { done: true, value: undefined };
      if (done || !value) break;
      size += value.byteLength;
      if (size > limits.maxBytes) {
        await reader?.cancel();
        throw new FetchError(`cannot fetch ${url}: the page is more than the ${megabytes(limits.maxBytes)} import reads`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    throw new FetchError(`cannot fetch ${url}: ${describeFailure(error, limits)}`);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  const contentType = response.headers.get('content-type');
  const text = decoderFor(contentType).decode(body);
  const format = /html|xml/i.test(contentType ?? '') ? 'html' : /^text\/plain/i.test(contentType ?? '') ? 'text' : undefined;
  return { text, url: response.url || url, ...(format ? { format } : {}) };
}

function describeFailure(error: unknown, limits: FetchLimits): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  if ((error as Error)?.name === 'TimeoutError' || (error as Error)?.name === 'AbortError')
    return `no answer within ${limits.timeoutMs / 1000} s`;
  if (cause?.code === 'ENOTFOUND') return 'the host name is not known';
  if (cause?.code === 'ECONNREFUSED') return 'the connection was refused';
  if (/redirect/i.test(cause?.message ?? '')) return 'too many redirects';
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
}
