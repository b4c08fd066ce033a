import { addDays, addIsoWeeks, isIsoWeek as isSharedIsoWeek, isoWeekday, isoWeekMonday, isoWeekOf } from '@beatlink/shared/duty/iso-week';

/** ISO weeks (`2026-W20`, Monday–Sunday) for the duty pages: the shared, zod-free arithmetic plus labels. */
export { addDays, addIsoWeeks, isoWeekDates, isoWeekMonday, isoWeekOfDate } from '@beatlink/shared/duty/iso-week';

/** A well-formed id of a week that exists, from a query parameter that may be missing. */
export function isIsoWeek(week: string | null | undefined): week is string {
  return typeof week === 'string' && isSharedIsoWeek(week);
}

/** The week an instant falls in, in the county's time zone. */
export function currentIsoWeek(now: string | number | Date, timeZone: string): string {
  return isoWeekOf(now instanceof Date ? now.getTime() : now, timeZone);
}

/** Last week in the county's zone: the week the weekly evaluation has finished. */
export function lastIsoWeek(now: string | number | Date, timeZone: string): string {
  return addIsoWeeks(currentIsoWeek(now, timeZone), -1);
}

/** The week from a query parameter, else the fallback. */
export function pickWeek(param: string | null | undefined, fallback: string): string {
  return isIsoWeek(param) ? param : fallback;
}

const md = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** `2026-W20` → `2026年第20周（5月11日–5月17日）`. */
export function weekLabel(week: string): string {
  return `${week.slice(0, 4)}年第${Number(week.slice(6))}周（${weekRangeText(week)}）`;
}

/** `2026-W20` → `5月11日–5月17日` (Monday–Sunday); across a year end the years are shown. */
export function weekRangeText(week: string): string {
  const monday = isoWeekMonday(week);
  const sunday = addDays(monday, 6);
  if (monday.slice(0, 4) !== sunday.slice(0, 4)) return `${monday.slice(0, 4)}年${md(monday)}–${sunday.slice(0, 4)}年${md(sunday)}`;
  return `${md(monday)}–${md(sunday)}`;
}

const WEEKDAY_ZH = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** `2026-05-12` → `5月12日 周二`. */
export function dateLabel(date: string): string {
  return `${md(date)} ${WEEKDAY_ZH[isoWeekday(date)]}`;
}
