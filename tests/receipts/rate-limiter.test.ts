import { afterEach, describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/receipts/rate-limiter.js';

describe('the rate limiter', () => {
  const limiters: RateLimiter[] = [];
  const limiter = (perMinute: number, maxClients?: number) => {
    const made = new RateLimiter(perMinute, maxClients);
    limiters.push(made);
    return made;
  };
  afterEach(() => {
    for (const made of limiters.splice(0)) made.stop();
  });

  it('lets a client send its allowance at once, then one more per share of the minute, and says how long to wait', () => {
    const limits = limiter(30);
    const t = 1_000_000;
    for (let i = 0; i < 30; i++) expect(limits.take('192.0.2.1', t)).toBe(0);
    expect(limits.take('192.0.2.1', t)).toBe(2);
    expect(limits.take('192.0.2.2', t)).toBe(0);
    expect(limits.take('192.0.2.1', t + 2000)).toBe(0);
    expect(limits.take('192.0.2.1', t + 2000)).toBeGreaterThan(0);
  });

  it('counts an IPv4 address and its IPv6-mapped form as one client, and a whole IPv6 /64 as one', () => {
    const limits = limiter(2);
    expect(limits.take('192.0.2.1', 0)).toBe(0);
    expect(limits.take('::ffff:192.0.2.1', 0)).toBe(0);
    expect(limits.take('192.0.2.1', 0)).toBeGreaterThan(0);
    expect(limits.take('2001:db8:1:2::1', 0)).toBe(0);
    expect(limits.take('2001:0db8:0001:0002:ffff:ffff:ffff:ffff', 0)).toBe(0);
    expect(limits.take('2001:db8:1:2::99', 0)).toBeGreaterThan(0);
    expect(limits.take('2001:db8:1:3::1', 0)).toBe(0);
  });

  it('forgets a client as soon as its allowance is full again, and holds a bounded number of clients', () => {
    const limits = limiter(60, 3);
    limits.take('192.0.2.1', 0);
    limits.take('192.0.2.2', 0);
    limits.forgetFullBuckets(500);
    expect(limits.size).toBe(2);
    limits.forgetFullBuckets(1000);
    expect(limits.size).toBe(0);
    for (let i = 0; i < 10; i++) limits.take(`198.51.100.${i}`, 0);
    expect(limits.size).toBe(3);
  });
});
