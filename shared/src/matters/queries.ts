import { z } from 'zod';
import { text, withExample } from '../fields';
import { idSchema } from '../ids';
import { categoryIdSchema } from './config';
import { MATTER_KINDS, MATTER_STATUSES } from './kinds';
import { isoDateSchema } from './schemas';

/**
 * Inboxes (GET /matters?inbox=…), each served by one Query of its own index:
 * - `all`: every matter the caller may see (the county, his station, his office / workstation, or
 *   his agency's);
 * - `triage`: waiting for triage (to triage, reopened);
 * - `mine`: held by the caller's own unit or agency, or by him by name;
 * - `reported`: taken in by the caller;
 * - `overdue`: past their running deadline, most overdue first;
 * - `linkage`: linkage matters (综治联动) of the county.
 */
export const MATTER_INBOXES = ['all', 'triage', 'mine', 'reported', 'overdue', 'linkage'] as const;
export type MatterInbox = (typeof MATTER_INBOXES)[number];
export const MATTER_INBOX_LABELS: Record<MatterInbox, { zh: string; en: string }> = {
  all: { zh: '全部事项', en: 'All' },
  triage: { zh: '待研判', en: 'To triage' },
  mine: { zh: '我的待办', en: 'Mine' },
  reported: { zh: '我录入的', en: 'Taken in by me' },
  overdue: { zh: '超期督办', en: 'Overdue' },
  linkage: { zh: '综治联动', en: 'Linkage' },
};

const ORDERS = ['newest', 'oldest'] as const;

export const matterListQuerySchema = z
  .strictObject({
    inbox: z.enum(MATTER_INBOXES).default('all'),
    villageId: idSchema('village').optional(),
    categoryId: categoryIdSchema.optional(),
    kind: z.enum(MATTER_KINDS).optional(),
    status: z.enum(MATTER_STATUSES).optional(),
    /** Taken in on or after this day (tenant time zone)… */
    from: isoDateSchema.optional(),
    /** …and on or before this day. */
    to: isoDateSchema.optional(),
    order: z.enum(ORDERS).default('newest'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(2000).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.from && value.to && value.from > value.to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期 / to must not be before from' });
    }
  });
export type MatterListQuery = z.infer<typeof matterListQuerySchema>;

export const disputeFiguresQuerySchema = z
  .strictObject({ from: isoDateSchema, to: isoDateSchema })
  .superRefine((value, ctx) => {
    if (value.from > value.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期 / to must not be before from' });
  });
export type DisputeFiguresQuery = z.infer<typeof disputeFiguresQuerySchema>;

/** Which phone to reveal: the reporter's, or dispute party number `i` (`party.0`, …). */
export const revealFieldSchema = z
  .string()
  .regex(/^(reporter|party\.\d{1,2})$/, { message: '须为 reporter 或 party.<序号> / reporter or party.<n>' });

export const revealBodySchema = withExample(
  z.strictObject({ field: revealFieldSchema.default('reporter'), reason: text(200) }),
  { field: 'reporter', reason: '回访核实办理结果，需联系反映人' },
);
export type RevealInput = z.infer<typeof revealBodySchema>;

export const matterIdParamsSchema = z.strictObject({ id: idSchema('matter') });
