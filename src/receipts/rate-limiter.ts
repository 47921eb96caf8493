import { isIPv6 } from 'node:net';

/**
 * A token bucket per client, in memory only: each client may send `perMinute` receipts at once,
 * refilled evenly over a minute. A client's address is forgotten as soon as its bucket is full
 * again (at most a minute after its last request), and nothing about it is ever written down.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly refillPerMs: number;
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly perMinute: number,
    private readonly maxClients = 100_000,
  ) {
    this.refillPerMs = perMinute / 60_000;
    this.sweeper = setInterval(() => this.forgetFullBuckets(), 10_000).unref();
  }

  /** Takes one token; returns 0 if allowed, or the seconds to wait before the next one. */
  take(address: string, now = Date.now()): number {
    const key = clientKey(address);
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.refillPerMs);
    bucket.at = now;
    if (!this.buckets.has(key)) {
      // Under a flood of distinct addresses the table stays bounded: the oldest entries go first.
      if (this.buckets.size >= this.maxClients) this.buckets.delete(this.buckets.keys().next().value as string);
      this.buckets.set(key, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / this.refillPerMs / 1000);
  }

  /** How many client addresses are held right now (for the tests). */
  get size(): number {
    return this.buckets.size;
  }

  forgetFullBuckets(now = Date.now()): void {
    for (const [key, bucket] of this.buckets)
      if (bucket.tokens + (now - bucket.at) * this.refillPerMs >= this.perMinute) this.buckets.delete(key);
  }

  stop(): void {
    clearInterval(this.sweeper);
  }
}

/** One bucket per IPv4 address, and per /64 for IPv6 (one household or phone holds a whole /64). */
function clientKey(address: string): string {
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  if (!isIPv6(plain)) return plain;
  const [head, tail = ''] = plain.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups = [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
