import type { Absence, CheckInFlag, ComplianceRecord, MakeUpState, Visit } from '@beatlink/shared';
import {
  CHECK_IN_FLAG_REASON_LABELS,
  COMPLIANCE_STATUS_LABELS,
  MAKE_UP_STATUS_LABELS,
  MAKE_UP_UNIT_LABELS,
  type ComplianceStatus,
  type MakeUpUnit,
} from '@beatlink/shared/duty/labels';
import { ABSENCE_STATUS_LABELS } from '@beatlink/shared/duty/absence-rules';

/**
 * The phone's duty pages (我的本周, 入村签到, 报备): ISO weeks, the lines they show, the absence
 * form's checks. Zod-free on purpose (field budget 180 kB): `@beatlink/shared/duty/iso-week`
 * builds a zod schema at load, so the few week sums are done here by hand.
 */

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;
const DAY_MS = 86_400_000;

const pad = (n: number) => String(n).padStart(2, '0');
const utcDate = (date: string) => Date.parse(`${date}T00:00:00Z`);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function isIsoWeek(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = WEEK_PATTERN.exec(value);
  if (!match) return false;
  const week = Number(match[2]);
  return week >= 1 && week <= weeksInYear(Number(match[1]));
}

/** 52 or 53: a year has 53 ISO weeks when its 28 December falls in week 53. */
function weeksInYear(year: number): number {
  const dec28 = Date.UTC(year, 11, 28);
  return Number(isoWeekOfDate(isoDay(dec28)).slice(6));
}

/** `2026-05-12` → `2026-W20`. */
export function isoWeekOfDate(date: string): string {
  const ms = utcDate(date);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(ms + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${pad(week)}`;
}

/** The Monday of an ISO week, `YYYY-MM-DD`. */
export function isoWeekMonday(week: string): string {
  const match = WEEK_PATTERN.exec(week);
  if (!match) throw new RangeError(`not an ISO week: ${week}`);
  const year = Number(match[1]);
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  return isoDay(jan4 - jan4Weekday * DAY_MS + (Number(match[2]) - 1) * 7 * DAY_MS);
}

export function addDays(date: string, days: number): string {
  return isoDay(utcDate(date) + days * DAY_MS);
}

/** The seven dates of a week, Monday first. */
export function weekDates(week: string): string[] {
  const monday = isoWeekMonday(week);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The date of an ISO weekday (1 = Monday … 7 = Sunday) in a week. */
export function weekdayDate(week: string, weekday: number): string {
  return addDays(isoWeekMonday(week), weekday - 1);
}

export function addWeeks(week: string, n: number): string {
  return isoWeekOfDate(addDays(isoWeekMonday(week), n * 7));
}

/** The local date (`YYYY-MM-DD`) of an instant in a time zone. */
export function localDate(instant: string | number | Date, timeZone = DEFAULT_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** `HH:mm` of an instant in a time zone. */
export function localTime(instant: string | number | Date, timeZone = DEFAULT_TIME_ZONE): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
}

export function currentWeek(now: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return isoWeekOfDate(localDate(now, timeZone));
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/** `2026-05-12` → `5月12日（周二）`. */
export function dateLabel(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  const weekday = (new Date(utcDate(date)).getUTCDay() + 6) % 7;
  return `${m}月${d}日（周${WEEKDAYS[weekday]}）`;
}

/** `2026-W20` → `2026年第20周`. */
export function weekTitle(week: string): string {
  const match = WEEK_PATTERN.exec(week);
  return match ? `${match[1]}年第${Number(match[2])}周` : week;
}

/** `2026-W20` → `5月11日 – 5月17日`. */
export function weekRange(week: string): string {
  const dates = weekDates(week);
  const short = (date: string) => {
    const [, m, d] = date.split('-').map(Number);
    return `${m}月${d}日`;
  };
  return `${short(dates[0]!)} – ${short(dates[6]!)}`;
}

/** The week in `?week=`, if valid. */
export function weekFromSearch(search: string): string | undefined {
  const week = new URLSearchParams(search).get('week');
  return isIsoWeek(week) ? week : undefined;
}

/* ---------- the week's status ---------- */

export const STATUS_CLASS: Record<ComplianceStatus, string> = {
  met: 'f-duty-met',
  short: 'f-duty-short',
  excused: 'f-duty-excused',
  violation: 'f-duty-violation',
};

/** The badge: `达标`, and `截至目前` while the week (or the session) can still change. */
export function statusText(record: Pick<ComplianceRecord, 'status' | 'periodOver'>): { label: string; soFar: boolean } {
  return { label: COMPLIANCE_STATUS_LABELS[record.status]?.zh ?? record.status, soFar: !record.periodOver };
}

/** Numbers with at most two decimals, without trailing zeros: 3 → `3`, 1.5 → `1.5`. */
export function amountText(n: number): string {
  return String(Math.round(n * 100) / 100);
}

export function unitLabel(unit: MakeUpUnit): string {
  return MAKE_UP_UNIT_LABELS[unit]?.zh ?? unit;
}

/** What counts this week against what is asked: `入村 1 / 2 天` or `周二下午在村 1.5 / 3 小时`. */
export function requirementLine(record: ComplianceRecord, timeZone = DEFAULT_TIME_ZONE): { text: string; done: number; required: number; percent: number } {
  const done = record.unit === 'days' ? (record.daysInVillages ?? 0) : (record.sessionHours ?? 0);
  const required = record.required;
  const percent = required > 0 ? Math.min(100, Math.round((done / required) * 100)) : 100;
  if (record.unit === 'days') return { text: `入村工作 ${amountText(done)} / ${amountText(required)} 天`, done, required, percent };
  const span = record.sessionStart && record.sessionEnd ? ` ${clockTime(record.sessionStart, timeZone)}–${clockTime(record.sessionEnd, timeZone)}` : '';
  const session = record.sessionDate ? `${dateLabel(record.sessionDate)}${span} ` : '';
  return { text: `${session}在村 ${amountText(done)} / ${amountText(required)} 小时`, done, required, percent };
}

/** `14:00` as is; an instant (`2026-05-12T06:00:00.000Z`) as its wall time in the county's zone. */
export function clockTime(value: string, timeZone = DEFAULT_TIME_ZONE): string {
  return /^\d{2}:\d{2}$/.test(value) ? value : localTime(value, timeZone);
}

/* ---------- visits ---------- */

/** `2小时15分`, `45分钟`. */
export function durationText(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m}分钟`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return rest ? `${h}小时${rest}分` : `${h}小时`;
}

/** Minutes between two instants (0 when not after). */
export function minutesBetween(from: string, to: string | number | Date): number {
  const ms = new Date(to).getTime() - Date.parse(from);
  return ms > 0 ? Math.floor(ms / 60_000) : 0;
}

/** `约 850 米`, `约 2.3 公里`. */
export function distanceText(metres: number): string {
  return metres >= 1000 ? `约 ${(metres / 1000).toFixed(1)} 公里` : `约 ${Math.round(metres)} 米`;
}

/**
 * The line under a flagged check-in: `签到位置距村过远（约 2.3 公里），已标记待核查`. Undefined
 * when not flagged; an unchecked village (no position on record) gets its own quiet note.
 */
export function flagText(flag: CheckInFlag | undefined): { text: string; flagged: boolean } | undefined {
  if (!flag) return undefined;
  const reason = flag.reason ? (CHECK_IN_FLAG_REASON_LABELS[flag.reason]?.zh ?? flag.reason) : '签到异常';
  if (!flag.flagged) return flag.reason === 'no_village_position' ? { text: reason, flagged: false } : undefined;
  const distance = flag.reason === 'too_far' && flag.distanceMetres !== undefined ? `（${distanceText(flag.distanceMetres)}）` : '';
  return { text: `${reason}${distance}，已标记待核查`, flagged: true };
}

/** `5月12日（周二） 14:05–17:20`, in the county's zone; an open visit ends in `进行中`. */
export function visitTimes(visit: Pick<Visit, 'checkedInAt' | 'checkedOutAt'>, timeZone = DEFAULT_TIME_ZONE): string {
  const start = `${dateLabel(localDate(visit.checkedInAt, timeZone))} ${localTime(visit.checkedInAt, timeZone)}`;
  if (!visit.checkedOutAt) return `${start} 起，进行中`;
  const sameDay = localDate(visit.checkedInAt, timeZone) === localDate(visit.checkedOutAt, timeZone);
  const end = sameDay ? localTime(visit.checkedOutAt, timeZone) : `${dateLabel(localDate(visit.checkedOutAt, timeZone))} ${localTime(visit.checkedOutAt, timeZone)}`;
  return `${start}–${end}`;
}

/* ---------- make-up obligations ---------- */

export function makeUpStatusLabel(status: MakeUpState['status']): string {
  return MAKE_UP_STATUS_LABELS[status]?.zh ?? status;
}

/** A make-up row: `已补 1 / 3 小时`, the bar's width, and `截止 5月26日（周二）`. */
export function makeUpProgress(makeUp: Pick<MakeUpState, 'unit' | 'amount' | 'covered' | 'dueDate' | 'status'>): { text: string; percent: number; due: string } {
  const percent = makeUp.amount > 0 ? Math.min(100, Math.round((makeUp.covered / makeUp.amount) * 100)) : 100;
  return {
    text: `已补 ${amountText(makeUp.covered)} / ${amountText(makeUp.amount)} ${unitLabel(makeUp.unit)}`,
    percent,
    due: `截止 ${dateLabel(makeUp.dueDate)}`,
  };
}

/** The link to a make-up visit (the 补课 checkbox preset). */
export const MAKE_UP_VISIT_HREF = '/m/visit?makeUp=1';

/* ---------- absence reports (报备) ---------- */

export function absenceStatusLabel(status: Absence['status']): string {
  return ABSENCE_STATUS_LABELS[status]?.zh ?? status;
}

export const ABSENCE_REASON_MAX = 500;

export interface AbsenceDraft {
  week: string;
  date: string;
  reason: string;
}

export type AbsenceErrors = Partial<Record<'week' | 'date' | 'reason', string>>;

/**
 * The day an absence form starts with: a contact officer's session day of the week (he may
 * change it); none for a community officer, who must pick the day he cannot go.
 */
export function defaultAbsenceDate(role: string | undefined, week: string, contactOfficerWeekday: number): string {
  return role === 'contact_officer' ? weekdayDate(week, contactOfficerWeekday) : '';
}

/** The duty role of a signed-in user (the first he holds), if any. */
export function dutyRoleOf(roles: readonly string[]): 'community_officer' | 'contact_officer' | undefined {
  if (roles.includes('contact_officer')) return 'contact_officer';
  if (roles.includes('community_officer')) return 'community_officer';
  return undefined;
}

/**
 * The form's checks (the API checks the same, and more: the answer's details land on the same
 * fields). A contact officer who leaves the day empty means his session day (`sessionDate`).
 */
export function validateAbsence(draft: AbsenceDraft, role: string | undefined, today: string, sessionDate?: string): AbsenceErrors {
  const errors: AbsenceErrors = {};
  if (!isIsoWeek(draft.week)) errors.week = '请选择周次';
  const date = draft.date || (role === 'contact_officer' ? (sessionDate ?? '') : '');
  if (!date) {
    errors.date = '请选择不能到岗的日期';
  } else if (isIsoWeek(draft.week) && isoWeekOfDate(date) !== draft.week) {
    errors.date = '日期不在所选的周内';
  } else if (date < today) {
    errors.date = '报备须在缺勤之前提交，不能选择已过去的日期';
  }
  const reason = draft.reason.trim();
  if (!reason) errors.reason = '请填写报备事由';
  else if (Array.from(reason).length > ABSENCE_REASON_MAX) errors.reason = `事由不能超过 ${ABSENCE_REASON_MAX} 字`;
  return errors;
}

/** The body of POST /absences. */
export function absenceBody(draft: AbsenceDraft): { week: string; date?: string; reason: string } {
  return { week: draft.week, ...(draft.date ? { date: draft.date } : {}), reason: draft.reason.trim() };
}

/** Which form field an API error detail path belongs to. */
export function absenceFieldOfPath(path: string): keyof AbsenceErrors | undefined {
  const head = path.split('.')[0];
  return head === 'week' || head === 'date' || head === 'reason' ? head : undefined;
}
