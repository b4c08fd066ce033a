import { isoWeekOfDate, isoWeekDate, isoWeeksBetween, addDays } from '../duty/iso-week';
import { zonedDate, zonedDayStart } from '../time-zone';

/**
 * Assessment periods (分期): a month `2026-10` or a quarter `2026-Q4`, in the county's time
 * zone. A period's ISO weeks are those whose Thursday falls in it, so every week of duty counts
 * in exactly one month and one quarter.
 */
export const ASSESSMENT_PERIOD_TYPES = ['month', 'quarter'] as const;
export type AssessmentPeriodType = (typeof ASSESSMENT_PERIOD_TYPES)[number];

export const ASSESSMENT_PERIOD_PATTERN = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/;

export function isAssessmentPeriod(id: string): boolean {
  return ASSESSMENT_PERIOD_PATTERN.test(id);
}

export function assessmentPeriodType(id: string): AssessmentPeriodType {
  const m = ASSESSMENT_PERIOD_PATTERN.exec(id);
  if (!m) throw new Error(`not an assessment period: ${id}`);
  return m[3] ? 'quarter' : 'month';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** First and last calendar date (YYYY-MM-DD) of the period. */
export function periodDates(id: string): { first: string; last: string } {
  const m = ASSESSMENT_PERIOD_PATTERN.exec(id);
  if (!m) throw new Error(`not an assessment period: ${id}`);
  const year = Number(m[1]);
  const firstMonth = m[3] ? (Number(m[3]) - 1) * 3 + 1 : Number(m[2]);
  const months = m[3] ? 3 : 1;
  const first = `${year}-${pad(firstMonth)}-01`;
  const next = firstMonth + months > 12 ? `${year + 1}-01-01` : `${year}-${pad(firstMonth + months)}-01`;
  return { first, last: addDays(next, -1) };
}

/** [start, end) instants of the period in the county's zone. */
export function assessmentPeriodRange(id: string, timeZone: string): { start: number; end: number } {
  const { first, last } = periodDates(id);
  return { start: zonedDayStart(first, timeZone), end: zonedDayStart(addDays(last, 1), timeZone) };
}

/** How many months the period spans: count targets are per month and scale with it. */
export function monthsIn(id: string): number {
  return assessmentPeriodType(id) === 'quarter' ? 3 : 1;
}

/** The ISO weeks whose Thursday falls within the period. */
export function periodWeeks(id: string): string[] {
  const { first, last } = periodDates(id);
  return isoWeeksBetween(isoWeekOfDate(first), isoWeekOfDate(last)).filter((week) => {
    const thursday = isoWeekDate(week, 4);
    return thursday >= first && thursday <= last;
  });
}

export function monthOfDate(date: string): string {
  return date.slice(0, 7);
}

export function quarterOfDate(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The month before the one `at` falls in (in the county's zone): what the monthly job scores. */
export function previousMonth(at: string, timeZone: string): string {
  const today = zonedDate(at, timeZone);
  return monthOfDate(addDays(`${today.slice(0, 7)}-01`, -1));
}

/** The quarter before the one `at` falls in. */
export function previousQuarter(at: string, timeZone: string): string {
  const today = zonedDate(at, timeZone);
  const { first } = periodDates(quarterOfDate(today));
  return quarterOfDate(addDays(first, -1));
}

/** The quarter a month closes, if it is the last month of one (`2026-12` → `2026-Q4`). */
export function quarterClosedBy(month: string): string | undefined {
  return Number(month.slice(5, 7)) % 3 === 0 ? quarterOfDate(`${month}-01`) : undefined;
}

/** The period just before (same type). */
export function periodBefore(id: string): string {
  const { first } = periodDates(id);
  const day = addDays(first, -1);
  return assessmentPeriodType(id) === 'quarter' ? quarterOfDate(day) : monthOfDate(day);
}

/** The period has ended by `at` (a run of an unfinished period is refused). */
export function periodEnded(id: string, at: string, timeZone: string): boolean {
  return Date.parse(at) >= assessmentPeriodRange(id, timeZone).end;
}

export function assessmentPeriodLabel(id: string): string {
  const m = ASSESSMENT_PERIOD_PATTERN.exec(id);
  if (!m) return id;
  return m[3] ? `${m[1]}年第${m[3]}季度` : `${m[1]}年${Number(m[2])}月`;
}
