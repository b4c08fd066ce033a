import { sendReminders, type ReminderCounts } from '../services/notifications/reminders';
import type { DeliveryCounts } from '../services/notifications/delivery';
import { perTenantJob, type PerTenantJobResult } from './per-tenant-job';

/**
 * 提醒 every morning at 09:00 county time (schedules.ts): the contact officers' session today, the
 * community officers short of their days, make-ups due soon — then delivery. Per county (see
 * per-tenant-job.ts); a re-run the same day writes and sends nothing new.
 */
export type SendRemindersResult = PerTenantJobResult<'send-reminders', ReminderCounts & { delivery: DeliveryCounts }>;

export const handler = perTenantJob('send-reminders', sendReminders);
