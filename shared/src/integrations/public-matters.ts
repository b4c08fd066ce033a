import * as z from 'zod';
import { geoPointSchema, optionalText, phoneSchema, text, withExample } from '../fields';
import { idSchema } from '../ids';
import { villageCodeSchema } from '../division-code';
import { categoryIdSchema } from '../matters/config';
import { MATTER_KINDS, MATTER_OUTCOMES, SEVERITIES, isOpenStatus, type MatterOutcome, type MatterStatus } from '../matters/kinds';
import { isoTimeSchema } from '../matters/schemas';

/**
 * What integrators see of a matter through the public API (REST v1, Open311, webhook payloads):
 * never a resident's personal data — no reporter, no phone, no description text (residents' own
 * words name people), no party of a dispute.
 */
export interface PublicMatterView {
  id: string;
  status: MatterStatus;
  /** Open311's two states. */
  open311Status: 'open' | 'closed';
  statusLabel: string;
  kind: string;
  categoryId: string;
  categoryName: string;
  severity: string;
  villageId: string;
  villageName: string;
  /** Who is responsible now: the assigned agency or police unit, else the county bureau's program office. */
  agencyResponsible: string;
  /** When the running deadline falls (feedback once accepted, acceptance once assigned), else the SLA estimate. */
  expectedAt?: string;
  outcome?: MatterOutcome;
  /** The request this matter was merged into. */
  mergedInto?: string;
  /** The integrator's own reference, when it gave one. */
  externalId?: string;
  createdAt: string;
  updatedAt: string;
  closedAt?: string;
}

/** One timeline entry as integrators see it: what happened, when, by which role or unit — no names of residents. */
export interface PublicTimelineEvent {
  id: string;
  type: string;
  typeLabel: string;
  at: string;
  from?: MatterStatus;
  to?: MatterStatus;
  /** The acting role's label (民警, 成员单位, 督导系统, 集成方…), never the person. */
  actor: string;
  /** The unit it went to (assign/reassign), or the outcome (feedback/close). */
  detail?: string;
}

/** Open311 has two statuses: everything not terminal is open. */
export function open311StatusOf(status: MatterStatus): 'open' | 'closed' {
  return isOpenStatus(status) ? 'open' : 'closed';
}

/** REST v1 `POST /v1/matters`: where (one of village, division code, point, address), what, who (sealed). */
export const publicMatterCreateSchema = withExample(
  z
    .strictObject({
      categoryId: categoryIdSchema,
      kind: z.enum(MATTER_KINDS).default('demand'),
      severity: z.enum(SEVERITIES).optional(),
      title: optionalText(60),
      description: text(2000),
      villageId: idSchema('village').optional(),
      /** The village's 12-digit division code (村级区划代码). */
      divisionCode: villageCodeSchema.optional(),
      location: geoPointSchema.optional(),
      address: optionalText(120),
      occurredAt: isoTimeSchema.optional(),
      /** Personal data: sealed at rest, never returned. */
      reporter: z.strictObject({ name: text(30), phone: phoneSchema }).optional(),
      /** The integrator's own case number (12345 工单号), echoed back. */
      externalId: optionalText(64),
      mediaUrls: z.array(z.url().max(500)).max(5).optional(),
    })
    .superRefine((value, ctx) => {
      if (!value.villageId && !value.divisionCode && !value.location && !value.address) {
        ctx.addIssue({ code: 'custom', path: ['villageId'], message: '须提供所属村（villageId、divisionCode、location 或 address 之一） / one of villageId, divisionCode, location or address is required' });
      }
    }),
  {
    categoryId: 'sanitation',
    kind: 'demand',
    description: '村东头垃圾池已满一周无人清运，气味很大。',
    divisionCode: '370283101001',
    occurredAt: '2026-11-20T01:30:00.000Z',
    reporter: { name: '王某', phone: '13805321111' },
    externalId: '12345-20261120-0042',
  },
);
export type PublicMatterCreateInput = z.infer<typeof publicMatterCreateSchema>;

export interface PublicMatterCreated extends PublicMatterView {
  /** Open311 token for the same request (resolvable at `GET /open311/v2/tokens/{token}`). */
  token: string;
}

/** An agency's system reports on a matter assigned to its agency (REST v1 twin of servicerequestupdates). */
export const PUBLIC_UPDATE_ACTIONS = ['accept', 'feedback', 'return'] as const;
export type PublicUpdateAction = (typeof PUBLIC_UPDATE_ACTIONS)[number];
export const publicMatterUpdateSchema = withExample(
  z
    .strictObject({
      action: z.enum(PUBLIC_UPDATE_ACTIONS),
      outcome: z.enum(MATTER_OUTCOMES).optional(),
      note: optionalText(1000),
      /** The agency system's own update id, echoed back. */
      externalId: optionalText(64),
    })
    .superRefine((value, ctx) => {
      if (value.action === 'feedback' && !value.outcome) ctx.addIssue({ code: 'custom', path: ['outcome'], message: '反馈须填写办理结果 / outcome required for feedback' });
      if (value.action === 'return' && !value.note) ctx.addIssue({ code: 'custom', path: ['note'], message: '退回须说明理由 / note required to return a matter' });
    }),
  { action: 'feedback', outcome: 'resolved', note: '已安排清运车辆，垃圾池已清空。', externalId: 'HJ-2026-1120-07' },
);
export type PublicMatterUpdateInput = z.infer<typeof publicMatterUpdateSchema>;

export const publicMatterParamsSchema = z.strictObject({ id: idSchema('matter') });

/** `GET /v1/stats`: matters taken in between two dates (county calendar days), at most 92 days. */
export const publicStatsQuerySchema = z
  .strictObject({
    from: z.iso.date({ message: '须为日期 YYYY-MM-DD / must be a date' }),
    to: z.iso.date({ message: '须为日期 YYYY-MM-DD / must be a date' }),
  })
  .superRefine((value, ctx) => {
    const days = (Date.parse(value.to) - Date.parse(value.from)) / 86_400_000;
    if (days < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期 / to before from' });
    else if (days > 91) ctx.addIssue({ code: 'custom', path: ['to'], message: '统计区间最长 92 天 / at most 92 days' });
  });
export type PublicStatsQuery = z.infer<typeof publicStatsQuerySchema>;

export interface PublicStats {
  county: string;
  from: string;
  to: string;
  /** Matters taken in during the range. */
  total: number;
  byStatus: Partial<Record<MatterStatus, number>>;
  byCategory: Array<{ categoryId: string; categoryName: string; count: number }>;
  bySource: Record<string, number>;
  open: number;
  closedResolved: number;
  closedUnresolved: number;
  /** Closed (or fed back) within their feedback deadline, of those with one that ended. */
  onTime: { count: number; of: number; rate: number | null };
  /** Linkage matters (assigned to agencies). */
  linkage: number;
}
