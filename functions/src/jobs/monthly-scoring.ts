import { monthlyScoring, type MonthlyScoringCounts } from '../services/assessment/scoring-run';
import { deliverPendingNotifications } from '../services/notifications/delivery';
import { perTenantJob, type PerTenantJobResult } from './per-tenant-job';

/**
 * 网上考核 (schedules.ts, the 1st of each month 02:00 in the county's zone, after the spot-check
 * draw): last month's scores and rankings, and last quarter's when the month closed one; then the
 * "scores published" notifications delivered at once — per county (see per-tenant-job.ts). A
 * period already published is left as it is, so a re-run writes nothing twice.
 */
export type MonthlyScoringJobCounts = MonthlyScoringCounts & { delivery: Awaited<ReturnType<typeof deliverPendingNotifications>> };
export type MonthlyScoringResult = PerTenantJobResult<'monthly-scoring', MonthlyScoringJobCounts>;

export async function monthlyScoringForTenant(tenantId: string, at: string): Promise<MonthlyScoringJobCounts> {
  const counts = await monthlyScoring(tenantId, at);
  return { ...counts, delivery: await deliverPendingNotifications(tenantId, at) };
}

export const handler = perTenantJob('monthly-scoring', monthlyScoringForTenant);
