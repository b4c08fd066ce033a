import * as z from 'zod';
import { isoWeekSchema } from '../duty/iso-week-schema';
import { listQuerySchema, optionalText, text, versionSchema, withExample } from '../fields';
import { idSchema } from '../ids';
import { MATTER_KINDS, SEVERITIES } from '../matters/kinds';
import { categoryIdSchema } from '../matters/config';
import { assigneeSchema, isoTimeSchema } from '../matters/schemas';
import { dateSchema } from '../registry/households';
import { REPORT_ID_PATTERN, REPORT_TYPES } from './reports';

/** The API's input for reports and sensitive periods (研判讲评, 日调度). */

export const reportIdSchema = z.string().regex(REPORT_ID_PATTERN, { message: '须为有效的报告编号 / must be a report id' });
export const reportParamsSchema = z.strictObject({ id: reportIdSchema });
export const reportActionParamsSchema = z.strictObject({ id: reportIdSchema, actionId: z.string().regex(/^act_\d{1,3}$/, { message: '须为有效的研判事项编号 / must be an action id' }) });

export const reportListQuerySchema = listQuerySchema.extend({
  type: z.enum(REPORT_TYPES).optional(),
  /** `county`, or a station id; absent → the widest the caller may see. */
  scope: z.union([z.literal('county'), idSchema('station')]).optional(),
});
export type ReportListQuery = z.infer<typeof reportListQuerySchema>;

/** Produce a report now (the jobs do it on schedule); idempotent per period. */
export const reportGenerateSchema = withExample(
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('weekly'), week: isoWeekSchema }),
    z.strictObject({ type: z.literal('daily'), date: dateSchema }),
  ]),
  { type: 'weekly', week: '2026-W47' },
);
export type ReportGenerateInput = z.infer<typeof reportGenerateSchema>;

/**
 * Turn an action item into an assigned matter (交办): the matter is taken in by the office,
 * triaged and assigned in one step. Village, title and description default to the action's.
 */
export const reportActionAssignSchema = withExample(
  z
    .strictObject({
      kind: z.enum(MATTER_KINDS),
      categoryId: categoryIdSchema,
      severity: z.enum(SEVERITIES),
      policeBusiness: z.boolean(),
      villageId: idSchema('village').optional(),
      title: optionalText(60),
      description: optionalText(2000),
      assignee: assigneeSchema,
      acceptBy: isoTimeSchema.optional(),
      feedbackBy: isoTimeSchema.optional(),
      note: optionalText(1000),
    })
    .superRefine((value, ctx) => {
      if (value.acceptBy && value.feedbackBy && Date.parse(value.feedbackBy) < Date.parse(value.acceptBy)) {
        ctx.addIssue({ code: 'custom', path: ['feedbackBy'], message: '反馈时限不能早于签收时限 / feedbackBy must not be before acceptBy' });
      }
    }),
  { kind: 'hazard', categoryId: 'public_order', severity: 'medium', policeBusiness: true, assignee: { type: 'office', id: 'ofc_01JB8ZQ3V4WQ6M2X9K7T5R1N0D' }, note: '本周警情明显上升，请组织集中排查走访' },
);
export type ReportActionAssignInput = z.infer<typeof reportActionAssignSchema>;

// ---- Sensitive periods 特殊敏感时期 ----

export const sensitivePeriodParamsSchema = z.strictObject({ id: idSchema('sensitivePeriod') });

const periodFields = {
  name: text(40),
  startDate: dateSchema,
  endDate: dateSchema,
  note: optionalText(500),
};
function checkRange(value: { startDate?: string; endDate?: string }, ctx: z.core.$RefinementCtx) {
  if (value.startDate && value.endDate && value.endDate < value.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: '结束日期不能早于开始日期 / endDate must not be before startDate' });
  }
  if (value.startDate && value.endDate && Date.parse(value.endDate) - Date.parse(value.startDate) > 366 * 86_400_000) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: '敏感时期不能超过一年 / a sensitive period lasts at most a year' });
  }
}

export const sensitivePeriodCreateSchema = withExample(z.strictObject(periodFields).superRefine(checkRange), {
  name: '国庆安保',
  startDate: '2026-09-28',
  endDate: '2026-10-08',
  note: '节日期间实行日调度',
});
export type SensitivePeriodCreateInput = z.infer<typeof sensitivePeriodCreateSchema>;

export const sensitivePeriodUpdateSchema = withExample(
  z.strictObject({ version: versionSchema, ...periodFields }).superRefine(checkRange),
  { version: 1, name: '国庆安保', startDate: '2026-09-28', endDate: '2026-10-09' },
);
export type SensitivePeriodUpdateInput = z.infer<typeof sensitivePeriodUpdateSchema>;

export const sensitivePeriodCancelSchema = withExample(z.strictObject({ version: versionSchema, reason: optionalText(500) }), { version: 1, reason: '活动提前结束' });
export type SensitivePeriodCancelInput = z.infer<typeof sensitivePeriodCancelSchema>;

export const sensitivePeriodListQuerySchema = listQuerySchema.extend({
  /** Only periods in force on or after this date. */
  from: dateSchema.optional(),
});
export type SensitivePeriodListQuery = z.infer<typeof sensitivePeriodListQuerySchema>;
