import type { TenantConfig } from '../platform/config';
import { addDays, isoWeekDate, isoWeekOfDate } from './iso-week';
import type { DutyRole, MakeUpStatus, MakeUpUnit } from './labels';

/**
 * Absence reports (报备) without their schemas: the statuses, the record, which date a report
 * concerns and the make-up its approval creates. Zod-free, so the portal uses the very same rules.
 */
export const ABSENCE_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type AbsenceStatus = (typeof ABSENCE_STATUSES)[number];
export const ABSENCE_DECISIONS = ['approve', 'reject'] as const;
export type AbsenceDecision = (typeof ABSENCE_DECISIONS)[number];

export const ABSENCE_STATUS_LABELS: Record<AbsenceStatus, { zh: string; en: string }> = {
  pending: { zh: '待审批', en: 'Pending' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
};

/** The make-up obligation an approval created. Its progress is evaluated by the duty rules (compliance.ts). */
export interface AbsenceMakeUp {
  unit: MakeUpUnit;
  amount: number;
  /** Last local date on which make-up counts. */
  dueDate: string;
  status: MakeUpStatus;
}

export interface Absence {
  id: string;
  officerId: string;
  officerName: string;
  role: DutyRole;
  stationId?: string;
  week: string;
  /** The local date of the session or day missed. */
  date: string;
  reason: string;
  status: AbsenceStatus;
  decidedBy?: string;
  decidedByName?: string;
  decidedAt?: string;
  note?: string;
  makeUp?: AbsenceMakeUp;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
}

type DutyRules = TenantConfig['duty'];

/**
 * The date an absence concerns: the one given, else a contact officer's session day of the week;
 * a community officer must name the day. Returns an error message (for `date`) when it is missing
 * or outside the week.
 */
export function absenceDate(role: DutyRole, week: string, date: string | undefined, rules: Pick<DutyRules, 'contactOfficerWeekday'>): { date: string } | { error: string } {
  const resolved = date ?? (role === 'contact_officer' ? isoWeekDate(week, rules.contactOfficerWeekday) : undefined);
  if (!resolved) return { error: '须注明不能到岗的日期 / the date is required' };
  if (isoWeekOfDate(resolved) !== week) return { error: `日期不在 ${week} 周内 / the date is not in ${week}` };
  return { date: resolved };
}

/**
 * The make-up an approved absence creates, with the due dates the duty rules use (compliance.ts):
 * a contact officer owes the session's minimum hours, due `makeUpDueDays` after the session; a
 * community officer one day, due `makeUpDueDays` after the week's Sunday (his shortfall is known
 * only when the week ends).
 */
export function makeUpForAbsence(role: DutyRole, date: string, rules: Pick<DutyRules, 'contactOfficerMinHours' | 'makeUpDueDays'>): AbsenceMakeUp {
  return role === 'contact_officer'
    ? { unit: 'hours', amount: rules.contactOfficerMinHours, dueDate: addDays(date, rules.makeUpDueDays), status: 'open' }
    : { unit: 'days', amount: 1, dueDate: addDays(isoWeekDate(isoWeekOfDate(date), 7), rules.makeUpDueDays), status: 'open' };
}
