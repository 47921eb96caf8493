import { describe, expect, it } from 'vitest';
import { hostAndParents, isWithin, withoutDot } from './cookie-domain.js';

describe('cookie domains', () => {
  it('lists the host and each parent above the top-level domain', () => {
    expect(hostAndParents('www.tmbc.gov.uk')).toEqual(['www.tmbc.gov.uk', 'tmbc.gov.uk', 'gov.uk']);
    expect(hostAndParents('localhost')).toEqual(['localhost']);
    expect(hostAndParents('127.0.0.1')).toEqual(['127.0.0.1']);
  });

  it('compares domains without their leading dot, and a host is within its parents', () => {
    expect(withoutDot('.Example.gov.uk')).toBe('example.gov.uk');
    expect(isWithin('www.example.gov.uk', 'example.gov.uk')).toBe(true);
    expect(isWithin('badexample.gov.uk', 'example.gov.uk')).toBe(false);
  });
});
