import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { changedIntelFields, changesVerifiedContent, setDiff, type ComparableRecord } from './rules';
import { deriveLookupKey, keyedHash } from './lookup-key';

const base: ComparableRecord = {
  type: 'person',
  villageId: 'vil_1',
  details: { name: '张三', gender: 'male', address: '东街 1 号' },
  lookupHashes: ['idNumber:aaa', 'phone:bbb'],
  tags: ['重点关注'],
  links: [{ recordId: 'itl_1', relation: '同住' }],
  reliability: 'B',
};

describe('changedIntelFields', () => {
  it('names changed detail fields with their type, secrets by their hash only', () => {
    expect(changedIntelFields(base, { ...base, details: { ...base.details, address: '西街 2 号' }, lookupHashes: ['idNumber:aaa', 'phone:ccc'] })).toEqual(['person.address', 'person.phone']);
    expect(changedIntelFields(base, { ...base, lookupHashes: ['idNumber:aaa'] })).toEqual(['person.phone']);
    expect(changedIntelFields(base, { ...base, links: [{ recordId: 'itl_1', relation: '户主' }], reliability: 'A' })).toEqual(['links', 'reliability']);
    expect(changedIntelFields(base, { ...base })).toEqual([]);
  });

  it('resets verification only for content changes', () => {
    expect(changesVerifiedContent(['person.address'], 'person')).toBe(true);
    expect(changesVerifiedContent(['villageId'], 'person')).toBe(true);
    expect(changesVerifiedContent(['tags', 'reliability'], 'person')).toBe(false);
  });
});

describe('setDiff', () => {
  it('tells what to delete and what to put', () => {
    expect(setDiff(['a', 'b'], ['b', 'c'], (x) => x)).toEqual({ removed: ['a'], added: ['c'] });
  });
});

describe('keyed hashes', () => {
  const dataKey = createHash('sha256').update('test key').digest();
  it('are per county, per kind, and equal for equal normalised values', () => {
    const a = deriveLookupKey(dataKey, '370283');
    const b = deriveLookupKey(dataKey, '370211');
    expect(a.equals(b)).toBe(false);
    expect(keyedHash(a, 'idNumber', '11010519491231002x')).toBe(keyedHash(a, 'idNumber', '11010519491231002X'));
    expect(keyedHash(a, 'idNumber', '11010519491231002X')).not.toBe(keyedHash(b, 'idNumber', '11010519491231002X'));
    expect(keyedHash(a, 'phone', '0532-88885678')).toBe(keyedHash(a, 'phone', '053288885678'));
    expect(keyedHash(a, 'phone', '13800001111')).toMatch(/^[0-9a-f]{64}$/);
    expect(keyedHash(a, 'phone', '13800001111')).not.toContain('13800001111');
  });
});
