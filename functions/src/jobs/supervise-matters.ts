import { superviseTenant, type SupervisionCounts } from '../services/matters/supervision';
import { deliverPendingNotifications } from '../services/notifications/delivery';
import { perTenantJob, type PerTenantJobResult } from './per-tenant-job';

/**
 * 督导 every 15 minutes (schedules.ts): reminders before a deadline, overdue marks and urges after
 * it, escalation up the ladder — per county (see per-tenant-job.ts for the event). What it wrote
 * to the outbox is delivered at once rather than at the next deliver-notifications run.
 */
export type SuperviseMattersCounts = SupervisionCounts & {
  /** Outbox items delivered at the end of the run (this run's and any still pending). */
  delivered: number;
};
export type TenantSupervision = SuperviseMattersCounts & { tenantId: string; durationMs: number };
export type SuperviseMattersResult = PerTenantJobResult<'supervise-matters', SuperviseMattersCounts>;

export const handler = perTenantJob('supervise-matters', async (tenantId, at): Promise<SuperviseMattersCounts> => {
  const counts = await superviseTenant(tenantId, at);
  const { delivered } = await deliverPendingNotifications(tenantId, at);
  return { ...counts, delivered };
});
