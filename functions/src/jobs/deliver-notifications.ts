import { deliverPendingNotifications, type DeliveryCounts } from '../services/notifications/delivery';
import { perTenantJob, type PerTenantJobResult } from './per-tenant-job';

/**
 * 通知投递 every 5 minutes (schedules.ts): the county's pending outbox items to inboxes, e-mail and
 * SMS, and the transient failures of earlier runs retried. Per county (see per-tenant-job.ts).
 */
export type DeliverNotificationsResult = PerTenantJobResult<'deliver-notifications', DeliveryCounts>;

export const handler = perTenantJob('deliver-notifications', (tenantId, at) => deliverPendingNotifications(tenantId, at));
