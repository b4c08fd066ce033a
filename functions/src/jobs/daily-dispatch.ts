import { runDailyDispatch, type AnalysisRunCounts } from '../services/analysis/produce-reports';
import { deliverPendingNotifications } from '../services/notifications/delivery';
import { perTenantJob, type PerTenantJobResult } from './per-tenant-job';

/**
 * 日调度 (schedules.ts, every morning in the county's zone): yesterday's dispatch for the county and
 * each station when yesterday lies in an active sensitive period — nothing otherwise — then the
 * notifications delivered — per county (see per-tenant-job.ts).
 */
export type DailyDispatchCounts = AnalysisRunCounts & { delivery: Awaited<ReturnType<typeof deliverPendingNotifications>> };
export type DailyDispatchResult = PerTenantJobResult<'daily-dispatch', DailyDispatchCounts>;

export async function dailyDispatchForTenant(tenantId: string, at: string): Promise<DailyDispatchCounts> {
  const counts = await runDailyDispatch(tenantId, at);
  return { ...counts, delivery: await deliverPendingNotifications(tenantId, at) };
}

export const handler = perTenantJob('daily-dispatch', dailyDispatchForTenant);
