import { superviseTenant, type SupervisionCounts } from '../services/matters/supervision';
import { perTenantJob, type PerTenantJobResult } from './per-tenant-job';

/**
 * 督导 every 15 minutes (schedules.ts): reminders before a deadline, overdue marks and urges after
 * it, escalation up the ladder — per county (see per-tenant-job.ts for the event).
 */
export type TenantSupervision = SupervisionCounts & { tenantId: string; durationMs: number };
export type SuperviseMattersResult = PerTenantJobResult<'supervise-matters', SupervisionCounts>;

export const handler = perTenantJob('supervise-matters', superviseTenant);
