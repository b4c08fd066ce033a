import * as z from 'zod';
import { MATTER_OUTCOMES, MATTER_STATUSES } from '../matters/kinds';
import type { PublicMatterCreated, PublicMatterView, PublicStats, PublicTimelineEvent } from './public-matters';

/**
 * The REST v1 answers as zod schemas, for the OpenAPI document only (the services build the
 * interfaces of public-matters.ts; the checks at the bottom keep both in step).
 */
export const publicMatterViewSchema = z.object({
  id: z.string(),
  status: z.enum(MATTER_STATUSES),
  open311Status: z.enum(['open', 'closed']),
  statusLabel: z.string(),
  kind: z.string(),
  categoryId: z.string(),
  categoryName: z.string(),
  severity: z.string(),
  villageId: z.string(),
  villageName: z.string(),
  agencyResponsible: z.string(),
  expectedAt: z.string().optional(),
  outcome: z.enum(MATTER_OUTCOMES).optional(),
  mergedInto: z.string().optional(),
  externalId: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().optional(),
});

export const publicMatterCreatedSchema = publicMatterViewSchema.extend({ token: z.string() });

export const publicTimelineEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  typeLabel: z.string(),
  at: z.string(),
  from: z.enum(MATTER_STATUSES).optional(),
  to: z.enum(MATTER_STATUSES).optional(),
  actor: z.string(),
  detail: z.string().optional(),
});
export const publicTimelineSchema = z.object({ items: z.array(publicTimelineEventSchema) });

export const publicMatterUpdatedSchema = z.object({ updateId: z.string(), externalId: z.string().optional(), matter: publicMatterViewSchema });

export const publicStatsSchema = z.object({
  county: z.string(),
  from: z.string(),
  to: z.string(),
  total: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
  byCategory: z.array(z.object({ categoryId: z.string(), categoryName: z.string(), count: z.number().int() })),
  bySource: z.record(z.string(), z.number().int()),
  open: z.number().int(),
  closedResolved: z.number().int(),
  closedUnresolved: z.number().int(),
  onTime: z.object({ count: z.number().int(), of: z.number().int(), rate: z.number().nullable() }),
  linkage: z.number().int(),
});

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    retryAfter: z.number().int().optional(),
  }),
});

// The documented shapes accept what the services produce.
type Accepts<Doc, Actual> = Actual extends Doc ? true : never;
export const PUBLIC_RESPONSE_SHAPES_MATCH: [
  Accepts<z.infer<typeof publicMatterViewSchema>, PublicMatterView>,
  Accepts<z.infer<typeof publicMatterCreatedSchema>, PublicMatterCreated>,
  Accepts<z.infer<typeof publicTimelineEventSchema>, PublicTimelineEvent>,
  Accepts<z.infer<typeof publicStatsSchema>, PublicStats>,
] = [true, true, true, true];
