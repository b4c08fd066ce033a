import { drawSpotChecksForTenant } from '../services/assessment/spot-checks';
import { deliverPendingNotifications } from '../services/notifications/delivery';
import { perTenantJob, type PerTenantJobResult } from './per-tenant-job';

/**
 * 月抽查 (schedules.ts, the 1st of the month): last month's sample of every active contact
 * officer's visits and households, then the program office's "spot check ready" notification
 * delivered at once rather than at the next deliver-notifications run — per county (see
 * per-tenant-job.ts). A re-run keeps every check already drawn.
 */
export type SpotCheckDrawCounts = Awaited<ReturnType<typeof drawSpotChecksForTenant>> & { delivery: Awaited<ReturnType<typeof deliverPendingNotifications>> };
export type SpotCheckDrawResult = PerTenantJobResult<'spot-check-draw', SpotCheckDrawCounts>;

export async function spotCheckDrawForTenant(tenantId: string, at: string): Promise<SpotCheckDrawCounts> {
  const counts = await drawSpotChecksForTenant(tenantId, at);
  return { ...counts, delivery: await deliverPendingNotifications(tenantId, at) };
}

export const handler = perTenantJob('spot-check-draw', spotCheckDrawForTenant);
