import { addDays, addIsoWeeks, isoWeekBounds, isoWeekMonday, isoWeekOf, previousIsoWeek } from '../duty/iso-week';
import { zonedDate, zonedDayEnd, zonedDayStart } from '../time-zone';
import type { ReportType } from './reports';

/**
 * The periods reports cover, in the county's time zone: an ISO week (`2026-W47`) for the weekly
 * analysis, a calendar day (`2026-10-02`) for the daily dispatch. Zod-free and pure: the instant
 * "now" is always passed in.
 */
export interface ReportPeriod {
  type: ReportType;
  period: string;
  /** First instant (ms, UTC). */
  start: number;
  /** The instant after the last (ms, UTC): [start, end) is the period. */
  end: number;
}

export function reportPeriod(type: ReportType, period: string, timeZone: string): ReportPeriod {
  if (type === 'weekly') {
    const { start, end } = isoWeekBounds(period, timeZone);
    return { type, period, start, end: end + 1 };
  }
  return { type, period, start: zonedDayStart(period, timeZone), end: zonedDayEnd(period, timeZone) + 1 };
}

/** The period just before (the week before, across years; the day before). */
export function previousPeriod(type: ReportType, period: string): string {
  return type === 'weekly' ? previousIsoWeek(period) : addDays(period, -1);
}

/** The `n` periods before `period`, oldest first (the trend's earlier points). */
export function earlierPeriods(type: ReportType, period: string, n: number): string[] {
  const out: string[] = [];
  for (let i = n; i >= 1; i--) out.push(type === 'weekly' ? addIsoWeeks(period, -i) : addDays(period, -i));
  return out;
}

/** The ISO week before the one holding `at` (what Monday's analysis covers). */
export function lastFinishedWeek(at: string, timeZone: string): string {
  return previousIsoWeek(isoWeekOf(at, timeZone));
}

/** The calendar day before the one holding `at` (what the morning's dispatch covers). */
export function yesterdayOf(at: string, timeZone: string): string {
  return addDays(zonedDate(at, timeZone), -1);
}

/** Whether the period is over at `at` (only finished periods are reported). */
export function periodFinished(period: ReportPeriod, at: string): boolean {
  return period.end <= Date.parse(at);
}

/** `11月16日—11月22日` (weekly) or `10月2日` (daily): how the summary names the period. */
export function periodLabel(type: ReportType, period: string): string {
  const md = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
  if (type === 'daily') return md(period);
  const monday = isoWeekMonday(period);
  return `${md(monday)}—${md(addDays(monday, 6))}`;
}
