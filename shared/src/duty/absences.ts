import * as z from 'zod';
import { optionalText, text, versionSchema, withExample } from '../fields';
import { idSchema } from '../ids';
import { ABSENCE_DECISIONS, ABSENCE_STATUSES } from './absence-rules';
import { isoWeekSchema } from './iso-week-schema';

export * from './absence-rules';

/**
 * Absence reports (报备, DOMAIN.md "Field duty"): an officer who cannot go to his villages reports
 * it to the program office beforehand, with a reason; the office approves or rejects it, and an
 * approval creates a make-up obligation (补课, "挤出时间补上") of equal length, due within the
 * tenant's `makeUpDueDays`.
 */
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
