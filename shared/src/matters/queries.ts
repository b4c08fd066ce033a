import * as z from 'zod';
import { text, withExample } from '../fields';
import { idSchema } from '../ids';
import { categoryIdSchema } from './config';
import { MATTER_INBOXES } from './inboxes';
import { MATTER_KINDS, MATTER_STATUSES } from './kinds';
import { isoDateSchema } from './schemas';

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
