import {
  countyIndex,
  DEFAULT_TENANT_CONFIG,
  previousMonth,
  rankCounties,
  sumFigures,
  type CountyRollup,
  type ProvinceRollup,
  type RollupPeriodType,
  type TenantRecord,
} from '@beatlink/shared';
import { lastFinishedWeek } from '@beatlink/shared/analysis/report-periods';
import { getStoredRollup, provinceTenants, writeRollup } from '../../data/rollups';
import { listTenants } from '../../data/tenants';
import { AppError, invalidField, notFound } from '../../lib/app-error';
import { mapLimited } from '../../lib/bounded-pool';
import { runInTenant } from '../../lib/tenant-scope';
import { countyFigures, rollupPeriodBounds } from './county-figures';

/**
 * Producing the provincial rollup (省厅汇总) of one finished week or month: every active county of
 * the province read once (county-figures.ts, four counties at a time), indexed, ranked, summed,
 * and written in one transaction conditional on the period not being stored. A period is written
 * once: a re-run, or a concurrent run that lost the race, answers the stored rollup and writes
 * nothing. Counties onboarded after a period was produced are not added to it.
 */

/** Counties computed at once: each is a handful of Queries; more would only crowd the table. */
const COUNTY_CONCURRENCY = 4;

/** The zone periods are named in for the province (the job's "last finished" week and month). */
const PROVINCE_TIME_ZONE = DEFAULT_TENANT_CONFIG.timeZone;

export interface RollupRun {
  provinceId: string;
  periodType: RollupPeriodType;
  period: string;
  created: boolean;
  counties: number;
  reads: number;
  durationMs: number;
}

export interface RollupFailure {
  provinceId: string;
  periodType: RollupPeriodType;
  period: string;
  error: Error;
}

function assertFinished(periodType: RollupPeriodType, period: string, at: string): void {
  const { to } = rollupPeriodBounds(periodType, period, PROVINCE_TIME_ZONE);
  if (Date.parse(at) <= to) throw invalidField('period', `${period} 尚未结束，只能汇总已结束的周期 / only a finished period can be rolled up`);
}

export async function produceRollup(provinceId: string, periodType: RollupPeriodType, period: string, at: string): Promise<{ rollup: ProvinceRollup; created: boolean; reads: number }> {
  assertFinished(periodType, period, at);
  const stored = await getStoredRollup(provinceId, periodType, period);
  if (stored.rollup) return { rollup: stored.rollup, created: false, reads: stored.reads };

  const tenants = await provinceTenants(provinceId);
  if (tenants.length === 0) throw notFound('provinceId', '该省没有已开通的县局 / the province has no active county');
  // `at` again per county: a county in a zone west of the province's may not have finished yet.
  // Each county's figures are read with that county's credentials (in AWS the platform role reaches no county data); the rollup is written as the platform.
  const computed = await mapLimited(tenants, COUNTY_CONCURRENCY, async (t) => ({ tenant: t, ...(await runInTenant(t.tenantId, () => countyFigures(t.tenantId, periodType, period, at))) }));
  let reads = stored.reads + tenants.length + computed.reduce((sum, c) => sum + c.reads, 0);

  const counties: CountyRollup[] = rankCounties(
    computed.map((c) => ({
      provinceId,
      countyId: c.tenant.tenantId,
      countyName: c.tenant.name,
      periodType,
      period,
      figures: c.figures,
      index: countyIndex(c.figures),
      generatedAt: at,
    })),
  );
  const rollup: ProvinceRollup = { provinceId, periodType, period, counties, total: sumFigures(counties.map((c) => c.figures)), generatedAt: at };

  const exists = new AppError('CONFLICT', 'rollup already stored');
  try {
    await writeRollup(rollup, exists);
    return { rollup, created: true, reads };
  } catch (error) {
    // Stored meanwhile, or a concurrent run's transaction on the same rows: the stored one wins.
    if (error === exists || (error instanceof AppError && error.code === 'CONFLICT')) {
      const again = await getStoredRollup(provinceId, periodType, period);
      reads += again.reads;
      if (again.rollup) return { rollup: again.rollup, created: false, reads };
    }
    throw error;
  }
}

/** Every active county, grouped by province (the registry's pages; no Scan). */
async function activeCountiesByProvince(): Promise<Map<string, TenantRecord[]>> {
  const byProvince = new Map<string, TenantRecord[]>();
  let cursor: string | undefined;
  do {
    const page = await listTenants({ limit: 100, ...(cursor ? { cursor } : {}) }, { attr: 'status', eq: 'active' });
    for (const t of page.items) byProvince.set(t.provinceId, [...(byProvince.get(t.provinceId) ?? []), t]);
    cursor = page.nextCursor;
  } while (cursor);
  return byProvince;
}

/**
 * Job province-rollup: for every province with an active county, the last finished ISO week and
 * the last finished month (named in the province's zone). One province or period failing does not
 * hold up the others; the failures are returned for the job to fail the run afterwards.
 */
export async function provinceRollupJob(at: string): Promise<{ runs: RollupRun[]; failed: RollupFailure[] }> {
  const periods: Array<[RollupPeriodType, string]> = [
    ['week', lastFinishedWeek(at, PROVINCE_TIME_ZONE)],
    ['month', previousMonth(at, PROVINCE_TIME_ZONE)],
  ];
  const provinces = [...(await activeCountiesByProvince()).keys()].sort();
  const runs: RollupRun[] = [];
  const failed: RollupFailure[] = [];
  for (const provinceId of provinces) {
    for (const [periodType, period] of periods) {
      const started = Date.now();
      try {
        const { rollup, created, reads } = await produceRollup(provinceId, periodType, period, at);
        runs.push({ provinceId, periodType, period, created, counties: rollup.counties.length, reads, durationMs: Date.now() - started });
      } catch (error) {
        failed.push({ provinceId, periodType, period, error: error as Error });
      }
    }
  }
  return { runs, failed };
}
