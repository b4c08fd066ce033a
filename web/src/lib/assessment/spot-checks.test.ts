import { describe, expect, it } from 'vitest';
import { lastFinishedMonth, monthOfSpotCheckId, passRateText, pickMonth, progressText, resultBody } from './spot-checks';

describe('spot checks', () => {
  it('defaults to the last finished month', () => {
    expect(lastFinishedMonth('2026-01-03')).toBe('2025-12');
    expect(lastFinishedMonth('2026-11-29')).toBe('2026-10');
    expect(pickMonth('2026-09', '2026-11-29')).toBe('2026-09');
    expect(pickMonth('2026-9', '2026-11-29')).toBe('2026-10');
    expect(monthOfSpotCheckId('spc_2026-10_ofr_01JABCDEFGHJKMNPQRSTVWXYZ0')).toBe('2026-10');
  });

  it('counts the call-backs', () => {
    const items = [{ result: 'pass' }, { result: undefined }, { result: 'unreachable' }] as never;
    expect(progressText({ items })).toBe('2/3');
    expect(passRateText({ passed: 2, failed: 1 })).toBe('66.7%');
    expect(passRateText({ passed: 0, failed: 0 })).toBe('—');
    expect(resultBody(3, { itemId: 'v1' }, 'pass', ' 户主确认 ')).toEqual({ version: 3, itemId: 'v1', result: 'pass', note: '户主确认' });
    expect(resultBody(3, { itemId: 'h2' }, 'fail', '')).toEqual({ version: 3, itemId: 'h2', result: 'fail' });
  });
});
