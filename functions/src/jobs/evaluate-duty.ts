import { evaluateDutyForTenant, type DutyRunCounts } from '../services/duty/compliance';
import { perTenantJob, type PerTenantJobResult } from './per-tenant-job';

/**
 * 履职评估 every night (schedules.ts): last ISO week's compliance record for every duty officer,
 * and the open make-ups of earlier weeks re-checked — per county (see per-tenant-job.ts).
 */
export type EvaluateDutyResult = PerTenantJobResult<'evaluate-duty', DutyRunCounts>;

export const handler = perTenantJob('evaluate-duty', evaluateDutyForTenant);
