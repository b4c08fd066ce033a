import { describe, expect, it } from 'vitest';
import {
  assessmentPeriodLabel,
  assessmentPeriodRange,
  assessmentPeriodType,
  isAssessmentPeriod,
  monthsIn,
  periodBefore,
  periodDates,
  periodEnded,
  periodWeeks,
  previousMonth,
  previousQuarter,
  quarterClosedBy,
} from './periods';

const ZONE = 'Asia/Shanghai';

describe('assessment periods', () => {
  it('knows months and quarters', () => {
    expect(isAssessmentPeriod('2026-10')).toBe(true);
    expect(isAssessmentPeriod('2026-Q4')).toBe(true);
    expect(isAssessmentPeriod('2026-13')).toBe(false);
    expect(isAssessmentPeriod('2026-Q5')).toBe(false);
    expect(assessmentPeriodType('2026-Q4')).toBe('quarter');
    expect(monthsIn('2026-Q4')).toBe(3);
    expect(monthsIn('2026-10')).toBe(1);
    expect(periodDates('2026-Q4')).toEqual({ first: '2026-10-01', last: '2026-12-31' });
    expect(periodDates('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
    expect(assessmentPeriodLabel('2026-Q4')).toBe('2026年第4季度');
    expect(assessmentPeriodLabel('2026-03')).toBe('2026年3月');
  });

  it('gives 2026-10 the ISO weeks whose Thursday falls in October', () => {
    // Thursday 1 October opens W40 (Sep 28 – Oct 4); Thursday 29 October is in W44 (Oct 26 – Nov 1).
    expect(periodWeeks('2026-10')).toEqual(['2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44']);
    // …so W45 (Thursday 5 November) is November's, and no week counts twice.
    expect(periodWeeks('2026-11')[0]).toBe('2026-W45');
    expect(periodWeeks('2026-Q4')).toEqual([...periodWeeks('2026-10'), ...periodWeeks('2026-11'), ...periodWeeks('2026-12')]);
  });

  it('runs from midnight to midnight in the county zone', () => {
    const r = assessmentPeriodRange('2026-10', ZONE);
    expect(new Date(r.start).toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(new Date(r.end).toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(periodEnded('2026-10', '2026-10-31T15:59:59.000Z', ZONE)).toBe(false);
    expect(periodEnded('2026-10', '2026-10-31T16:00:00.000Z', ZONE)).toBe(true);
  });

  it('finds the previous month at the zone boundary', () => {
    // 1 November 00:30 in Shanghai is still 31 October in UTC.
    expect(previousMonth('2026-10-31T16:30:00.000Z', ZONE)).toBe('2026-10');
    expect(previousMonth('2026-10-31T15:30:00.000Z', ZONE)).toBe('2026-09');
    expect(previousMonth('2027-01-01T02:00:00.000Z', ZONE)).toBe('2026-12');
  });

  it('finds the previous quarter at the zone boundary and across the year', () => {
    expect(previousQuarter('2026-12-31T16:00:00.000Z', ZONE)).toBe('2026-Q4');
    expect(previousQuarter('2026-12-31T15:59:59.000Z', ZONE)).toBe('2026-Q3');
    expect(previousQuarter('2026-04-01T00:00:00.000Z', ZONE)).toBe('2026-Q1');
  });

  it('closes a quarter with its last month only', () => {
    expect(quarterClosedBy('2026-12')).toBe('2026-Q4');
    expect(quarterClosedBy('2026-03')).toBe('2026-Q1');
    expect(quarterClosedBy('2026-11')).toBeUndefined();
    expect(periodBefore('2026-Q1')).toBe('2025-Q4');
    expect(periodBefore('2026-01')).toBe('2025-12');
  });
});
