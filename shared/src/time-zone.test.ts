import { describe, expect, it } from 'vitest';
import { zonedDate, zonedDayEnd, zonedDayStart, zoneOffsetMinutes } from './time-zone';

describe('tenant time zone days', () => {
  it('knows Shanghai is UTC+8 all year', () => {
    expect(zoneOffsetMinutes('Asia/Shanghai', Date.parse('2026-01-15T00:00:00Z'))).toBe(480);
    expect(zoneOffsetMinutes('Asia/Shanghai', Date.parse('2026-07-15T00:00:00Z'))).toBe(480);
  });

  it('starts and ends a Shanghai day at 16:00 UTC the day before', () => {
    expect(new Date(zonedDayStart('2026-05-12', 'Asia/Shanghai')).toISOString()).toBe('2026-05-11T16:00:00.000Z');
    expect(new Date(zonedDayEnd('2026-05-12', 'Asia/Shanghai')).toISOString()).toBe('2026-05-12T15:59:59.999Z');
  });

  it('handles a daylight-saving day (Berlin, 2026-03-29 has 23 hours)', () => {
    const start = zonedDayStart('2026-03-29', 'Europe/Berlin');
    const end = zonedDayEnd('2026-03-29', 'Europe/Berlin');
    expect(new Date(start).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect((end + 1 - start) / 3_600_000).toBe(23);
  });

  it('gives the local date of an instant', () => {
    expect(zonedDate('2026-05-11T16:30:00.000Z', 'Asia/Shanghai')).toBe('2026-05-12');
    expect(zonedDate('2026-05-11T15:30:00.000Z', 'Asia/Shanghai')).toBe('2026-05-11');
  });
});
