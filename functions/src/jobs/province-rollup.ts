import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { isoNow } from '../lib/clock';
import { logger } from '../lib/logger';
import { provinceRollupJob, type RollupRun } from '../services/province/produce-rollups';

/**
 * 省厅汇总 (schedules.ts, daily 05:00): a platform job — EventBridge Scheduler sends
 * `{job, perTenant: false}`, the local scheduler and `npm run job` send `{job, at}` — that
 * produces every province's rollup of the last finished week and month. A period already stored
 * is answered as stored (nothing written), so the daily re-runs are cheap and idempotent. One
 * province's failure does not hold up the others; the run fails afterwards so the scheduler
 * retries it.
 */
const eventSchema = z.object({
  job: z.literal('province-rollup'),
  at: z.iso.datetime({ offset: true }).optional(),
  perTenant: z.literal(false).optional(),
});

export interface ProvinceRollupResult {
  job: 'province-rollup';
  at: string;
  rollups: RollupRun[];
}

export async function handler(rawEvent: unknown, context?: Context): Promise<ProvinceRollupResult> {
  logger.resetKeys();
  if (context?.awsRequestId) logger.addContext(context);
  const parsed = eventSchema.safeParse(rawEvent);
  if (!parsed.success) {
    logger.error('invalid job event', { issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
    throw new Error(`province-rollup: invalid event: ${parsed.error.message}`);
  }
  const at = parsed.data.at ? new Date(parsed.data.at).toISOString() : isoNow();
  logger.appendKeys({ job: 'province-rollup', at });

  const { runs, failed } = await provinceRollupJob(at);
  for (const run of runs) logger.info('province-rollup done', { ...run });
  for (const f of failed) logger.error('province-rollup failed', { provinceId: f.provinceId, periodType: f.periodType, period: f.period, errorName: f.error.name, error: f.error });
  if (failed.length > 0) throw new Error(`province-rollup failed for ${failed.map((f) => `${f.provinceId} ${f.period}`).join(', ')} at ${at}`);
  return { job: 'province-rollup', at, rollups: runs };
}
