import { BatchGetRequest } from 'dynamodb-toolbox/entity/actions/batchGet';
import { BatchGetCommand, execute as executeBatchGet } from 'dynamodb-toolbox/table/actions/batchGet';
import type { Page, Report, ReportTotals, ReportType } from '@beatlink/shared';
import { table } from './client';
import { tenantPartition } from './entities/common';
import { ReportEntity } from './entities/analysis';
import { getItem, putOp, queryAll, queryPage, withoutIndexKeys, type PageRequest, type SortKeyRange, type TxOp } from './repository';

/** Reports of 研判讲评 (`T#<t>#REPORT`, see entities/analysis.ts). */

const base = (tenantId: string) => tenantPartition(tenantId, 'REPORT');
export const scopeReportsPartition = (tenantId: string, type: ReportType, scopeId: string) => `${base(tenantId)}#BY#${type}#${scopeId}`;
export const typeReportsPartition = (tenantId: string, type: ReportType) => `${base(tenantId)}#BY#${type}`;

function toItem(report: Report): Record<string, unknown> {
  return {
    ...report,
    gsi1pk: scopeReportsPartition(report.tenantId, report.type, report.scope.id),
    gsi1sk: report.period,
    gsi2pk: typeReportsPartition(report.tenantId, report.type),
    // `~` sorts after every id: newest first, the county's report leads its period's station reports.
    gsi2sk: `${report.period}#${report.scope.kind === 'county' ? '~' : ''}${report.scope.id}`,
  };
}

export async function getReportRecord(tenantId: string, id: string): Promise<Report | undefined> {
  const item = await getItem<Record<string, unknown>>(ReportEntity, { tenantId, id });
  return item ? withoutIndexKeys<Report>(item) : undefined;
}

/** A first write: fails (with `onConditionFailed`) when the report of that period and scope exists. */
export function putNewReportOp(report: Report, onConditionFailed: TxOp['onConditionFailed']): TxOp {
  return putOp(ReportEntity, toItem(report), { attr: 'id', exists: false }, onConditionFailed);
}

/** A change (an action assigned): must find the version it was based on. */
export function putReportChangeOp(report: Report, previousVersion: number, onConditionFailed: TxOp['onConditionFailed']): TxOp {
  return putOp(ReportEntity, toItem(report), { attr: 'version', eq: previousVersion }, onConditionFailed);
}

/** One page of a scope's reports of a type, newest period first (optionally within a period range). */
export async function queryScopeReports(tenantId: string, type: ReportType, scopeId: string, page: PageRequest, periods?: SortKeyRange): Promise<Page<Report>> {
  return queryPage<Report>(ReportEntity, { partition: base(tenantId), index: { name: 'gsi1', partition: scopeReportsPartition(tenantId, type, scopeId) }, ...(periods ? { range: periods } : {}), reverse: true }, page);
}

/** One page of every scope's reports of a type, newest period first. */
export async function queryTypeReports(tenantId: string, type: ReportType, page: PageRequest): Promise<Page<Report>> {
  return queryPage<Report>(ReportEntity, { partition: base(tenantId), index: { name: 'gsi2', partition: typeReportsPartition(tenantId, type) }, reverse: true }, page);
}

/** The periods a scope has reports for within a range (a sensitive period's dispatches: bounded by its days). */
export async function scopeReportPeriods(tenantId: string, type: ReportType, scopeId: string, periods: SortKeyRange): Promise<Array<Pick<Report, 'id' | 'period'>>> {
  const items = await queryAll<Report>(ReportEntity, { partition: base(tenantId), index: { name: 'gsi1', partition: scopeReportsPartition(tenantId, type, scopeId) }, range: periods });
  return items.map((r) => ({ id: r.id, period: r.period }));
}

/** What a later report needs from an earlier one: its total (trend, change) and its village counts. */
export type ReportBasis = Pick<Report, 'id' | 'period'> & { totals: Pick<ReportTotals, 'matters'>; villageCounts: Record<string, number> };

/** DynamoDB's limit of keys per BatchGetItem. */
const BATCH_GET_LIMIT = 100;

/**
 * The bases of the reports with these ids that exist (BatchGetItem, 100 keys a call, only the
 * attributes a later report reads). Missing ids are simply absent from the map.
 */
export async function reportBases(tenantId: string, ids: readonly string[]): Promise<Map<string, ReportBasis>> {
  const found = new Map<string, ReportBasis>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += BATCH_GET_LIMIT) {
    const requests = unique.slice(i, i + BATCH_GET_LIMIT).map((id) => ReportEntity.build(BatchGetRequest).key({ tenantId, id }));
    const command = table
      .build(BatchGetCommand)
      .requests(...requests)
      .options({ consistent: true, attributes: ['id', 'period', 'totals', 'villageCounts'] });
    const { Responses } = await executeBatchGet({ maxAttempts: 5 }, command);
    for (const item of (Responses[0] ?? []) as Array<ReportBasis | undefined>) if (item) found.set(item.id, item);
  }
  return found;
}
