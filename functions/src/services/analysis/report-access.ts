import type { Page, Report, ReportListQuery, ReportSummary } from '@beatlink/shared';
import { getReportRecord, queryScopeReports, queryTypeReports } from '../../data/reports';
import { forbidden, notFound } from '../../lib/app-error';
import { requireTenant, type TenantContext, type TenantScopedContext } from '../../lib/tenant-context';
import { callerStation } from '../identity/caller-station';

/**
 * Who reads which reports: the offices and leaders (scope `tenant`) every scope's; a station's
 * chief and its field officers (scope `station`) their station's only. Another county's report,
 * or one the caller may not see, is not found (404): existence is not revealed.
 */
export const reportNotFound = (path = 'id') => notFound(path, '研判报告不存在 / report not found');

/** The report if the caller may see it; 404 otherwise. */
export async function loadVisibleReport(ctxIn: TenantContext, id: string): Promise<{ ctx: TenantScopedContext; report: Report }> {
  const ctx = requireTenant(ctxIn);
  const report = await getReportRecord(ctx.tenantId, id);
  if (!report) throw reportNotFound();
  if (ctx.scope !== 'tenant' && (report.scope.kind !== 'station' || report.scope.id !== (await callerStation(ctx)))) throw reportNotFound();
  return { ctx, report };
}

export const toSummary = (r: Report): ReportSummary => ({
  id: r.id,
  type: r.type,
  period: r.period,
  periodStart: r.periodStart,
  periodEnd: r.periodEnd,
  scope: r.scope,
  ...(r.sensitivePeriod ? { sensitivePeriod: r.sensitivePeriod } : {}),
  totals: r.totals,
  generatedAt: r.generatedAt,
});

/**
 * GET /analysis/reports, newest first, of one type (weekly unless asked: the two types are two
 * index partitions, and a page cannot merge them). A scope filter reads that scope's partition;
 * without one the offices get every scope, a station's people their station's.
 */
export async function listReports(ctxIn: TenantContext, query: ReportListQuery): Promise<Page<ReportSummary>> {
  const ctx = requireTenant(ctxIn);
  const type = query.type ?? 'weekly';
  const page = { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) };
  const wanted = query.scope === 'county' ? ctx.tenantId : query.scope;
  let scopeId = wanted;
  if (ctx.scope !== 'tenant') {
    const station = await callerStation(ctx);
    if (!station) throw forbidden('您的账号未归属派出所，无法查看研判报告 / your account belongs to no station');
    if (wanted && wanted !== station) throw forbidden('只能查看本所的研判报告 / only your station’s reports');
    scopeId = station;
  }
  const result = scopeId ? await queryScopeReports(ctx.tenantId, type, scopeId, page) : await queryTypeReports(ctx.tenantId, type, page);
  return { ...result, items: result.items.map(toSummary) };
}

/** GET /analysis/reports/{id}. */
export async function getReport(ctx: TenantContext, id: string): Promise<Report> {
  return (await loadVisibleReport(ctx, id)).report;
}
