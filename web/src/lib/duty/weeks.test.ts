import { describe, expect, it } from 'vitest';
import * as shared from '@beatlink/shared/duty/iso-week';
import { currentIsoWeek, dateLabel, isIsoWeek, lastIsoWeek, pickWeek, weekLabel, weekRangeText } from './weeks';

describe('ISO weeks (zod-free)', () => {
  it('knows which weeks exist', () => {
    expect(isIsoWeek('2026-W53')).toBe(true);
    expect(isIsoWeek('2025-W53')).toBe(false);
    expect(isIsoWeek('2026-W00')).toBe(false);
    expect(isIsoWeek('2026-20')).toBe(false);
    expect(isIsoWeek(null)).toBe(false);
    for (const week of ['2025-W52', '2025-W53', '2026-W53', '2027-W53']) expect(isIsoWeek(week)).toBe(shared.isIsoWeek(week));
  });

  it('takes the current and last week in the county zone', () => {
    // Monday 2026-05-11 00:30 in Shanghai is still Sunday in UTC.
    expect(currentIsoWeek('2026-05-10T16:30:00Z', 'Asia/Shanghai')).toBe('2026-W20');
    expect(currentIsoWeek('2026-05-10T16:30:00Z', 'UTC')).toBe('2026-W19');
    expect(lastIsoWeek('2026-05-10T16:30:00Z', 'Asia/Shanghai')).toBe('2026-W19');
    expect(lastIsoWeek(new Date('2027-01-04T02:00:00Z'), 'Asia/Shanghai')).toBe('2026-W53');
  });

  it('picks the week of a query parameter, else the fallback', () => {
    expect(pickWeek('2026-W18', '2026-W19')).toBe('2026-W18');
    expect(pickWeek('2026-W99', '2026-W19')).toBe('2026-W19');
    expect(pickWeek(null, '2026-W19')).toBe('2026-W19');
  });

  it('labels weeks and dates in Chinese', () => {
    expect(weekLabel('2026-W20')).toBe('2026年第20周（5月11日–5月17日）');
    expect(weekRangeText('2026-W53')).toBe('2026年12月28日–2027年1月3日');
    expect(dateLabel('2026-05-12')).toBe('5月12日 周二');
  });
});
