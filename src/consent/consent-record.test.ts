import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import tunbridgeWells from '../../cookie-catalogs/tunbridge-wells.json';
import type { Catalog } from '../catalog/definition.js';
import { type ConsentRecord, newConsentId, parseConsentRecord, serializeConsentRecord } from './consent-record.js';

const catalog = tunbridgeWells as Catalog;
const NOW = Date.UTC(2026, 10, 25);
const valid: ConsentRecord = {
  revision: 1,
  time: NOW - 1000,
  consentId: '4febccc6-cd6c-4421-8fdf-6739fa634c10',
  method: 'accept',
  categories: { analytics: true },
};
const withChange = (change: Record<string, unknown>) => JSON.stringify({ ...valid, ...change });

describe('parseConsentRecord', () => {
  it('reads the documented format back', () => {
    expect(parseConsentRecord(serializeConsentRecord(valid), catalog, NOW)).toEqual(valid);
    expect(parseConsentRecord(withChange({ categories: {} }), catalog, NOW)?.categories).toEqual({});
  });

  it('accepts only the exact documented types', () => {
    for (const answer of ['true', 1, null, {}, []])
      expect(parseConsentRecord(withChange({ categories: { analytics: answer } }), catalog, NOW)).toBeUndefined();
    for (const revision of ['1', 1.5, 2, 0]) expect(parseConsentRecord(withChange({ revision }), catalog, NOW)).toBeUndefined();
    for (const time of ['1', -1, 0, 1.5, NOW + 2 * 86400000])
      expect(parseConsentRecord(withChange({ time }), catalog, NOW)).toBeUndefined();
    for (const consentId of ['', 'x', 42, valid.consentId.toUpperCase()])
      expect(parseConsentRecord(withChange({ consentId }), catalog, NOW)).toBeUndefined();
    expect(parseConsentRecord(withChange({ method: 'forced' }), catalog, NOW)).toBeUndefined();
  });

  it('treats an expired choice, an unknown category, an extra key or broken JSON as no choice', () => {
    expect(parseConsentRecord(withChange({ time: NOW - 91 * 86400000 }), catalog, NOW)).toBeUndefined();
    expect(parseConsentRecord(withChange({ categories: { analytics: true, marketing: true } }), catalog, NOW)).toBeUndefined();
    expect(parseConsentRecord(withChange({ categories: { essential: false } }), catalog, NOW)).toBeUndefined();
    expect(parseConsentRecord(withChange({ extra: 1 }), catalog, NOW)).toBeUndefined();
    expect(parseConsentRecord(serializeConsentRecord(valid).slice(0, -3), catalog, NOW)).toBeUndefined();
    expect(parseConsentRecord(undefined, catalog, NOW)).toBeUndefined();
    expect(parseConsentRecord('x'.repeat(5000), catalog, NOW)).toBeUndefined();
  });

  it('takes a time ahead of the clock by at most ten minutes', () => {
    expect(parseConsentRecord(withChange({ time: NOW + 9 * 60000 }), catalog, NOW)).toBeDefined();
    expect(parseConsentRecord(withChange({ time: NOW + 11 * 60000 }), catalog, NOW)).toBeUndefined();
    expect(parseConsentRecord(withChange({ time: NOW + 23 * 3600000 }), catalog, NOW)).toBeUndefined();
  });

  it('counts a key given twice, or anything but the JSON the library writes, as tampering', () => {
    const written = serializeConsentRecord(valid);
    expect(parseConsentRecord(written.replace('"analytics":true', '"analytics":false,"analytics":true'), catalog, NOW)).toBeUndefined();
    expect(parseConsentRecord(written.replace('"method":"accept"', '"method":"reject","method":"accept"'), catalog, NOW)).toBeUndefined();
    expect(parseConsentRecord(written.replace(',', ', '), catalog, NOW)).toBeUndefined();
    expect(parseConsentRecord(` ${written}`, catalog, NOW)).toBeUndefined();
  });

  it('never lets a __proto__ key grant or pollute anything', () => {
    const polluted = `{"revision":1,"time":${NOW - 1},"consentId":"${valid.consentId}","method":"accept","categories":{"__proto__":{"analytics":true}}}`;
    expect(parseConsentRecord(polluted, catalog, NOW)).toBeUndefined();
    const topLevel = `{"__proto__":{"categories":{"analytics":true}},"revision":1}`;
    expect(parseConsentRecord(topLevel, catalog, NOW)).toBeUndefined();
    expect(({} as Record<string, unknown>).analytics).toBeUndefined();
  });

  describe('with arbitrary input (property-based)', () => {
    it('never throws and never grants without a well-formed current record', () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string(),
            fc.json(),
            fc.jsonValue().map((v) => JSON.stringify(v)),
          ),
          (raw) => {
            const record = parseConsentRecord(raw, catalog, NOW);
            if (record) {
              // Anything accepted must be exactly the documented shape.
              expect(Object.keys(record)).toEqual(['revision', 'time', 'consentId', 'method', 'categories']);
              expect(record.revision).toBe(1);
              for (const answer of Object.values(record.categories)) expect(typeof answer).toBe('boolean');
            }
          },
        ),
        { numRuns: 3000 },
      );
    });

    it('rejects every mutation of a valid record that changes a field’s type', () => {
      const wrongType = fc.oneof(
        fc.string(),
        fc.double(),
        fc.constant(null),
        fc.array(fc.anything()),
        fc.dictionary(fc.string(), fc.anything()),
      );
      fc.assert(
        fc.property(fc.constantFrom('revision', 'time', 'consentId', 'method', 'categories'), wrongType, (key, value) => {
          fc.pre(JSON.stringify(value) !== JSON.stringify((valid as unknown as Record<string, unknown>)[key]));
          const record = parseConsentRecord(withChange({ [key]: value }), catalog, NOW);
          if (record) expect(record.categories.analytics).not.toBe(true);
        }),
        { numRuns: 2000 },
      );
    });

    it('never pollutes Object.prototype, whatever the keys', () => {
      fc.assert(
        fc.property(
          fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'analytics', 'toString'), fc.jsonValue()),
          (categories) => {
            parseConsentRecord(withChange({ categories }), catalog, NOW);
            expect(Object.prototype).not.toHaveProperty('analytics');
            expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          },
        ),
        { numRuns: 1000 },
      );
    });
  });
});

describe('newConsentId', () => {
  it('makes random version-4 UUIDs, even outside a secure context', () => {
    const ids = new Set(Array.from({ length: 200 }, newConsentId));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
