import type { Context } from 'aws-lambda';
import { z } from 'zod';
import { countyCodeSchema } from '@beatlink/shared';
import { listTenants } from '../data/tenants';
import { isoNow } from '../lib/clock';
import { logger } from '../lib/logger';
import { superviseTenant, type SupervisionCounts } from '../services/matters/supervision';

/**
 * 督导 every 15 minutes (schedules.ts): reminders before a deadline, overdue marks and urges after
 * it, escalation up the ladder — for one county (`tenantId`, as the local scheduler and
 * `npm run job` send it) or for every active county (EventBridge Scheduler sends
 * `{job, perTenant: true}`). `at` is the injectable clock; absent, now.
 */
const eventSchema = z.object({
  job: z.literal('supervise-matters'),
  tenantId: countyCodeSchema.optional(),
  at: z.iso.datetime({ offset: true }).optional(),
  perTenant: z.boolean().optional(),
});

export interface TenantSupervision extends SupervisionCounts {
  tenantId: string;
  durationMs: number;
}

export interface SuperviseMattersResult {
  job: 'supervise-matters';
  at: string;
  tenants: TenantSupervision[];
}

async function activeTenantIds(): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listTenants({ limit: 100, ...(cursor ? { cursor } : {}) }, { attr: 'status', eq: 'active' });
    ids.push(...page.items.map((t) => t.tenantId));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

export async function handler(rawEvent: unknown, context?: Context): Promise<SuperviseMattersResult> {
  logger.resetKeys();
  if (context?.awsRequestId) logger.addContext(context);
  const parsed = eventSchema.safeParse(rawEvent);
  if (!parsed.success) {
    logger.error('invalid job event', { issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
    throw new Error(`supervise-matters: invalid event: ${parsed.error.message}`);
  }
  const event = parsed.data;
  const at = event.at ? new Date(event.at).toISOString() : isoNow();
  const tenantIds = event.tenantId ? [event.tenantId] : await activeTenantIds();
  logger.appendKeys({ job: event.job, at });

  const tenants: TenantSupervision[] = [];
  const failed: string[] = [];
  // One county's failure does not hold up the others; the run fails afterwards so the scheduler
  // retries it (a repeated run records nothing twice).
  for (const tenantId of tenantIds) {
    const started = Date.now();
    try {
      const counts = await superviseTenant(tenantId, at);
      const result = { tenantId, ...counts, durationMs: Date.now() - started };
      tenants.push(result);
      logger.info('supervision done', { ...result });
    } catch (error) {
      failed.push(tenantId);
      logger.error('supervision failed', { tenantId, errorName: (error as Error).name, error: error as Error });
    }
  }
  if (failed.length > 0) throw new Error(`supervise-matters failed for ${failed.join(', ')} at ${at}`);
  return { job: event.job, at, tenants };
}
