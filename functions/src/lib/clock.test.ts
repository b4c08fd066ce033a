import { describe, expect, it } from 'vitest';
import { fixedClock, isoNow, systemClock } from './clock';

describe('clock', () => {
  it('a fixed clock tells the same ISO-8601 UTC time every time', () => {
    const clock = fixedClock('2026-03-03T14:00:00+08:00');
    expect(isoNow(clock)).toBe('2026-03-03T06:00:00.000Z');
    expect(isoNow(clock)).toBe('2026-03-03T06:00:00.000Z');
  });
  it('refuses an invalid time and defaults to the system clock', () => {
    expect(() => fixedClock('Tuesday')).toThrow();
    expect(Math.abs(new Date(isoNow()).getTime() - systemClock.now().getTime())).toBeLessThan(1000);
  });
});
