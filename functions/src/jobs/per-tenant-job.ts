import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { countyCodeSchema } from '@beatlink/shared';
import { listTenants } from '../data/tenants';
import { isoNow } from '../lib/clock';
import { logger } from '../lib/logger';
import { runInTenant } from '../lib/tenant-scope';

/**
 * The shape every per-county job shares (schedules.ts `perTenant`): the event names one county
 * (`tenantId`, as the local scheduler and `npm run job` send it) or none (EventBridge Scheduler
 * sends `{job, perTenant: true}`: every active county); `at` is the injectable clock. One
 * county's failure does not hold up the others; the run fails afterwards so the scheduler retries
 * it — jobs are written so that a repeated run records nothing twice. Listing the counties reads
 * the tenant registry (platform items) outside any scope; each county's run is inside
 * `runInTenant(county)`: in AWS with that county's tenant-scoped credentials.
 */
const eventSchema = z.object({
  job: z.string(),
  tenantId: countyCodeSchema.optional(),
  at: z.iso.datetime({ offset: true }).optional(),
  perTenant: z.boolean().optional(),
});

export interface PerTenantJobResult<Job extends string, R> {
  job: Job;
  at: string;
  tenants: Array<R & { tenantId: string; durationMs: number }>;
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

export function perTenantJob<Job extends string, R extends object>(job: Job, run: (tenantId: string, at: string) => Promise<R>) {
  return async function handler(rawEvent: unknown, context?: Context): Promise<PerTenantJobResult<Job, R>> {
    logger.resetKeys();
    if (context?.awsRequestId) logger.addContext(context);
    const parsed = eventSchema.extend({ job: z.literal(job) }).safeParse(rawEvent);
    if (!parsed.success) {
      logger.error('invalid job event', { issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
      throw new Error(`${job}: invalid event: ${parsed.error.message}`);
    }
    const event = parsed.data;
    const at = event.at ? new Date(event.at).toISOString() : isoNow();
    const tenantIds = event.tenantId ? [event.tenantId] : await activeTenantIds();
    logger.appendKeys({ job, at });

    const tenants: PerTenantJobResult<Job, R>['tenants'] = [];
    const failed: string[] = [];
    for (const tenantId of tenantIds) {
      const started = Date.now();
      try {
        const result = { tenantId, ...(await runInTenant(tenantId, () => run(tenantId, at))), durationMs: Date.now() - started };
        tenants.push(result);
        logger.info(`${job} done`, { ...result });
      } catch (error) {
        failed.push(tenantId);
        logger.error(`${job} failed`, { tenantId, errorName: (error as Error).name, error: error as Error });
      }
    }
    if (failed.length > 0) throw new Error(`${job} failed for ${failed.join(', ')} at ${at}`);
    return { job, at, tenants };
  };
}
