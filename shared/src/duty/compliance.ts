import type { TenantConfig } from '../platform/config';
import { zonedDate, zonedDayEnd } from '../time-zone';
import { addDays, isoWeekBounds, isoWeekDate, isoWeekDates, isoWeekMonday, zonedWallTime } from './iso-week';
import type { ComplianceStatus, DutyRole, MakeUpStatus, MakeUpUnit } from './labels';

/**
 * Duty compliance of one officer-week (警力下沉, DOMAIN.md "Field duty"), pure: the caller reads the
 * week's visits, the approved absences, the officer's make-up obligations and make-up visits, and
 * passes them in with the tenant's rules, time zone and the clock. Every number comes from the
 * tenant's rules (`TenantConfig['duty']`), never a literal.
 *
 * Rules, in one place (★ = DOMAIN.md is silent, chosen here):
 *
 * Weeks and days
 * - The week is the ISO week (Monday–Sunday) in the tenant's time zone; a visit belongs to the
 *   local date of its check-in.
 * - Only visits in the officer's own villages count. Visits in other villages are ignored (and
 *   named in the reasons).
 * - ★ Visits recorded as make-up (`makeUp: true`, 补课) never count towards the regular duty of
 *   any week; they count only against make-up obligations. So no hour is counted twice.
 * - ★ A flagged check-in (too far from the village, geo.ts) still counts: flag, never refuse. The
 *   reasons mention it so the office can review it.
 *
 * Community officer (社区民警)
 * - A day counts when he has a visit in one of his villages that local day (DOMAIN.md). ★ The day
 *   is the check-in's local date; a visit past midnight does not count a second day; a visit not
 *   checked out still counts its day (the rule asks for a visit record, not hours).
 * - days ≥ `communityOfficerMinDaysPerWeek` → `met`.
 * - ★ Otherwise the missing days are `min − days`. Days of the week covered by an approved absence
 *   on which he did not work are excused days; they cover missing days one for one.
 *   - every missing day covered → `excused`, with a make-up obligation of the covered days;
 *   - no day in the villages and no excused day at all → `violation` (a week not gone, not
 *     reported: "A missed session with no report is a violation");
 *   - otherwise → `short` (some days, or a partial excuse); the covered part, if any, still
 *     creates a make-up obligation.
 * - ★ The community make-up is due `makeUpDueDays` after the week's Sunday: the shortfall is
 *   known only when the week ends.
 *
 * Contact officer (包村民警)
 * - The session is the ISO weekday `contactOfficerWeekday` of the week, from
 *   `contactOfficerWindowStart` to `contactOfficerWindowEnd` local time (in the tenant's zone, so a
 *   Los Angeles tenant's Tuesday is not Shanghai's).
 * - Session hours = the part of his visits in his villages that overlaps the window (only the
 *   overlap counts). ★ Overlapping visits (two villages at once) are counted once (union of the
 *   intervals). A visit not checked out counts 0 hours.
 * - hours ≥ `contactOfficerMinHours` → `met` (with or without an absence).
 * - an approved absence covering the session date → `excused`; the make-up obligation is the
 *   missing hours (`min − hours`: ★ hours he did anyway reduce it), due `makeUpDueDays` after the
 *   session date.
 * - no absence: 0 hours → `violation`; some hours → `short`.
 *
 * Make-up (补课, "挤出时间补上") — see allocateMakeUp below
 * - Make-up visits (in his villages, any time of day) are allocated to the oldest open obligation
 *   first. An obligation not fully covered by the end of its due date (tenant-local end of day) is
 *   `expired`, and the week it belongs to becomes a `violation`.
 *
 * ★ `periodOver` tells whether the regular part can still change at `now` (contact: the session
 *   window has ended; community: the week has ended). Before that the status is "so far" — the
 *   portal's "my week" shows it as such; the weekly job evaluates finished weeks.
 */

export type DutyRules = TenantConfig['duty'];

const HOUR = 3_600_000;
const WEEKDAY_ZH = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** A visit (走访) as the duty rules see it. */
export interface DutyVisit {
  id: string;
  villageId: string;
  /** UTC ISO instants. */
  checkInAt: string;
  /** Absent while the visit is open; an open visit counts 0 hours. */
  checkOutAt?: string | null;
  /** Recorded as a make-up visit (补课): counts only against make-up obligations. */
  makeUp?: boolean;
  /** The check-in position was flagged (geo.ts): still counts, mentioned in the reasons. */
  flagged?: boolean;
}

/**
 * An approved absence report (报备). Only approved absences are passed in. It covers the local
 * dates `fromDate`–`toDate` (inclusive): for a contact officer's session usually one date, the
 * session date; for a community officer the days he is away.
 */
export interface ApprovedAbsence {
  id: string;
  fromDate: string;
  toDate: string;
}

/**
 * What an officer owes for an excused shortfall. One obligation per officer-week: `week` is the
 * week whose shortfall it makes up. Contact officers owe hours, community officers days.
 */
export interface MakeUpObligation {
  week: string;
  absenceId: string;
  unit: MakeUpUnit;
  amount: number;
  /** Last local date on which make-up counts. */
  dueDate: string;
}

export interface MakeUpState extends MakeUpObligation {
  /** Made up so far (same unit; hours rounded to 0.01). */
  covered: number;
  remaining: number;
  status: MakeUpStatus;
  /** UTC ISO instant after which the obligation expires: the end of `dueDate`, local time. */
  dueAt: string;
  /** The make-up visits allocated to it. */
  visitIds: string[];
}

export interface OfficerWeekInput {
  officerId: string;
  role: DutyRole;
  /** The villages the officer is responsible for. */
  villageIds: readonly string[];
  week: string;
  rules: DutyRules;
  timeZone: string;
  /** The clock (injected): decides `periodOver` and whether make-ups have expired. */
  now: string | number;
  /** The officer's visits of the week (more are harmless: only the week's count). */
  visits: readonly DutyVisit[];
  /** Approved absences overlapping the week. */
  approvedAbsences?: readonly ApprovedAbsence[];
  /**
   * The officer's make-up obligations of other weeks still open or recently due: make-up visits
   * go to the oldest first, so this week's obligation gets only what the older ones leave. An
   * obligation for this week in the list is replaced by the one evaluated here.
   */
  makeUpObligations?: readonly MakeUpObligation[];
  /** The officer's make-up visits from the oldest obligation's week on. */
  makeUpVisits?: readonly DutyVisit[];
}

export interface ComplianceRecord {
  officerId: string;
  week: string;
  role: DutyRole;
  status: ComplianceStatus;
  /** False while the regular part can still change (see the rules above). */
  periodOver: boolean;
  /** What the rule asks: days (community) or hours (contact). */
  required: number;
  unit: MakeUpUnit;
  /** Community officer: days with a visit in his villages, and those dates. */
  daysInVillages?: number;
  dates?: string[];
  /** Contact officer: hours of his visits within the session window (0.01 h), and the session. */
  sessionHours?: number;
  sessionDate?: string;
  sessionStart?: string;
  sessionEnd?: string;
  /** The approved absence that excuses (the first, when several cover days). */
  excusedBy?: string;
  /** Community officer: the dates excused by approved absences on which he did not work. */
  excusedDates?: string[];
  /** The make-up obligation this week created, and how far it is made up. */
  makeUp?: MakeUpState;
  /** The visits that counted. */
  visitIds: string[];
  /** Why, in Chinese, for the officer and the office. */
  reasons: string[];
}

function ms(iso: string | number, what: string): number {
  const value = typeof iso === 'number' ? iso : Date.parse(iso);
  if (Number.isNaN(value)) throw new RangeError(`${what} is not an ISO time: ${iso}`);
  return value;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const hoursOf = (duration: number) => round2(duration / HOUR);
const fmtHours = (h: number) => String(round2(h));

/** [checkIn, checkOut] in ms, or undefined for an open (or inverted) visit. */
function interval(visit: DutyVisit): [number, number] | undefined {
  if (!visit.checkOutAt) return undefined;
  const start = ms(visit.checkInAt, 'checkInAt');
  const end = ms(visit.checkOutAt, 'checkOutAt');
  return end > start ? [start, end] : undefined;
}

/** Total length of the union of intervals. */
function unionLength(intervals: Array<[number, number]>): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let until = -Infinity;
  for (const [s, e] of sorted) {
    const from = Math.max(s, until);
    if (e > from) total += e - from;
    until = Math.max(until, e);
  }
  return total;
}

function coveringAbsence(absences: readonly ApprovedAbsence[], date: string): ApprovedAbsence | undefined {
  return absences.find((a) => a.fromDate <= date && date <= a.toDate);
}

/** Evaluate one officer-week into its compliance record (rules above). */
export function evaluateOfficerWeek(input: OfficerWeekInput): ComplianceRecord {
  const villages = new Set(input.villageIds);
  const regular = input.visits.filter((v) => !v.makeUp);
  const base = input.role === 'community_officer' ? evaluateCommunity(input, villages, regular) : evaluateContact(input, villages, regular);
  const { record, obligation } = base;

  if (villages.size === 0) record.reasons.push('该民警未分配村（社区），走访无法计入');
  if (!record.periodOver) record.reasons.push('本周期尚未结束，以上为截至目前的情况');

  if (obligation) {
    const others = (input.makeUpObligations ?? []).filter((o) => o.week !== input.week);
    const allocation = allocateMakeUp({
      unit: makeUpUnitOf(input.role),
      obligations: [...others, obligation],
      visits: input.makeUpVisits ?? [],
      villageIds: input.villageIds,
      timeZone: input.timeZone,
      now: input.now,
    });
    const state = allocation.obligations.find((o) => o.week === input.week)!;
    record.makeUp = state;
    const unit = state.unit === 'hours' ? '小时' : '天';
    if (state.status === 'fulfilled') {
      record.reasons.push(`补课已完成：${fmtHours(state.amount)} ${unit}`);
    } else if (state.status === 'expired') {
      record.status = 'violation';
      record.reasons.push(
        `补课逾期：须在 ${state.dueDate} 前补足 ${fmtHours(state.amount)} ${unit}，仅补 ${fmtHours(state.covered)} ${unit}，按违规计`,
      );
    } else {
      record.reasons.push(`补课进行中：已补 ${fmtHours(state.covered)}/${fmtHours(state.amount)} ${unit}，截止 ${state.dueDate}`);
    }
  }
  return record;
}

interface BaseEvaluation {
  record: ComplianceRecord;
  obligation?: MakeUpObligation;
}

function outsideNote(visits: readonly DutyVisit[], villages: Set<string>, inPeriod: (v: DutyVisit) => boolean): string[] {
  const outside = visits.filter((v) => inPeriod(v) && !villages.has(v.villageId)).length;
  return outside > 0 ? [`另有 ${outside} 次走访不在所辖村（社区），不计入`] : [];
}

function flaggedNote(counted: readonly DutyVisit[]): string[] {
  const flagged = counted.filter((v) => v.flagged).length;
  return flagged > 0 ? [`其中 ${flagged} 次签到位置异常，待核查`] : [];
}

function evaluateCommunity(input: OfficerWeekInput, villages: Set<string>, visits: readonly DutyVisit[]): BaseEvaluation {
  const { rules, timeZone, week } = input;
  const weekDates = isoWeekDates(week);
  const inWeek = (v: DutyVisit) => weekDates.includes(zonedDate(ms(v.checkInAt, 'checkInAt'), timeZone));
  const counted = visits.filter((v) => villages.has(v.villageId) && inWeek(v));
  const dates = [...new Set(counted.map((v) => zonedDate(v.checkInAt, timeZone)))].sort();
  const days = dates.length;
  const required = rules.communityOfficerMinDaysPerWeek;
  const absences = input.approvedAbsences ?? [];

  const excused = weekDates
    .filter((d) => !dates.includes(d))
    .map((d) => ({ date: d, absence: coveringAbsence(absences, d) }))
    .filter((e): e is { date: string; absence: ApprovedAbsence } => e.absence !== undefined);
  const missing = Math.max(0, required - days);
  const excusedMissing = Math.min(missing, excused.length);
  const unexcused = missing - excusedMissing;

  const sunday = weekDates[6]!;
  const record: ComplianceRecord = {
    officerId: input.officerId,
    week,
    role: input.role,
    status: 'met',
    periodOver: ms(input.now, 'now') > isoWeekBounds(week, timeZone).end,
    required,
    unit: 'days',
    daysInVillages: days,
    dates,
    visitIds: counted.map((v) => v.id),
    reasons: [],
  };
  const worked = `本周在所辖村（社区）工作 ${days} 天`;
  let obligation: MakeUpObligation | undefined;

  if (missing === 0) {
    record.reasons.push(`${worked}，达到每周 ${required} 天的要求`);
  } else {
    if (excusedMissing > 0) {
      record.excusedBy = excused[0]!.absence.id;
      record.excusedDates = excused.map((e) => e.date);
      obligation = {
        week,
        absenceId: excused[0]!.absence.id,
        unit: 'days',
        amount: excusedMissing,
        dueDate: addDays(sunday, rules.makeUpDueDays),
      };
    }
    if (unexcused === 0) {
      record.status = 'excused';
      record.reasons.push(
        `${worked}，少于每周 ${required} 天；所缺 ${excusedMissing} 天已报备（${record.excusedDates!.join('、')}），须在 ${obligation!.dueDate} 前补足`,
      );
    } else if (days === 0 && excusedMissing === 0) {
      record.status = 'violation';
      record.reasons.push(`本周未到所辖村（社区）工作（要求每周 ${required} 天），且未报备`);
    } else {
      record.status = 'short';
      const partly = excusedMissing > 0 ? `；其中 ${excusedMissing} 天已报备，${unexcused} 天未报备` : '，且未报备';
      record.reasons.push(`${worked}，少于每周 ${required} 天${partly}`);
    }
  }
  record.reasons.push(...outsideNote(visits, villages, inWeek), ...flaggedNote(counted));
  return { record, obligation };
}

function evaluateContact(input: OfficerWeekInput, villages: Set<string>, visits: readonly DutyVisit[]): BaseEvaluation {
  const { rules, timeZone, week } = input;
  const sessionDate = isoWeekDate(week, rules.contactOfficerWeekday);
  const start = zonedWallTime(sessionDate, rules.contactOfficerWindowStart, timeZone);
  const end = zonedWallTime(sessionDate, rules.contactOfficerWindowEnd, timeZone);
  if (end <= start) {
    throw new RangeError(`contact officer window must end after it starts: ${rules.contactOfficerWindowStart}–${rules.contactOfficerWindowEnd}`);
  }

  const overlaps: Array<[number, number]> = [];
  const counted: DutyVisit[] = [];
  const overlapsWindow = (v: DutyVisit) => {
    const i = interval(v);
    return i !== undefined && i[0] < end && i[1] > start;
  };
  for (const v of visits) {
    if (!villages.has(v.villageId) || !overlapsWindow(v)) continue;
    const [s, e] = interval(v)!;
    overlaps.push([Math.max(s, start), Math.min(e, end)]);
    counted.push(v);
  }
  const done = unionLength(overlaps);
  const requiredMs = Math.round(rules.contactOfficerMinHours * HOUR);
  const sessionHours = hoursOf(done);
  const required = rules.contactOfficerMinHours;
  const absence = coveringAbsence(input.approvedAbsences ?? [], sessionDate);

  const record: ComplianceRecord = {
    officerId: input.officerId,
    week,
    role: input.role,
    status: 'met',
    periodOver: ms(input.now, 'now') > end,
    required,
    unit: 'hours',
    sessionHours,
    sessionDate,
    sessionStart: new Date(start).toISOString(),
    sessionEnd: new Date(end).toISOString(),
    visitIds: counted.map((v) => v.id),
    reasons: [],
  };
  const session = `${sessionDate}（${WEEKDAY_ZH[rules.contactOfficerWeekday]}）${rules.contactOfficerWindowStart}–${rules.contactOfficerWindowEnd}`;
  let obligation: MakeUpObligation | undefined;

  if (done >= requiredMs) {
    record.reasons.push(`${session} 在所包村工作 ${fmtHours(sessionHours)} 小时，达到 ${fmtHours(required)} 小时的要求`);
  } else if (absence) {
    record.status = 'excused';
    record.excusedBy = absence.id;
    obligation = {
      week,
      absenceId: absence.id,
      unit: 'hours',
      amount: hoursOf(requiredMs - done),
      dueDate: addDays(sessionDate, rules.makeUpDueDays),
    };
    record.reasons.push(
      `${session} 已报备请假（在村 ${fmtHours(sessionHours)} 小时），须在 ${obligation.dueDate} 前补足 ${fmtHours(obligation.amount)} 小时`,
    );
  } else if (done === 0) {
    record.status = 'violation';
    record.reasons.push(`${session} 未到所包村工作（要求 ${fmtHours(required)} 小时），且未报备`);
  } else {
    record.status = 'short';
    record.reasons.push(`${session} 在所包村工作 ${fmtHours(sessionHours)} 小时，不足 ${fmtHours(required)} 小时，且未报备`);
  }
  record.reasons.push(...outsideNote(visits, villages, overlapsWindow), ...flaggedNote(counted));
  return { record, obligation };
}

// ---- Make-up accounting 补课 ----

export interface MakeUpAllocationInput {
  /** What the officer owes in: `hours` for contact officers, `days` for community officers. */
  unit: MakeUpUnit;
  /** The officer's obligations, all in `unit`. */
  obligations: readonly MakeUpObligation[];
  /** The officer's visits; only those recorded as make-up (`makeUp: true`) in his villages count. */
  visits: readonly DutyVisit[];
  villageIds: readonly string[];
  timeZone: string;
  now: string | number;
}

export interface MakeUpAllocation {
  /** Oldest first (due date, then week). */
  obligations: MakeUpState[];
  /** Make-up (in `unit`) that found no open obligation it was eligible for. */
  unallocated: number;
}

/** The unit a role's make-up is counted in. */
export function makeUpUnitOf(role: DutyRole): MakeUpUnit {
  return role === 'community_officer' ? 'days' : 'hours';
}

/**
 * Allocate make-up visits to obligations, the oldest open obligation first (by due date, then
 * week). Rules (★ where DOMAIN.md is silent):
 * - Only visits recorded as make-up, in the officer's villages, count — at any time of day, for
 *   their whole length (hours; a visit not checked out counts 0) or their check-in's local date
 *   (days).
 * - ★ A visit counts for an obligation from the Monday 00:00 (local) of the obligation's week —
 *   so a make-up done earlier in the same week, before the missed session, is allowed — up to the
 *   end of its due date (local); a visit straddling the due time counts up to it.
 * - Hours: overlapping make-up visits count once; a visit longer than the oldest obligation's
 *   remainder spills into the next one. Days: each local date counts one day, once.
 * - An obligation is `fulfilled` once covered, `expired` when `now` is past the end of its due
 *   date (tenant-local) and it is not covered, else `open`.
 */
export function allocateMakeUp(input: MakeUpAllocationInput): MakeUpAllocation {
  const { timeZone, unit } = input;
  const now = ms(input.now, 'now');
  const villages = new Set(input.villageIds);
  const wrongUnit = input.obligations.find((o) => o.unit !== unit);
  if (wrongUnit) throw new RangeError(`make-up obligation of week ${wrongUnit.week} is in ${wrongUnit.unit}, not ${unit}`);
  const visits = input.visits
    .filter((v) => v.makeUp === true && villages.has(v.villageId))
    .sort((a, b) => ms(a.checkInAt, 'checkInAt') - ms(b.checkInAt, 'checkInAt') || a.id.localeCompare(b.id));

  const states = [...input.obligations]
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.week.localeCompare(b.week))
    .map((o) => ({
      obligation: o,
      from: isoWeekBounds(o.week, timeZone).start,
      fromDate: isoWeekMonday(o.week),
      to: zonedDayEnd(o.dueDate, timeZone),
      // Hours are allocated in ms so that sums are exact; days as whole days.
      need: unit === 'hours' ? Math.round(o.amount * HOUR) : o.amount,
      got: 0,
      visitIds: new Set<string>(),
    }));

  let unallocated = 0;
  if (unit === 'hours') {
    // Give each visit's not-yet-counted part (overlaps count once) to the oldest eligible.
    let countedUntil = -Infinity;
    for (const v of visits) {
      const i = interval(v);
      if (!i) continue;
      const segment: [number, number] = [Math.max(i[0], countedUntil), i[1]];
      countedUntil = Math.max(countedUntil, i[1]);
      if (segment[1] <= segment[0]) continue;
      let free: Array<[number, number]> = [segment];
      for (const s of states) {
        if (s.got >= s.need) continue;
        const next: Array<[number, number]> = [];
        for (const [a, b] of free) {
          const lo = Math.max(a, s.from);
          const hi = Math.min(b, s.to + 1);
          const take = hi > lo ? Math.min(hi - lo, s.need - s.got) : 0;
          if (take === 0) {
            next.push([a, b]);
            continue;
          }
          s.got += take;
          s.visitIds.add(v.id);
          if (lo > a) next.push([a, lo]);
          if (b > lo + take) next.push([lo + take, b]);
        }
        free = next;
      }
      unallocated += free.reduce((sum, [a, b]) => sum + (b - a), 0);
    }
  } else {
    // Each local date with a make-up visit is one day for the oldest eligible obligation.
    const byDate = new Map<string, string[]>();
    for (const v of visits) {
      const date = zonedDate(v.checkInAt, timeZone);
      byDate.set(date, [...(byDate.get(date) ?? []), v.id]);
    }
    for (const [date, ids] of [...byDate].sort((a, b) => a[0].localeCompare(b[0]))) {
      const s = states.find((x) => x.got < x.need && x.fromDate <= date && date <= x.obligation.dueDate);
      if (!s) {
        unallocated += 1;
        continue;
      }
      s.got += 1;
      for (const id of ids) s.visitIds.add(id);
    }
  }

  const toUnit = (n: number) => (unit === 'hours' ? hoursOf(n) : n);
  return {
    obligations: states.map((s): MakeUpState => ({
      ...s.obligation,
      covered: toUnit(s.got),
      remaining: toUnit(Math.max(0, s.need - s.got)),
      status: s.got >= s.need ? 'fulfilled' : now > s.to ? 'expired' : 'open',
      dueAt: new Date(s.to).toISOString(),
      visitIds: [...s.visitIds],
    })),
    unallocated: toUnit(unallocated),
  };
}
