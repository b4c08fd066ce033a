import { describe, expect, it } from 'vitest';
import type { ComplianceRecord } from '@beatlink/shared';
import { isoWeekMonday as sharedMonday, isoWeekOfDate as sharedWeekOf } from '@beatlink/shared/duty/iso-week';
import {
  absenceBody,
  absenceFieldOfPath,
  addWeeks,
  currentWeek,
  dateLabel,
  defaultAbsenceDate,
  durationText,
  dutyRoleOf,
  flagText,
  isIsoWeek,
  isoWeekMonday,
  isoWeekOfDate,
  makeUpProgress,
  minutesBetween,
  requirementLine,
  statusText,
  validateAbsence,
  visitTimes,
  weekDates,
  weekFromSearch,
  weekRange,
  weekTitle,
} from './duty';

const record = (change: Partial<ComplianceRecord>): ComplianceRecord => ({
  officerId: 'off_1',
  week: '2026-W20',
  role: 'community_officer',
  status: 'short',
  periodOver: false,
  required: 2,
  unit: 'days',
  daysInVillages: 1,
  dates: ['2026-05-12'],
  visitIds: [],
  reasons: [],
  ...change,
});

describe('ISO weeks (zod-free, the same as the shared module)', () => {
  it('agree with @beatlink/shared/duty/iso-week over years and their edges', () => {
    for (const date of ['2026-05-12', '2024-12-30', '2021-01-03', '2020-12-31', '2027-01-01', '2015-12-31', '2026-01-01']) {
      expect(isoWeekOfDate(date)).toBe(sharedWeekOf(date));
    }
    for (const week of ['2026-W20', '2020-W53', '2021-W01', '2027-W52']) expect(isoWeekMonday(week)).toBe(sharedMonday(week));
  });

  it('step, list and name weeks', () => {
    expect(addWeeks('2026-W01', -1)).toBe('2025-W52');
    expect(addWeeks('2020-W53', 1)).toBe('2021-W01');
    expect(weekDates('2026-W20')).toEqual(['2026-05-11', '2026-05-12', '2026-05-13', '2026-05-14', '2026-05-15', '2026-05-16', '2026-05-17']);
    expect(weekTitle('2026-W20')).toBe('2026年第20周');
    expect(weekRange('2026-W20')).toBe('5月11日 – 5月17日');
    expect(dateLabel('2026-05-12')).toBe('5月12日（周二）');
    expect(isIsoWeek('2025-W53')).toBe(false);
    expect(isIsoWeek('2026-W53')).toBe(true);
    expect(isIsoWeek('2020-W53')).toBe(true);
    expect(weekFromSearch('?week=2026-W20')).toBe('2026-W20');
    expect(weekFromSearch('?week=junk')).toBeUndefined();
  });

  it('take the current week in the county time zone', () => {
    // Sunday 17:00 UTC is already Monday in Shanghai.
    expect(currentWeek(new Date('2026-05-17T17:00:00Z'), 'Asia/Shanghai')).toBe('2026-W21');
    expect(currentWeek(new Date('2026-05-17T17:00:00Z'), 'UTC')).toBe('2026-W20');
  });
});

describe('the week card', () => {
  it('says the status, "so far" while the week runs, and days or hours against the rule', () => {
    expect(statusText(record({ status: 'met', periodOver: true }))).toEqual({ label: '达标', soFar: false });
    expect(statusText(record({ status: 'violation' }))).toEqual({ label: '违规', soFar: true });
    expect(requirementLine(record({}))).toMatchObject({ text: '入村工作 1 / 2 天', percent: 50 });
    const contact = record({ role: 'contact_officer', unit: 'hours', required: 3, sessionHours: 1.5, sessionDate: '2026-05-12', sessionStart: '12:00', sessionEnd: '18:00' });
    expect(requirementLine(contact)).toMatchObject({ text: '5月12日（周二） 12:00–18:00 在村 1.5 / 3 小时', percent: 50 });
    expect(requirementLine(record({ daysInVillages: 4 })).percent).toBe(100);
    // The API gives the session window as instants: shown as the county's wall time.
    const instants = { ...contact, sessionStart: '2026-05-12T04:00:00.000Z', sessionEnd: '2026-05-12T10:00:00.000Z' };
    expect(requirementLine(instants, 'Asia/Shanghai').text).toBe('5月12日（周二） 12:00–18:00 在村 1.5 / 3 小时');
  });

  it('shows visits: times in the county zone, duration, and the flag in Chinese', () => {
    expect(visitTimes({ checkedInAt: '2026-05-12T06:05:00Z', checkedOutAt: '2026-05-12T09:20:00Z' })).toBe('5月12日（周二） 14:05–17:20');
    expect(visitTimes({ checkedInAt: '2026-05-12T06:05:00Z' })).toBe('5月12日（周二） 14:05 起，进行中');
    expect(durationText(195)).toBe('3小时15分');
    expect(durationText(45)).toBe('45分钟');
    expect(durationText(120)).toBe('2小时');
    expect(minutesBetween('2026-05-12T06:00:00Z', '2026-05-12T07:30:59Z')).toBe(90);
    expect(flagText({ flagged: true, reason: 'too_far', distanceMetres: 2300 })?.text).toBe('签到位置距村过远（约 2.3 公里），已标记待核查');
    expect(flagText({ flagged: true, reason: 'no_position' })).toEqual({ text: '签到时未获取定位，已标记待核查', flagged: true });
    expect(flagText({ flagged: false, reason: 'no_village_position' })).toEqual({ text: '村（社区）未标注位置，未核验', flagged: false });
    expect(flagText({ flagged: false, distanceMetres: 120 })).toBeUndefined();
  });

  it('shows make-up progress', () => {
    expect(makeUpProgress({ unit: 'hours', amount: 3, covered: 1.25, dueDate: '2026-05-26', status: 'open' })).toEqual({ text: '已补 1.25 / 3 小时', percent: 42, due: '截止 5月26日（周二）' });
    expect(makeUpProgress({ unit: 'days', amount: 1, covered: 1, dueDate: '2026-05-31', status: 'fulfilled' }).percent).toBe(100);
  });
});

describe('the absence form', () => {
  it('starts a contact officer on his session day; a community officer picks his own', () => {
    expect(defaultAbsenceDate('contact_officer', '2026-W20', 2)).toBe('2026-05-12');
    expect(defaultAbsenceDate('community_officer', '2026-W20', 2)).toBe('');
    expect(dutyRoleOf(['contact_officer'])).toBe('contact_officer');
    expect(dutyRoleOf(['station_chief'])).toBeUndefined();
  });

  it('checks the week, the day (in the week, not past) and the reason', () => {
    const today = '2026-05-11';
    expect(validateAbsence({ week: '2026-W20', date: '', reason: '' }, 'community_officer', today)).toEqual({ date: '请选择不能到岗的日期', reason: '请填写报备事由' });
    expect(validateAbsence({ week: '2026-W20', date: '', reason: '培训' }, 'contact_officer', today, '2026-05-12')).toEqual({});
    expect(validateAbsence({ week: '2026-W20', date: '', reason: '培训' }, 'contact_officer', '2026-05-13', '2026-05-12').date).toMatch(/已过去/);
    expect(validateAbsence({ week: '2026-W20', date: '2026-05-19', reason: '培训' }, 'contact_officer', today).date).toBe('日期不在所选的周内');
    expect(validateAbsence({ week: '2026-W20', date: '2026-05-11', reason: '培训' }, 'community_officer', '2026-05-12').date).toMatch(/已过去/);
    expect(validateAbsence({ week: '2026-W20', date: '2026-05-12', reason: 'x'.repeat(501) }, 'community_officer', today).reason).toMatch(/500/);
    expect(absenceBody({ week: '2026-W20', date: '', reason: ' 参加培训 ' })).toEqual({ week: '2026-W20', reason: '参加培训' });
    expect(absenceFieldOfPath('date')).toBe('date');
    expect(absenceFieldOfPath('other')).toBeUndefined();
  });
});
