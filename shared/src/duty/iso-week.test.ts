import { describe, expect, it } from 'vitest';
import {
  addDays,
  addIsoWeeks,
  isIsoWeek,
  isoWeekBounds,
  isoWeekDate,
  isoWeekDates,
  isoWeekday,
  isoWeekMonday,
  isoWeekOf,
  isoWeekOfDate,
  isoWeeksBetween,
  nextIsoWeek,
  parseIsoWeek,
  previousIsoWeek,
  weeksInIsoYear,
  zonedWallTime,
} from './iso-week';
import { isoWeekSchema } from './iso-week-schema';

const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;

describe('ISO week of a date', () => {
  it('numbers an ordinary week', () => {
    expect(isoWeekOfDate('2026-05-12')).toBe('2026-W20');
    expect(isoWeekday('2026-05-12')).toBe(2);
    expect(isoWeekMonday('2026-W20')).toBe('2026-05-11');
  });

  it('puts 2026-12-31 and 2027-01-01 in 2026-W53, and 2027-01-04 in 2027-W01', () => {
    expect(isoWeekOfDate('2026-12-28')).toBe('2026-W53');
    expect(isoWeekOfDate('2026-12-31')).toBe('2026-W53');
    expect(isoWeekOfDate('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOfDate('2027-01-03')).toBe('2026-W53');
    expect(isoWeekOfDate('2027-01-04')).toBe('2027-W01');
  });

  it('puts the last days of December into week 1 of the next year', () => {
    expect(isoWeekOfDate('2025-12-29')).toBe('2026-W01');
    expect(isoWeekOfDate('2024-12-30')).toBe('2025-W01');
    expect(isoWeekOfDate('2025-12-28')).toBe('2025-W52');
    expect(isoWeekMonday('2026-W01')).toBe('2025-12-29');
  });

  it('puts the first days of January into the previous year’s last week', () => {
    expect(isoWeekOfDate('2021-01-03')).toBe('2020-W53');
    expect(isoWeekOfDate('2022-01-01')).toBe('2021-W52');
    expect(isoWeekOfDate('2023-01-01')).toBe('2022-W52');
  });

  it('knows which years have 53 weeks', () => {
    expect(weeksInIsoYear(2015)).toBe(53);
    expect(weeksInIsoYear(2020)).toBe(53);
    expect(weeksInIsoYear(2025)).toBe(52);
    expect(weeksInIsoYear(2026)).toBe(53);
    expect(weeksInIsoYear(2027)).toBe(52);
    expect(weeksInIsoYear(2032)).toBe(53);
  });

  it('is consistent day by day over four decades', () => {
    const problems: string[] = [];
    let date = '2000-01-01';
    let previous = isoWeekOfDate(date);
    let weeks = 1;
    while (date < '2040-12-31') {
      date = addDays(date, 1);
      const week = isoWeekOfDate(date);
      if (isoWeekDate(week, isoWeekday(date)) !== date) problems.push(`${date} not in ${week}`);
      if (week !== previous) {
        if (isoWeekday(date) !== 1) problems.push(`${week} starts on ${date}, not a Monday`);
        if (week !== nextIsoWeek(previous)) problems.push(`${week} does not follow ${previous}`);
        weeks++;
      } else if (isoWeekday(date) === 1) {
        problems.push(`Monday ${date} does not start a week`);
      }
      previous = week;
    }
    expect(problems).toEqual([]);
    // 1999-W52 … 2041-W01 (2040-12-31 is a Monday): 2141 weeks, as Python's isocalendar counts.
    expect(weeks).toBe(2141);
    expect(isoWeekOfDate('2040-12-31')).toBe('2041-W01');
    // Seven of those years have 53 weeks (2004, 2009, 2015, 2020, 2026, 2032, 2037).
    const long = Array.from({ length: 41 }, (_, i) => 2000 + i).filter((y) => weeksInIsoYear(y) === 53);
    expect(long).toEqual([2004, 2009, 2015, 2020, 2026, 2032, 2037]);
  });

  it('rejects a date that does not exist', () => {
    expect(() => isoWeekOfDate('2026-02-29')).toThrow(RangeError);
    expect(() => isoWeekOfDate('2026-5-1')).toThrow(RangeError);
  });
});

describe('week ids', () => {
  it('parses and validates', () => {
    expect(parseIsoWeek('2026-W53')).toEqual({ year: 2026, week: 53 });
    expect(isIsoWeek('2026-W01')).toBe(true);
    for (const bad of ['2025-W53', '2026-W00', '2026-W54', '2026-W5', '2026W05', '2026-w05', '0999-W01', ' 2026-W05', '']) {
      expect(isIsoWeek(bad), bad).toBe(false);
    }
    expect(() => parseIsoWeek('2025-W53')).toThrow(RangeError);
  });

  it('has a schema with a clear bilingual message', () => {
    expect(isoWeekSchema.parse('2026-W20')).toBe('2026-W20');
    const result = isoWeekSchema.safeParse('2025-W53');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('须为存在的 ISO 周 YYYY-Www（如 2026-W20） / must be an existing ISO week YYYY-Www (e.g. 2026-W20)');
    expect(isoWeekSchema.safeParse(202620).success).toBe(false);
  });

  it('sorts as strings', () => {
    const weeks = ['2027-W01', '2026-W53', '2026-W09', '2026-W10'];
    expect([...weeks].sort()).toEqual(['2026-W09', '2026-W10', '2026-W53', '2027-W01']);
  });

  it('steps across the year boundary', () => {
    expect(nextIsoWeek('2026-W52')).toBe('2026-W53');
    expect(nextIsoWeek('2026-W53')).toBe('2027-W01');
    expect(previousIsoWeek('2027-W01')).toBe('2026-W53');
    expect(nextIsoWeek('2025-W52')).toBe('2026-W01');
    expect(previousIsoWeek('2026-W01')).toBe('2025-W52');
    expect(addIsoWeeks('2026-W20', 52)).toBe('2027-W19');
    expect(addIsoWeeks('2026-W20', -20)).toBe('2025-W52');
    expect(addIsoWeeks('2026-W20', 0)).toBe('2026-W20');
    expect(isoWeeksBetween('2026-W52', '2027-W02')).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
    expect(isoWeeksBetween('2027-W02', '2026-W52')).toEqual([]);
  });

  it('lists the dates of a week Monday first, across the year boundary', () => {
    expect(isoWeekDates('2026-W53')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(isoWeekDate('2026-W20', 2)).toBe('2026-05-12');
    expect(isoWeekDate('2026-W20', 7)).toBe('2026-05-17');
    expect(() => isoWeekDate('2026-W20', 0)).toThrow(RangeError);
    expect(() => isoWeekDate('2026-W20', 8)).toThrow(RangeError);
  });
});

describe('week bounds in a time zone', () => {
  it('starts a Shanghai week at 16:00 UTC on the Sunday before', () => {
    const { start, end } = isoWeekBounds('2026-W20', 'Asia/Shanghai');
    expect(iso(start)).toBe('2026-05-10T16:00:00.000Z');
    expect(iso(end)).toBe('2026-05-17T15:59:59.999Z');
    expect((end + 1 - start) / HOUR).toBe(168);
  });

  it('gives Los Angeles and Auckland their own Monday', () => {
    const la = isoWeekBounds('2026-W20', 'America/Los_Angeles');
    expect(iso(la.start)).toBe('2026-05-11T07:00:00.000Z');
    expect(iso(la.end)).toBe('2026-05-18T06:59:59.999Z');
    const akl = isoWeekBounds('2026-W20', 'Pacific/Auckland');
    expect(iso(akl.start)).toBe('2026-05-10T12:00:00.000Z');
    expect(iso(akl.end)).toBe('2026-05-17T11:59:59.999Z');
  });

  it('has 167 hours in the spring and 169 in the autumn in Berlin', () => {
    const spring = isoWeekBounds('2026-W13', 'Europe/Berlin');
    expect(iso(spring.start)).toBe('2026-03-22T23:00:00.000Z');
    expect(iso(spring.end)).toBe('2026-03-29T21:59:59.999Z');
    expect((spring.end + 1 - spring.start) / HOUR).toBe(167);
    const autumn = isoWeekBounds('2026-W43', 'Europe/Berlin');
    expect(iso(autumn.start)).toBe('2026-10-18T22:00:00.000Z');
    expect(iso(autumn.end)).toBe('2026-10-25T22:59:59.999Z');
    expect((autumn.end + 1 - autumn.start) / HOUR).toBe(169);
  });

  it('tiles time: one week ends a millisecond before the next starts', () => {
    for (const tz of ['Asia/Shanghai', 'America/Los_Angeles', 'Europe/Berlin', 'Pacific/Auckland']) {
      for (const week of isoWeeksBetween('2026-W50', '2027-W03')) {
        expect(isoWeekBounds(nextIsoWeek(week), tz).start, `${tz} ${week}`).toBe(isoWeekBounds(week, tz).end + 1);
      }
    }
  });

  it('gives the week of an instant in the zone', () => {
    // Monday 00:30 in Shanghai is still Sunday in Los Angeles.
    expect(isoWeekOf('2026-05-10T16:30:00.000Z', 'Asia/Shanghai')).toBe('2026-W20');
    expect(isoWeekOf('2026-05-10T16:30:00.000Z', 'America/Los_Angeles')).toBe('2026-W19');
    // New Year: Monday 2027-01-04 01:00 in Shanghai, Sunday 09:00 in Los Angeles.
    expect(isoWeekOf('2027-01-03T17:00:00.000Z', 'Asia/Shanghai')).toBe('2027-W01');
    expect(isoWeekOf('2027-01-03T17:00:00.000Z', 'America/Los_Angeles')).toBe('2026-W53');
    // Auckland (UTC+13 in January) reaches Monday first.
    expect(isoWeekOf('2027-01-03T11:30:00.000Z', 'Pacific/Auckland')).toBe('2027-W01');
    expect(isoWeekOf('2027-01-03T11:30:00.000Z', 'Asia/Shanghai')).toBe('2026-W53');
    expect(isoWeekOf(Date.parse('2026-12-31T20:00:00.000Z'), 'Asia/Shanghai')).toBe('2026-W53');
  });

  it('places instants on the boundary in the right week', () => {
    const { start, end } = isoWeekBounds('2026-W20', 'America/Los_Angeles');
    expect(isoWeekOf(start, 'America/Los_Angeles')).toBe('2026-W20');
    expect(isoWeekOf(start - 1, 'America/Los_Angeles')).toBe('2026-W19');
    expect(isoWeekOf(end, 'America/Los_Angeles')).toBe('2026-W20');
    expect(isoWeekOf(end + 1, 'America/Los_Angeles')).toBe('2026-W21');
  });
});

describe('local wall time', () => {
  it('converts a session start in each zone', () => {
    expect(iso(zonedWallTime('2026-05-12', '13:00', 'Asia/Shanghai'))).toBe('2026-05-12T05:00:00.000Z');
    expect(iso(zonedWallTime('2026-05-12', '13:00', 'America/Los_Angeles'))).toBe('2026-05-12T20:00:00.000Z');
    expect(iso(zonedWallTime('2026-01-13', '13:00', 'America/Los_Angeles'))).toBe('2026-01-13T21:00:00.000Z');
    expect(iso(zonedWallTime('2026-05-12', '13:00', 'Pacific/Auckland'))).toBe('2026-05-12T01:00:00.000Z');
    expect(iso(zonedWallTime('2026-05-12', '00:00', 'Asia/Shanghai'))).toBe('2026-05-11T16:00:00.000Z');
  });

  it('follows daylight saving on the day it changes (Berlin)', () => {
    expect(iso(zonedWallTime('2026-03-29', '01:30', 'Europe/Berlin'))).toBe('2026-03-29T00:30:00.000Z');
    expect(iso(zonedWallTime('2026-03-29', '13:00', 'Europe/Berlin'))).toBe('2026-03-29T11:00:00.000Z');
    // 02:30 does not exist that night: it lands an hour later, 03:30 CEST.
    expect(iso(zonedWallTime('2026-03-29', '02:30', 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
    // 02:30 happens twice on 25 October: the second one (CET).
    expect(iso(zonedWallTime('2026-10-25', '02:30', 'Europe/Berlin'))).toBe('2026-10-25T01:30:00.000Z');
    expect(iso(zonedWallTime('2026-10-25', '13:00', 'Europe/Berlin'))).toBe('2026-10-25T12:00:00.000Z');
  });

  it('rejects a malformed time', () => {
    expect(() => zonedWallTime('2026-05-12', '24:00', 'Asia/Shanghai')).toThrow(RangeError);
    expect(() => zonedWallTime('2026-05-12', '9:00', 'Asia/Shanghai')).toThrow(RangeError);
  });
});
