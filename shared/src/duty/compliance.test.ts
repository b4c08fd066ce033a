import { describe, expect, it } from 'vitest';
import { DEFAULT_TENANT_CONFIG } from '../platform/config';
import { allocateMakeUp, evaluateOfficerWeek, makeUpUnitOf, type DutyRules, type DutyVisit, type MakeUpObligation, type OfficerWeekInput } from './compliance';
import { zonedWallTime } from './iso-week';

/**
 * The week used throughout: 2026-W20, Monday 2026-05-11 … Sunday 2026-05-17; the contact officers'
 * session is Tuesday 2026-05-12. The rules are the tenant defaults (2 days; Tuesday 13:00–18:00,
 * 3 hours; make-up within 14 days) unless a test says otherwise.
 */
// The cases below use a 13:00–18:00 session (a county may narrow the default 12:00–18:00 window).
const RULES: DutyRules = { ...DEFAULT_TENANT_CONFIG.duty, contactOfficerWindowStart: '13:00' };
const SH = 'Asia/Shanghai';
const LA = 'America/Los_Angeles';
const WEEK = '2026-W20';
/** After the week, before any make-up of it is due. */
const AFTER_WEEK = '2026-05-20T00:00:00.000Z';

const at = (date: string, hhmm: string, tz = SH) => new Date(zonedWallTime(date, hhmm, tz)).toISOString();

let seq = 0;
interface VisitOptions {
  village?: string;
  /** Check-out date when it differs from the check-in date. */
  toDate?: string;
  tz?: string;
  makeUp?: boolean;
  flagged?: boolean;
}
/** A visit from `from` to `to` (local wall times on `date`); `to` null = still open. */
function visit(date: string, from: string, to: string | null, options: VisitOptions = {}): DutyVisit {
  const tz = options.tz ?? SH;
  return {
    id: `vis_${String(++seq).padStart(3, '0')}`,
    villageId: options.village ?? 'vil_a',
    checkInAt: at(date, from, tz),
    checkOutAt: to === null ? null : at(options.toDate ?? date, to, tz),
    ...(options.makeUp ? { makeUp: true } : {}),
    ...(options.flagged ? { flagged: true } : {}),
  };
}

/** One officer-week of the given role, in villages a and b, evaluated after the week. */
function officerWeek(role: OfficerWeekInput['role']) {
  return (visits: DutyVisit[], extra: Partial<OfficerWeekInput> = {}) =>
    evaluateOfficerWeek({
      officerId: `ofr_${role}`,
      role,
      villageIds: ['vil_a', 'vil_b'],
      week: WEEK,
      rules: RULES,
      timeZone: SH,
      now: AFTER_WEEK,
      visits,
      ...extra,
    });
}
const contact = officerWeek('contact_officer');
const community = officerWeek('community_officer');

describe('contact officer (包村民警): the Tuesday session', () => {
  it('is met with 3.5 hours in his village within the window', () => {
    const v = visit('2026-05-12', '13:00', '16:30');
    const record = contact([v]);
    expect(record).toMatchObject({
      officerId: 'ofr_contact_officer',
      week: WEEK,
      role: 'contact_officer',
      status: 'met',
      periodOver: true,
      required: 3,
      unit: 'hours',
      sessionHours: 3.5,
      sessionDate: '2026-05-12',
      sessionStart: '2026-05-12T05:00:00.000Z',
      sessionEnd: '2026-05-12T10:00:00.000Z',
      visitIds: [v.id],
    });
    expect(record.excusedBy).toBeUndefined();
    expect(record.makeUp).toBeUndefined();
    expect(record.reasons[0]).toBe('2026-05-12（周二）13:00–18:00 在所包村工作 3.5 小时，达到 3 小时的要求');
  });

  it('is met at exactly the minimum', () => {
    expect(contact([visit('2026-05-12', '14:00', '17:00')]).status).toBe('met');
    expect(contact([visit('2026-05-12', '14:00', '16:59')]).status).toBe('short');
  });

  it('counts only the part of a visit that overlaps the window', () => {
    const record = contact([visit('2026-05-12', '10:00', '14:30'), visit('2026-05-12', '17:00', '19:00', { village: 'vil_b' })]);
    expect(record.sessionHours).toBe(2.5);
    expect(record.status).toBe('short');
    expect(record.reasons[0]).toBe('2026-05-12（周二）13:00–18:00 在所包村工作 2.5 小时，不足 3 小时，且未报备');
  });

  it('counts a visit that spans the whole window as the window’s length', () => {
    expect(contact([visit('2026-05-12', '08:00', '22:00')]).sessionHours).toBe(5);
  });

  it('counts overlapping visits in two of his villages once', () => {
    const record = contact([visit('2026-05-12', '13:00', '15:00'), visit('2026-05-12', '14:00', '15:30', { village: 'vil_b' })]);
    expect(record.sessionHours).toBe(2.5);
    expect(record.visitIds).toHaveLength(2);
  });

  it('does not count visits in villages that are not his', () => {
    const record = contact([visit('2026-05-12', '13:00', '18:00', { village: 'vil_other' })]);
    expect(record.sessionHours).toBe(0);
    expect(record.status).toBe('violation');
    expect(record.visitIds).toEqual([]);
    expect(record.reasons).toContain('另有 1 次走访不在所辖村（社区），不计入');
  });

  it('counts an open visit (no check-out) as 0 hours', () => {
    const record = contact([visit('2026-05-12', '13:00', null)]);
    expect(record.sessionHours).toBe(0);
    expect(record.status).toBe('violation');
  });

  it('does not count another day of the week, however long', () => {
    const record = contact([visit('2026-05-11', '13:00', '18:00'), visit('2026-05-13', '09:00', '18:00')]);
    expect(record.status).toBe('violation');
    expect(record.reasons[0]).toBe('2026-05-12（周二）13:00–18:00 未到所包村工作（要求 3 小时），且未报备');
  });

  it('ignores visits recorded as make-up and notes flagged check-ins without refusing them', () => {
    expect(contact([visit('2026-05-12', '13:00', '18:00', { makeUp: true })]).status).toBe('violation');
    const flagged = contact([visit('2026-05-12', '13:00', '18:00', { flagged: true })]);
    expect(flagged.status).toBe('met');
    expect(flagged.reasons).toContain('其中 1 次签到位置异常，待核查');
  });

  it('is excused by an approved absence for the session date, owing the missing hours', () => {
    const record = contact([], { approvedAbsences: [{ id: 'abs_1', fromDate: '2026-05-12', toDate: '2026-05-12' }] });
    expect(record.status).toBe('excused');
    expect(record.excusedBy).toBe('abs_1');
    expect(record.makeUp).toMatchObject({
      week: WEEK,
      absenceId: 'abs_1',
      unit: 'hours',
      amount: 3,
      dueDate: '2026-05-26',
      dueAt: '2026-05-26T15:59:59.999Z',
      covered: 0,
      remaining: 3,
      status: 'open',
    });
    expect(record.reasons).toEqual([
      '2026-05-12（周二）13:00–18:00 已报备请假（在村 0 小时），须在 2026-05-26 前补足 3 小时',
      '补课进行中：已补 0/3 小时，截止 2026-05-26',
    ]);
  });

  it('reduces the make-up by the hours he did anyway', () => {
    const record = contact([visit('2026-05-12', '13:00', '14:15')], {
      approvedAbsences: [{ id: 'abs_1', fromDate: '2026-05-11', toDate: '2026-05-13' }],
    });
    expect(record.status).toBe('excused');
    expect(record.makeUp?.amount).toBe(1.75);
  });

  it('is met, with no make-up, when he went despite an approved absence', () => {
    const record = contact([visit('2026-05-12', '13:00', '17:00')], {
      approvedAbsences: [{ id: 'abs_1', fromDate: '2026-05-12', toDate: '2026-05-12' }],
    });
    expect(record.status).toBe('met');
    expect(record.makeUp).toBeUndefined();
    expect(record.excusedBy).toBeUndefined();
  });

  it('is not excused by an absence for another date', () => {
    const record = contact([], { approvedAbsences: [{ id: 'abs_1', fromDate: '2026-05-13', toDate: '2026-05-15' }] });
    expect(record.status).toBe('violation');
    expect(record.makeUp).toBeUndefined();
  });

  it('distinguishes short from violation without an absence', () => {
    expect(contact([]).status).toBe('violation');
    expect(contact([visit('2026-05-12', '17:30', '18:30')]).status).toBe('short');
  });

  it('says the period is not over before the window ends', () => {
    const during = contact([visit('2026-05-12', '13:00', '14:00')], { now: at('2026-05-12', '15:00') });
    expect(during.periodOver).toBe(false);
    expect(during.reasons).toContain('本周期尚未结束，以上为截至目前的情况');
    expect(contact([], { now: at('2026-05-12', '18:00') }).periodOver).toBe(false);
    expect(contact([], { now: Date.parse(at('2026-05-12', '18:00')) + 1 }).periodOver).toBe(true);
  });

  it('follows the tenant’s weekday and window', () => {
    const rules = { ...RULES, contactOfficerWeekday: 4, contactOfficerWindowStart: '08:30', contactOfficerWindowEnd: '11:30', contactOfficerMinHours: 2.5 };
    const record = contact([visit('2026-05-14', '09:00', '11:30')], { rules });
    expect(record).toMatchObject({ status: 'met', sessionDate: '2026-05-14', sessionHours: 2.5, required: 2.5 });
    expect(record.reasons[0]).toContain('（周四）08:30–11:30');
    expect(contact([visit('2026-05-12', '13:00', '18:00')], { rules }).status).toBe('violation');
  });

  it('refuses a window that ends before it starts', () => {
    const rules = { ...RULES, contactOfficerWindowStart: '18:00', contactOfficerWindowEnd: '13:00' };
    expect(() => contact([], { rules })).toThrow(RangeError);
  });

  it('notes an officer with no villages', () => {
    const record = contact([visit('2026-05-12', '13:00', '18:00')], { villageIds: [] });
    expect(record.status).toBe('violation');
    expect(record.reasons).toContain('该民警未分配村（社区），走访无法计入');
  });
});

describe('time zones: each tenant gets its own Tuesday', () => {
  // Tuesday 14:00–17:30 in Los Angeles (PDT, UTC−7) is Wednesday 05:00–08:30 in Shanghai.
  const laVisit: DutyVisit = { id: 'vis_la', villageId: 'vil_a', checkInAt: '2026-05-12T21:00:00.000Z', checkOutAt: '2026-05-13T00:30:00.000Z' };
  // Tuesday 13:00–16:30 in Shanghai is Monday 22:00 – Tuesday 01:30 in Los Angeles.
  const shVisit: DutyVisit = { id: 'vis_sh', villageId: 'vil_a', checkInAt: '2026-05-12T05:00:00.000Z', checkOutAt: '2026-05-12T08:30:00.000Z' };
  const AFTER_LA_WEEK = '2026-05-19T00:00:00.000Z';

  it('a Los Angeles tenant counts its own Tuesday afternoon', () => {
    const record = contact([laVisit, shVisit], { timeZone: LA, now: AFTER_LA_WEEK });
    expect(record).toMatchObject({
      status: 'met',
      sessionHours: 3.5,
      sessionDate: '2026-05-12',
      sessionStart: '2026-05-12T20:00:00.000Z',
      sessionEnd: '2026-05-13T01:00:00.000Z',
      visitIds: ['vis_la'],
    });
  });

  it('a Shanghai tenant counts the other visit for the same instants', () => {
    const record = contact([laVisit, shVisit]);
    expect(record).toMatchObject({ status: 'met', sessionHours: 3.5, visitIds: ['vis_sh'] });
    expect(contact([laVisit]).status).toBe('violation');
    expect(contact([shVisit], { timeZone: LA, now: AFTER_LA_WEEK }).status).toBe('violation');
  });

  it('Auckland’s Tuesday afternoon is Tuesday morning in Shanghai', () => {
    // 13:00–18:00 NZST (UTC+12) = 01:00–06:00 UTC.
    const akl: DutyVisit = { id: 'vis_akl', villageId: 'vil_a', checkInAt: '2026-05-12T01:00:00.000Z', checkOutAt: '2026-05-12T04:00:00.000Z' };
    expect(contact([akl], { timeZone: 'Pacific/Auckland' })).toMatchObject({ status: 'met', sessionHours: 3, sessionStart: '2026-05-12T01:00:00.000Z' });
    expect(contact([akl]).status).toBe('violation');
  });

  it('counts elapsed hours across a daylight-saving change (Berlin, Sunday 2026-03-29)', () => {
    // A night session 01:00–05:00 local on the night clocks go forward lasts 3 real hours.
    const rules = { ...RULES, contactOfficerWeekday: 7, contactOfficerWindowStart: '01:00', contactOfficerWindowEnd: '05:00' };
    const v: DutyVisit = { id: 'vis_dst', villageId: 'vil_a', checkInAt: '2026-03-28T22:00:00.000Z', checkOutAt: '2026-03-29T06:00:00.000Z' };
    const record = contact([v], { rules, week: '2026-W13', timeZone: 'Europe/Berlin', now: '2026-04-01T00:00:00.000Z' });
    expect(record).toMatchObject({ status: 'met', sessionHours: 3, sessionStart: '2026-03-29T00:00:00.000Z', sessionEnd: '2026-03-29T03:00:00.000Z' });
    const stricter = contact([v], { rules: { ...rules, contactOfficerMinHours: 3.5 }, week: '2026-W13', timeZone: 'Europe/Berlin', now: '2026-04-01T00:00:00.000Z' });
    expect(stricter.status).toBe('short');
  });

  it('puts the session of week 53 in the right year', () => {
    const record = contact([visit('2026-12-29', '13:00', '16:00')], { week: '2026-W53', now: '2027-01-10T00:00:00.000Z' });
    expect(record).toMatchObject({ status: 'met', sessionDate: '2026-12-29' });
    const week1 = contact([visit('2027-01-05', '13:00', '16:00')], { week: '2027-W01', now: '2027-01-10T00:00:00.000Z' });
    expect(week1).toMatchObject({ status: 'met', sessionDate: '2027-01-05' });
  });
});

describe('community officer (社区民警): days in his villages', () => {
  it('is met with two days, however many visits each day', () => {
    const record = community([
      visit('2026-05-11', '09:00', '10:00'),
      visit('2026-05-11', '14:00', '16:00', { village: 'vil_b' }),
      visit('2026-05-14', '09:00', '11:00'),
    ]);
    expect(record).toMatchObject({ status: 'met', unit: 'days', required: 2, daysInVillages: 2, dates: ['2026-05-11', '2026-05-14'], periodOver: true });
    expect(record.visitIds).toHaveLength(3);
    expect(record.reasons[0]).toBe('本周在所辖村（社区）工作 2 天，达到每周 2 天的要求');
  });

  it('is short with one day and in violation with none', () => {
    const short = community([visit('2026-05-13', '09:00', '10:00')]);
    expect(short).toMatchObject({ status: 'short', daysInVillages: 1 });
    expect(short.reasons[0]).toBe('本周在所辖村（社区）工作 1 天，少于每周 2 天，且未报备');
    const none = community([]);
    expect(none).toMatchObject({ status: 'violation', daysInVillages: 0 });
    expect(none.reasons[0]).toBe('本周未到所辖村（社区）工作（要求每周 2 天），且未报备');
  });

  it('does not count villages that are not his, nor make-up visits', () => {
    const record = community([
      visit('2026-05-11', '09:00', '12:00', { village: 'vil_other' }),
      visit('2026-05-12', '09:00', '12:00', { makeUp: true }),
      visit('2026-05-13', '09:00', '12:00'),
    ]);
    expect(record).toMatchObject({ status: 'short', daysInVillages: 1, dates: ['2026-05-13'] });
    expect(record.reasons).toContain('另有 1 次走访不在所辖村（社区），不计入');
  });

  it('counts a visit not checked out, on its check-in day only', () => {
    const record = community([visit('2026-05-11', '09:00', null), visit('2026-05-12', '22:00', '02:00', { toDate: '2026-05-13' })]);
    expect(record).toMatchObject({ status: 'met', dates: ['2026-05-11', '2026-05-12'] });
  });

  it('counts days by the local date at the week’s edges', () => {
    // Sunday 23:30 in Shanghai is in the week; Monday 00:30 after it is not (and vice versa before).
    const sundayLate = visit('2026-05-17', '23:30', '23:50');
    const nextMonday = visit('2026-05-18', '00:30', '01:00');
    const previousSunday = visit('2026-05-10', '23:00', '23:59');
    const record = community([sundayLate, nextMonday, previousSunday, visit('2026-05-11', '00:00', '00:30')]);
    expect(record.dates).toEqual(['2026-05-11', '2026-05-17']);
  });

  it('uses the tenant’s zone: the same instants fall on other days in Los Angeles', () => {
    // Monday 08:00 Shanghai and Friday 08:00 Shanghai are Sunday and Thursday 17:00 in Los Angeles.
    const visits: DutyVisit[] = [
      { id: 'v1', villageId: 'vil_a', checkInAt: '2026-05-11T00:00:00.000Z', checkOutAt: '2026-05-11T01:00:00.000Z' },
      { id: 'v2', villageId: 'vil_a', checkInAt: '2026-05-15T00:00:00.000Z', checkOutAt: '2026-05-15T01:00:00.000Z' },
    ];
    expect(community(visits)).toMatchObject({ status: 'met', dates: ['2026-05-11', '2026-05-15'] });
    expect(community(visits, { timeZone: LA, now: '2026-05-19T00:00:00.000Z' })).toMatchObject({ status: 'short', dates: ['2026-05-14'] });
  });

  it('is excused when an approved absence covers every missing day', () => {
    const record = community([visit('2026-05-16', '09:00', '11:00')], {
      approvedAbsences: [{ id: 'abs_training', fromDate: '2026-05-11', toDate: '2026-05-15' }],
    });
    expect(record).toMatchObject({
      status: 'excused',
      daysInVillages: 1,
      excusedBy: 'abs_training',
      excusedDates: ['2026-05-11', '2026-05-12', '2026-05-13', '2026-05-14', '2026-05-15'],
    });
    expect(record.makeUp).toMatchObject({ unit: 'days', amount: 1, dueDate: '2026-05-31', status: 'open', absenceId: 'abs_training' });
    expect(record.reasons[0]).toBe(
      '本周在所辖村（社区）工作 1 天，少于每周 2 天；所缺 1 天已报备（2026-05-11、2026-05-12、2026-05-13、2026-05-14、2026-05-15），须在 2026-05-31 前补足',
    );
  });

  it('is excused for a whole week away, owing both days', () => {
    const record = community([], { approvedAbsences: [{ id: 'abs_leave', fromDate: '2026-05-04', toDate: '2026-05-24' }] });
    expect(record.status).toBe('excused');
    expect(record.makeUp).toMatchObject({ amount: 2, dueDate: '2026-05-31' });
  });

  it('is short, not in violation, when an absence covers only part of what is missing', () => {
    const record = community([], { approvedAbsences: [{ id: 'abs_mon', fromDate: '2026-05-11', toDate: '2026-05-11' }] });
    expect(record.status).toBe('short');
    expect(record.excusedBy).toBe('abs_mon');
    expect(record.makeUp).toMatchObject({ amount: 1 });
    expect(record.reasons[0]).toBe('本周在所辖村（社区）工作 0 天，少于每周 2 天；其中 1 天已报备，1 天未报备');
  });

  it('does not excuse a day on which he worked anyway', () => {
    const record = community([visit('2026-05-11', '09:00', '10:00')], {
      approvedAbsences: [{ id: 'abs_mon', fromDate: '2026-05-11', toDate: '2026-05-11' }],
    });
    expect(record.status).toBe('short');
    expect(record.excusedDates).toBeUndefined();
    expect(record.makeUp).toBeUndefined();
  });

  it('follows the tenant’s minimum', () => {
    const rules = { ...RULES, communityOfficerMinDaysPerWeek: 3 };
    expect(community([visit('2026-05-11', '09:00', '10:00'), visit('2026-05-12', '09:00', '10:00')], { rules }).status).toBe('short');
  });

  it('says the week is not over yet on Wednesday', () => {
    const record = community([visit('2026-05-11', '09:00', '10:00')], { now: at('2026-05-13', '12:00') });
    expect(record).toMatchObject({ status: 'short', periodOver: false });
  });
});

describe('make-up accounting (补课)', () => {
  // Contact-officer obligations of weeks 18 and 19 (sessions 2026-04-28 and 2026-05-05).
  const W18: MakeUpObligation = { week: '2026-W18', absenceId: 'abs_18', unit: 'hours', amount: 2, dueDate: '2026-05-12' };
  const W19: MakeUpObligation = { week: '2026-W19', absenceId: 'abs_19', unit: 'hours', amount: 3, dueDate: '2026-05-19' };
  const base = { unit: 'hours' as const, villageIds: ['vil_a', 'vil_b'], timeZone: SH, now: '2026-05-10T00:00:00.000Z' };

  it('fills the oldest obligation first and spills the rest into the next', () => {
    const v1 = visit('2026-05-09', '10:00', '14:00', { makeUp: true });
    const v2 = visit('2026-05-14', '09:00', '11:00', { makeUp: true, village: 'vil_b' });
    const result = allocateMakeUp({ ...base, now: '2026-05-15T00:00:00.000Z', obligations: [W19, W18], visits: [v2, v1] });
    expect(result.obligations.map((o) => [o.week, o.covered, o.remaining, o.status, o.visitIds])).toEqual([
      ['2026-W18', 2, 0, 'fulfilled', [v1.id]],
      ['2026-W19', 3, 0, 'fulfilled', [v1.id, v2.id]],
    ]);
    expect(result.unallocated).toBe(1);
  });

  it('expires an obligation not covered by the end of its due date (tenant-local)', () => {
    const v = visit('2026-05-09', '10:00', '11:00', { makeUp: true });
    const dueAt = Date.parse('2026-05-12T15:59:59.999Z');
    const open = allocateMakeUp({ ...base, now: dueAt, obligations: [W18], visits: [v] });
    expect(open.obligations[0]).toMatchObject({ covered: 1, remaining: 1, status: 'open', dueAt: '2026-05-12T15:59:59.999Z' });
    const expired = allocateMakeUp({ ...base, now: dueAt + 1, obligations: [W18], visits: [v] });
    expect(expired.obligations[0]?.status).toBe('expired');
  });

  it('places the due time at the end of the day in the tenant’s zone', () => {
    const result = allocateMakeUp({ ...base, timeZone: LA, obligations: [W18], visits: [] });
    expect(result.obligations[0]?.dueAt).toBe('2026-05-13T06:59:59.999Z');
  });

  it('counts a visit straddling the due time only up to it', () => {
    const v = visit('2026-05-12', '23:00', '02:00', { makeUp: true, toDate: '2026-05-13' });
    const result = allocateMakeUp({ ...base, obligations: [W18, W19], visits: [v] });
    expect(result.obligations.map((o) => [o.week, o.covered])).toEqual([
      ['2026-W18', 1],
      ['2026-W19', 2],
    ]);
  });

  it('does not count a visit before the obligation’s week', () => {
    const early = visit('2026-04-26', '09:00', '12:00', { makeUp: true });
    const sameWeek = visit('2026-04-27', '09:00', '10:00', { makeUp: true });
    const result = allocateMakeUp({ ...base, obligations: [W18], visits: [early, sameWeek] });
    expect(result.obligations[0]).toMatchObject({ covered: 1, visitIds: [sameWeek.id] });
    expect(result.unallocated).toBe(3);
  });

  it('counts overlapping make-up visits once and ignores regular, open and foreign visits', () => {
    const result = allocateMakeUp({
      ...base,
      obligations: [W19],
      visits: [
        visit('2026-05-07', '09:00', '10:30', { makeUp: true }),
        visit('2026-05-07', '10:00', '11:00', { makeUp: true, village: 'vil_b' }),
        visit('2026-05-07', '13:00', '18:00'),
        visit('2026-05-08', '09:00', null, { makeUp: true }),
        visit('2026-05-08', '09:00', '18:00', { makeUp: true, village: 'vil_other' }),
      ],
    });
    expect(result.obligations[0]).toMatchObject({ covered: 2, remaining: 1, status: 'open' });
    expect(result.unallocated).toBe(0);
  });

  it('skips an obligation that has expired to fill a later one', () => {
    // A visit after W18's due date goes to W19 only.
    const v = visit('2026-05-13', '09:00', '12:00', { makeUp: true });
    const result = allocateMakeUp({ ...base, now: '2026-05-14T00:00:00.000Z', obligations: [W18, W19], visits: [v] });
    expect(result.obligations.map((o) => [o.week, o.covered, o.status])).toEqual([
      ['2026-W18', 0, 'expired'],
      ['2026-W19', 3, 'fulfilled'],
    ]);
  });

  it('allocates days for community officers, one per local date', () => {
    const D18: MakeUpObligation = { week: '2026-W18', absenceId: 'abs_18', unit: 'days', amount: 1, dueDate: '2026-05-17' };
    const D19: MakeUpObligation = { week: '2026-W19', absenceId: 'abs_19', unit: 'days', amount: 2, dueDate: '2026-05-24' };
    const a = visit('2026-05-06', '09:00', '10:00', { makeUp: true });
    const b = visit('2026-05-06', '15:00', '16:00', { makeUp: true, village: 'vil_b' });
    const c = visit('2026-05-09', '09:00', null, { makeUp: true });
    const d = visit('2026-05-20', '09:00', '10:00', { makeUp: true });
    const e = visit('2026-05-21', '09:00', '10:00', { makeUp: true });
    const result = allocateMakeUp({ ...base, unit: 'days', now: '2026-05-25T00:00:00.000Z', obligations: [D19, D18], visits: [e, d, c, b, a] });
    expect(result.obligations.map((o) => [o.week, o.covered, o.status, o.visitIds])).toEqual([
      ['2026-W18', 1, 'fulfilled', [a.id, b.id]],
      ['2026-W19', 2, 'fulfilled', [c.id, d.id]],
    ]);
    expect(result.unallocated).toBe(1);
    const late = allocateMakeUp({ ...base, unit: 'days', now: '2026-05-25T00:00:00.000Z', obligations: [D19], visits: [d] });
    expect(late.obligations[0]).toMatchObject({ covered: 1, remaining: 1, status: 'expired' });
  });

  it('refuses obligations in another unit than the officer’s', () => {
    expect(() => allocateMakeUp({ ...base, unit: 'days', obligations: [W18], visits: [] })).toThrow(RangeError);
    expect(makeUpUnitOf('community_officer')).toBe('days');
    expect(makeUpUnitOf('contact_officer')).toBe('hours');
  });
});

describe('the week with its make-up', () => {
  const absence = { id: 'abs_20', fromDate: '2026-05-12', toDate: '2026-05-12' };

  it('stays excused once the make-up is done in time', () => {
    const record = contact([], {
      approvedAbsences: [absence],
      makeUpVisits: [visit('2026-05-16', '09:00', '12:30', { makeUp: true })],
      now: '2026-06-01T00:00:00.000Z',
    });
    expect(record.status).toBe('excused');
    expect(record.makeUp).toMatchObject({ status: 'fulfilled', covered: 3, remaining: 0 });
    expect(record.reasons).toContain('补课已完成：3 小时');
  });

  it('becomes a violation when the make-up expires', () => {
    const record = contact([], {
      approvedAbsences: [absence],
      makeUpVisits: [visit('2026-05-16', '09:00', '10:00', { makeUp: true })],
      now: '2026-05-26T16:00:00.000Z',
    });
    expect(record.status).toBe('violation');
    expect(record.excusedBy).toBe('abs_20');
    expect(record.makeUp).toMatchObject({ status: 'expired', covered: 1, remaining: 2 });
    expect(record.reasons).toContain('补课逾期：须在 2026-05-26 前补足 3 小时，仅补 1 小时，按违规计');
  });

  it('gives an older open obligation the make-up hours first', () => {
    const older: MakeUpObligation = { week: '2026-W19', absenceId: 'abs_19', unit: 'hours', amount: 3, dueDate: '2026-05-19' };
    const input = {
      approvedAbsences: [absence],
      makeUpObligations: [older, { week: WEEK, absenceId: 'abs_stale', unit: 'hours' as const, amount: 9, dueDate: '2026-05-26' }],
      makeUpVisits: [visit('2026-05-16', '09:00', '13:00', { makeUp: true })],
    };
    const inTime = contact([], { ...input, now: '2026-05-20T00:00:00.000Z' });
    // The stale obligation for this week is replaced by the one evaluated now (3 hours, abs_20).
    expect(inTime.makeUp).toMatchObject({ absenceId: 'abs_20', amount: 3, covered: 1, status: 'open' });
    expect(inTime.status).toBe('excused');
    const tooLate = contact([], { ...input, now: '2026-05-27T00:00:00.000Z' });
    expect(tooLate.status).toBe('violation');
  });

  it('turns a community officer’s excused week into a violation when the days are not made up', () => {
    const input = { approvedAbsences: [{ id: 'abs_c', fromDate: '2026-05-11', toDate: '2026-05-17' }] };
    expect(community([], { ...input, now: '2026-05-31T15:59:59.999Z' }).status).toBe('excused');
    expect(community([], { ...input, now: '2026-05-31T16:00:00.000Z' }).status).toBe('violation');
    const madeUp = community([], {
      ...input,
      now: '2026-06-10T00:00:00.000Z',
      makeUpVisits: [visit('2026-05-19', '09:00', '10:00', { makeUp: true }), visit('2026-05-21', '09:00', '10:00', { makeUp: true })],
    });
    expect(madeUp).toMatchObject({ status: 'excused', makeUp: { status: 'fulfilled', covered: 2 } });
  });

  it('does not touch a week without an obligation', () => {
    const record = contact([visit('2026-05-12', '13:00', '18:00')], {
      makeUpObligations: [{ week: '2026-W19', absenceId: 'abs_19', unit: 'hours', amount: 3, dueDate: '2026-05-19' }],
      now: '2026-07-01T00:00:00.000Z',
    });
    expect(record.status).toBe('met');
    expect(record.makeUp).toBeUndefined();
  });
});
