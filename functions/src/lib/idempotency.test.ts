import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { IDEMPOTENCY_KEY_PATTERN, requestHash } from './idempotency';

describe('requestHash', () => {
  it('is the same for the same request whatever the key order', () => {
    expect(requestHash({ id: 'x' }, { name: '甲', location: { lat: 1, lng: 2 } })).toBe(requestHash({ id: 'x' }, { location: { lng: 2, lat: 1 }, name: '甲' }));
  });
  it('differs when the body or the path parameters differ', () => {
    const base = requestHash({ id: 'x' }, { name: '甲' });
    expect(requestHash({ id: 'x' }, { name: '乙' })).not.toBe(base);
    expect(requestHash({ id: 'y' }, { name: '甲' })).not.toBe(base);
    expect(requestHash({ id: 'x' }, { name: '甲', extra: null })).not.toBe(base);
  });
  it('is a sha-256 hex digest', () => {
    expect(requestHash({}, undefined)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('canonicalJson', () => {
  it('sorts keys, keeps arrays in order and skips undefined', () => {
    expect(canonicalJson({ b: [2, 1], a: { d: 1, c: undefined } })).toBe('{"a":{"d":1},"b":[2,1]}');
  });
});

describe('IDEMPOTENCY_KEY_PATTERN', () => {
  it('accepts UUIDs and refuses spaces and overlong keys', () => {
    expect(IDEMPOTENCY_KEY_PATTERN.test('5f0c2b7e-8d6a-4c57-9d39-3c1ad0d7a1b2')).toBe(true);
    expect(IDEMPOTENCY_KEY_PATTERN.test('bad key')).toBe(false);
    expect(IDEMPOTENCY_KEY_PATTERN.test('k'.repeat(129))).toBe(false);
  });
});
