import { describe, expect, it } from 'vitest';
import { callbackDateRange } from './rules';

describe('callbackDateRange', () => {
  it('includes both end dates on `<date>#<id>` keys', () => {
    const range = callbackDateRange('2026-03-01', '2026-03-31');
    expect(range).toEqual({ between: ['2026-03-01', '2026-03-31#~'] });
    const [lo, hi] = (range as { between: [string, string] }).between;
    for (const key of ['2026-03-01#cbk_01', '2026-03-31#cbk_ZZ']) expect(key >= lo && key <= hi).toBe(true);
    for (const key of ['2026-02-28#cbk_ZZ', '2026-04-01#cbk_00']) expect(key >= lo && key <= hi).toBe(false);
    expect(callbackDateRange('2026-03-01', undefined)).toEqual({ gte: '2026-03-01' });
    expect(callbackDateRange(undefined, '2026-03-31')).toEqual({ lte: '2026-03-31#~' });
    expect(callbackDateRange(undefined, undefined)).toBeUndefined();
  });
});
