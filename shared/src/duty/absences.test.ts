import { describe, expect, it } from 'vitest';
import { DEFAULT_TENANT_CONFIG } from '../platform/config';
import { absenceDate, absenceDecisionSchema, makeUpForAbsence } from './absences';

const rules = DEFAULT_TENANT_CONFIG.duty;

describe('absenceDate', () => {
  it("defaults a contact officer's date to his session day of the week", () => {
    expect(absenceDate('contact_officer', '2026-W20', undefined, rules)).toEqual({ date: '2026-05-12' });
    expect(absenceDate('contact_officer', '2026-W20', undefined, { contactOfficerWeekday: 4 })).toEqual({ date: '2026-05-14' });
  });

  it('requires a community officer to name the day', () => {
    expect(absenceDate('community_officer', '2026-W20', undefined, rules)).toHaveProperty('error');
    expect(absenceDate('community_officer', '2026-W20', '2026-05-15', rules)).toEqual({ date: '2026-05-15' });
  });

  it('refuses a date outside the week (across the year boundary too)', () => {
    expect(absenceDate('contact_officer', '2026-W20', '2026-05-18', rules)).toHaveProperty('error');
    expect(absenceDate('community_officer', '2026-W01', '2025-12-29', rules)).toEqual({ date: '2025-12-29' });
    expect(absenceDate('community_officer', '2025-W52', '2025-12-29', rules)).toHaveProperty('error');
  });
});

describe('makeUpForAbsence', () => {
  it('owes a contact officer the session hours and a community officer one day, due makeUpDueDays after the date', () => {
    expect(makeUpForAbsence('contact_officer', '2026-05-12', rules)).toEqual({ unit: 'hours', amount: 3, dueDate: '2026-05-26', status: 'open' });
    // A community officer's day is due after the week's Sunday (2026-W53 ends on 2027-01-03).
    expect(makeUpForAbsence('community_officer', '2026-12-28', { contactOfficerMinHours: 3, makeUpDueDays: 7 })).toEqual({ unit: 'days', amount: 1, dueDate: '2027-01-10', status: 'open' });
    expect(makeUpForAbsence('contact_officer', '2026-05-12', { contactOfficerMinHours: 4.5, makeUpDueDays: 1 })).toMatchObject({ amount: 4.5, dueDate: '2026-05-13' });
  });
});

describe('absenceDecisionSchema', () => {
  it('requires a note to reject, naming `note`', () => {
    const result = absenceDecisionSchema.safeParse({ version: 1, decision: 'reject' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['note']);
    expect(absenceDecisionSchema.safeParse({ version: 1, decision: 'reject', note: '   ' }).success).toBe(false);
    expect(absenceDecisionSchema.safeParse({ version: 1, decision: 'reject', note: '理由不充分' }).success).toBe(true);
    expect(absenceDecisionSchema.safeParse({ version: 1, decision: 'approve' }).success).toBe(true);
  });
});
