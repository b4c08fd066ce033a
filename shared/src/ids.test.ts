import { describe, expect, it } from 'vitest';
import { idSchema, newId, ulid } from './ids';

describe('ids', () => {
  it('are prefixed by kind and validated by kind', () => {
    const id = newId('village');
    expect(id).toMatch(/^vil_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(idSchema('village').safeParse(id).success).toBe(true);
    expect(idSchema('office').safeParse(id).success).toBe(false);
  });
  it('sort by creation time', () => {
    const a = ulid(1_700_000_000_000);
    const b = ulid(1_700_000_000_001);
    expect(a < b).toBe(true);
  });
  it('do not repeat', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => newId('officer')));
    expect(ids.size).toBe(2000);
  });
});
