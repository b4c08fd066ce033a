import { describe, expect, it } from 'vitest';
import { rateWindow } from './rate-limit';

describe('rateWindow', () => {
  it('cuts fixed windows on multiples of the period', () => {
    const at = Date.parse('2026-11-20T02:00:37.400Z');
    const s = at / 1000;
    const minute = rateWindow({ per: 'minute' }, at);
    expect(minute.start).toBe(Math.floor(s) - 37);
    expect(minute.end).toBe(minute.start + 60);
    expect(minute.retryAfter).toBe(23);
    const hour = rateWindow({ per: 'hour' }, at);
    expect(hour.start).toBe(Math.floor(s) - 37);
    expect(hour.retryAfter).toBe(3600 - 37);
    const second = rateWindow({ per: 'second' }, at);
    expect(second.start).toBe(Math.floor(s));
    expect(second.retryAfter).toBe(1);
  });

  it('puts every moment of a window in the same counter and the next moment in the next', () => {
    const start = Date.parse('2026-11-20T02:01:00.000Z');
    expect(rateWindow({ per: 'minute' }, start).start).toBe(rateWindow({ per: 'minute' }, start + 59_999).start);
    expect(rateWindow({ per: 'minute' }, start + 60_000).start).toBe(rateWindow({ per: 'minute' }, start).start + 60);
    // Retry-After is at least one second, also in a window's last fraction of a second.
    expect(rateWindow({ per: 'minute' }, start + 59_999).retryAfter).toBe(1);
  });

  it('keeps the counter past its window until TTL removes it', () => {
    const w = rateWindow({ per: 'minute' }, Date.parse('2026-11-20T02:00:37.000Z'));
    expect(w.expiresAt).toBeGreaterThan(w.end);
  });
});
