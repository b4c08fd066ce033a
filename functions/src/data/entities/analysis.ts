import { Entity } from 'dynamodb-toolbox/entity';
import { any } from 'dynamodb-toolbox/schema/any';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { REPORT_TYPES, SENSITIVE_PERIOD_STATUSES } from '@beatlink/shared';
import { table } from '../client';
import { tenantPartition, versionedAttributes } from './common';

/**
 * A report of 研判讲评 (weekly analysis or daily dispatch): `T#<t>#REPORT` / `<reportId>`, the id
 * stable per period and scope so a re-run finds it.
 * - gsi1 `T#<t>#REPORT#BY#<type>#<scopeId>` / `<period>`: one scope's reports, newest first
 *   (queried in reverse); a sensitive period's dispatches are a range of it.
 * - gsi2 `T#<t>#REPORT#BY#<type>` / `<period>#<scopeId>` (`<period>#~<county>` for the county's,
 *   so it leads its period when read newest first): every scope's reports of a type.
 * The computed parts are stored as they are (`any`): the service builds them from the shared
 * types, and the village counts hold only villages with matters, which keeps an item far below
 * 400 KB.
 */
export const ReportEntity = new Entity({
  name: 'report',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    id: string().key(),
    type: string().enum(...REPORT_TYPES),
    period: string(),
    periodStart: string(),
    periodEnd: string(),
    timeZone: string(),
    scope: any(),
    sensitivePeriod: any().optional(),
    totals: any(),
    byKind: any(),
    byCategory: any(),
    byVillage: any(),
    hotSpots: any(),
    trend: any(),
    highRiskDisputes: any(),
    overdue: any(),
    duty: any(),
    intelByType: any(),
    summary: any(),
    actions: any(),
    villageCounts: any(),
    generatedAt: string(),
    version: number(),
    gsi1pk: string(),
    gsi1sk: string(),
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ tenantId, id }) => ({ pk: tenantPartition(tenantId, 'REPORT'), sk: id }),
});

/**
 * A sensitive period (特殊敏感时期): `T#<t>#SENSITIVE_PERIOD` / `<spd id>` (newest first in
 * reverse); gsi1 `T#<t>#SENSITIVE_PERIOD#BY#END` / `<endDate>#<id>`, so "the periods ending on or
 * after a date" (the daily job's question) is one Query that never reads past periods.
 */
export const SensitivePeriodEntity = new Entity({
  name: 'sensitivePeriod',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    id: string().key(),
    name: string(),
    startDate: string(),
    endDate: string(),
    note: string().optional(),
    status: string().enum(...SENSITIVE_PERIOD_STATUSES),
    cancelReason: string().optional(),
    ...versionedAttributes,
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ tenantId, id }) => ({ pk: tenantPartition(tenantId, 'SENSITIVE_PERIOD'), sk: id }),
});
