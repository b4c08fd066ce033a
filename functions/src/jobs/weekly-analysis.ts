import { runWeeklyAnalysis, type AnalysisRunCounts } from '../services/analysis/produce-reports';
import { deliverPendingNotifications } from '../services/notifications/delivery';
import { perTenantJob, type PerTenantJobResult } from './per-tenant-job';

/**
 * 每周一研判讲评 (schedules.ts, Monday 08:00 in the county's zone): last ISO week's report for the
 * county and each station, then their "report ready" notifications delivered at once rather than
 * at the next deliver-notifications run — per county (see per-tenant-job.ts).
 */
export type WeeklyAnalysisCounts = AnalysisRunCounts & { delivery: Awaited<ReturnType<typeof deliverPendingNotifications>> };
export type WeeklyAnalysisResult = PerTenantJobResult<'weekly-analysis', WeeklyAnalysisCounts>;

export async function weeklyAnalysisForTenant(tenantId: string, at: string): Promise<WeeklyAnalysisCounts> {
  const counts = await runWeeklyAnalysis(tenantId, at);
  return { ...counts, delivery: await deliverPendingNotifications(tenantId, at) };
}

export const handler = perTenantJob('weekly-analysis', weeklyAnalysisForTenant);
