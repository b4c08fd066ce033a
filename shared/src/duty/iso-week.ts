import { zonedDate, zonedDayEnd, zonedDayStart, zoneOffsetMinutes } from '../time-zone';

/**
 * ISO 8601 weeks (`2026-W20`) in a tenant's time zone. Zod-free, so the portal's pages use it
 * without the schemas (the week schema is in iso-week-schema.ts). Duty rules are evaluated per ISO week: a
 * week starts on Monday 00:00 local time and ends just before the next Monday 00:00 (DOMAIN.md,
 * "Field duty"). Week 1 of a year is the week holding the year's first Thursday, so a few days
 * around New Year belong to the other year's week (2026-12-31 and 2027-01-01 are both 2026-W53).
 *
 * Calendar arithmetic (which dates a week holds) is zone-free; only the instants a week starts and
 * ends at depend on the zone, through time-zone.ts. Week ids are fixed-width, so they sort and
 * compare as plain strings.
 */

const DAY = 86_400_000;

/** `YYYY-Www`: a four-digit year (1000–9999) and a two-digit week 01–53. */
const WEEK_PATTERN = /^([1-9]\d{3})-W(\d{2})$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface IsoWeekParts {
  /** The ISO week-numbering year (may differ from the calendar year around New Year). */
  year: number;
  week: number;
}

/** UTC midnight of a calendar date, without Date.UTC's "years 0–99 mean 1900–1999" rule. */
function dayMs(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

function formatDay(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function parseDate(date: string): number {
  const m = DATE_PATTERN.exec(date);
  if (!m) throw new RangeError(`not a date YYYY-MM-DD: ${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = dayMs(y, mo, d);
  if (formatDay(ms) !== date) throw new RangeError(`not a calendar date: ${date}`);
  return ms;
}

/** ISO weekday of a UTC-midnight day: Monday 1 … Sunday 7. */
function weekdayOfMs(ms: number): number {
  return ((new Date(ms).getUTCDay() + 6) % 7) + 1;
}

function formatWeek(year: number, week: number): string {
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** The calendar date `days` days after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  return formatDay(parseDate(date) + days * DAY);
}

/** ISO weekday of a calendar date: Monday 1 … Sunday 7. */
export function isoWeekday(date: string): number {
  return weekdayOfMs(parseDate(date));
}

/** The ISO week-numbering year and week of a calendar date. */
export function isoWeekPartsOfDate(date: string): IsoWeekParts {
  const ms = parseDate(date);
  // The week belongs to the year of its Thursday.
  const thursday = ms + (4 - weekdayOfMs(ms)) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - dayMs(year, 1, 1)) / DAY / 7) + 1;
  return { year, week };
}

/** The ISO week id of a calendar date: `2026-05-12` → `2026-W20`. */
export function isoWeekOfDate(date: string): string {
  const { year, week } = isoWeekPartsOfDate(date);
  return formatWeek(year, week);
}

/** The ISO week id of an instant as seen in `timeZone` (the week of its local date). */
export function isoWeekOf(instant: string | number, timeZone: string): string {
  return isoWeekOfDate(zonedDate(instant, timeZone));
}

/** 52 or 53: a year has 53 ISO weeks when 28 December falls in week 53. */
export function weeksInIsoYear(year: number): number {
  return isoWeekPartsOfDate(formatDay(dayMs(year, 12, 28))).week;
}

function partsOrUndefined(week: string): IsoWeekParts | undefined {
  const m = WEEK_PATTERN.exec(week);
  if (!m) return undefined;
  const parts = { year: Number(m[1]), week: Number(m[2]) };
  if (parts.week < 1 || parts.week > weeksInIsoYear(parts.year)) return undefined;
  return parts;
}

/** True for a well-formed week id of a week that exists (`2026-W53` yes, `2025-W53` no). */
export function isIsoWeek(week: string): boolean {
  return partsOrUndefined(week) !== undefined;
}

/** Year and week number of a week id; RangeError when it is malformed or the week does not exist. */
export function parseIsoWeek(week: string): IsoWeekParts {
  const parts = partsOrUndefined(week);
  if (!parts) throw new RangeError(`not an ISO week YYYY-Www: ${week}`);
  return parts;
}

/** The Monday (calendar date) of the week. */
export function isoWeekMonday(week: string): string {
  const { year, week: n } = parseIsoWeek(week);
  // 4 January is always in week 1.
  const jan4 = dayMs(year, 1, 4);
  const monday1 = jan4 - (weekdayOfMs(jan4) - 1) * DAY;
  return formatDay(monday1 + (n - 1) * 7 * DAY);
}

/** The calendar date of ISO weekday `weekday` (Monday 1 … Sunday 7) in the week. */
export function isoWeekDate(week: string, weekday: number): string {
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) throw new RangeError(`ISO weekday must be 1–7: ${weekday}`);
  return addDays(isoWeekMonday(week), weekday - 1);
}

/** The seven calendar dates of the week, Monday first. */
export function isoWeekDates(week: string): string[] {
  const monday = isoWeekMonday(week);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/**
 * The UTC instants (ms) the week covers in `timeZone`: `start` is Monday 00:00 local, `end` is
 * the last millisecond before the next Monday 00:00 local, so [start, end] is the whole week like
 * zonedDayStart/zonedDayEnd for a day. A week with a daylight-saving change has 167 or 169 hours.
 */
export function isoWeekBounds(week: string, timeZone: string): { start: number; end: number } {
  const monday = isoWeekMonday(week);
  return { start: zonedDayStart(monday, timeZone), end: zonedDayEnd(addDays(monday, 6), timeZone) };
}

/** The week `n` weeks after `week` (negative: before), across year boundaries. */
export function addIsoWeeks(week: string, n: number): string {
  return isoWeekOfDate(addDays(isoWeekMonday(week), n * 7));
}

export function previousIsoWeek(week: string): string {
  return addIsoWeeks(week, -1);
}

export function nextIsoWeek(week: string): string {
  return addIsoWeeks(week, 1);
}

/** Week ids from `from` to `to`, both included (empty when `to` is before `from`). */
export function isoWeeksBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  parseIsoWeek(to);
  for (let w = from; w <= to; w = nextIsoWeek(w)) weeks.push(w);
  return weeks;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The UTC instant (ms) of the local wall time `hhmm` on `date` in `timeZone` (e.g. the start of
 * Tuesday's 13:00 session). Two passes settle the offset as zonedDayStart does. A wall time that
 * does not exist (skipped by a spring-forward change) lands an hour later; one that exists twice
 * (autumn) resolves to the second occurrence. Village sessions are afternoons, where zones do not
 * change their offset, so neither case arises in practice.
 *
 * (A general zone helper: it could move to time-zone.ts.)
 */
export function zonedWallTime(date: string, hhmm: string, timeZone: string): number {
  const t = HHMM.exec(hhmm);
  if (!t) throw new RangeError(`not a time HH:MM: ${hhmm}`);
  const guess = parseDate(date) + (Number(t[1]) * 60 + Number(t[2])) * 60_000;
  let ms = guess - zoneOffsetMinutes(timeZone, guess) * 60_000;
  ms = guess - zoneOffsetMinutes(timeZone, ms) * 60_000;
  return ms;
}
