import { z } from 'zod';
import { optionalText, text, versionSchema, withExample } from '../fields';
import { idSchema } from '../ids';
import type { TenantConfig } from '../platform/config';
import { addDays, isoWeekDate, isoWeekOfDate, isoWeekSchema } from './iso-week';
import type { DutyRole, MakeUpStatus, MakeUpUnit } from './labels';

/**
 * Absence reports (报备, DOMAIN.md "Field duty"): an officer who cannot go to his villages reports
 * it to the program office beforehand, with a reason; the office approves or rejects it, and an
 * approval creates a make-up obligation (补课, "挤出时间补上") of equal length, due within the
 * tenant's `makeUpDueDays`.
 */
export const ABSENCE_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type AbsenceStatus = (typeof ABSENCE_STATUSES)[number];
export const ABSENCE_STATUS_LABELS: Record<AbsenceStatus, { zh: string; en: string }> = {
  pending: { zh: '待审批', en: 'Pending' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
};

const dateSchema = z.iso.date({ message: '须为日期 YYYY-MM-DD / must be a date YYYY-MM-DD' });

export const absenceCreateSchema = withExample(
  z.strictObject({
    /** The ISO week the absence falls in. */
    week: isoWeekSchema,
    /** The session or day missed (local date); a contact officer's default is his session day of the week. */
    date: dateSchema.optional(),
    reason: text(500),
  }),
  { week: '2026-W20', date: '2026-05-12', reason: '参加市局集中培训' },
);
export type AbsenceCreateInput = z.infer<typeof absenceCreateSchema>;

export const ABSENCE_DECISIONS = ['approve', 'reject'] as const;
export type AbsenceDecision = (typeof ABSENCE_DECISIONS)[number];

export const absenceDecisionSchema = withExample(
  z
    .strictObject({
      version: versionSchema,
      decision: z.enum(ABSENCE_DECISIONS),
      /** Required when rejecting: the officer is told why. */
      note: optionalText(500),
    })
    .superRefine((value, ctx) => {
      if (value.decision === 'reject' && !value.note) {
        ctx.addIssue({ code: 'custom', path: ['note'], message: '驳回须说明理由 / a rejection needs a note' });
      }
    }),
  { version: 1, decision: 'approve', note: '同意，请于两周内补课' },
);
export type AbsenceDecisionInput = z.infer<typeof absenceDecisionSchema>;

export const absenceListQuerySchema = z.strictObject({
  /** Another officer's absences (for those who may see them); default: the caller's own, or the county's for the office. */
  officerId: idSchema('officer').optional(),
  status: z.enum(ABSENCE_STATUSES).optional(),
  week: isoWeekSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2000).optional(),
});
export type AbsenceListQuery = z.infer<typeof absenceListQuerySchema>;

export const absenceParamsSchema = z.strictObject({ id: idSchema('absence') });

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
 * The make-up an approved absence creates: a contact officer owes the session's minimum hours, a
 * community officer one day; due `makeUpDueDays` after the absence's date (local dates).
 */
export function makeUpForAbsence(role: DutyRole, date: string, rules: Pick<DutyRules, 'contactOfficerMinHours' | 'makeUpDueDays'>): AbsenceMakeUp {
  return role === 'contact_officer'
    ? { unit: 'hours', amount: rules.contactOfficerMinHours, dueDate: addDays(date, rules.makeUpDueDays), status: 'open' }
    : { unit: 'days', amount: 1, dueDate: addDays(date, rules.makeUpDueDays), status: 'open' };
}
