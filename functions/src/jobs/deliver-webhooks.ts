import { deliverDueWebhooks, type DueDeliveryCounts } from '../services/integrations/webhook-deliveries';
import { perTenantJob, type PerTenantJobResult } from './per-tenant-job';

/**
 * Webhook retries every minute (schedules.ts): the county's pending deliveries that are due,
 * each attempted once with backoff after a failure. Per county (see per-tenant-job.ts).
 */
export type DeliverWebhooksResult = PerTenantJobResult<'deliver-webhooks', DueDeliveryCounts>;

export const handler = perTenantJob('deliver-webhooks', (tenantId, at) => deliverDueWebhooks(tenantId, at));
