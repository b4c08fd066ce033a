import type { ProvinceRollup, RollupQuery, RollupTrend, RollupTrendQuery } from '@beatlink/shared';
import { getStoredRollup, latestStoredPeriod, latestStoredRollups } from '../../data/rollups';
import { forbidden, notFound } from '../../lib/app-error';
import type { TenantContext } from '../../lib/tenant-context';

/**
 * Reading the provincial rollups: the caller's province comes only from his token
 * (`custom:provinceId`), and only `P#<provinceId>#…` is read — never a county's partition, so a
 * provincial account sees aggregates and nothing else.
 */
export function callerProvince(ctx: TenantContext): string {
  if (!ctx.provinceId) throw forbidden('该账号不属于任何省厅 / the account belongs to no province');
  return ctx.provinceId;
}

const noRollup = (period?: string) =>
  notFound('period', period ? `${period} 的省厅汇总不存在 / no rollup of ${period}` : '尚无省厅汇总 / no rollup stored yet');

/** GET /province/rollups: the period asked for, or the latest stored. */
export async function getProvinceRollup(ctx: TenantContext, query: RollupQuery): Promise<ProvinceRollup> {
  const provinceId = callerProvince(ctx);
  const period = query.period ?? (await latestStoredPeriod(provinceId, query.periodType));
  if (!period) throw noRollup();
  const { rollup } = await getStoredRollup(provinceId, query.periodType, period);
  if (!rollup) throw noRollup(period);
  return rollup;
}

type TrendPoint = RollupTrend['counties'][number]['points'][number];

/**
 * GET /province/rollups/trend: the last `count` stored periods, oldest first; every county that
 * appears in one of them, by code, with a null point where it has no row (not onboarded yet).
 */
export async function getProvinceTrend(ctx: TenantContext, query: RollupTrendQuery): Promise<RollupTrend> {
  const provinceId = callerProvince(ctx);
  const rollups = await latestStoredRollups(provinceId, query.periodType, query.count);
  const names = new Map<string, string>();
  for (const r of rollups) for (const c of r.counties) names.set(c.countyId, c.countyName);
  const counties = [...names.keys()].sort().map((countyId) => ({
    countyId,
    countyName: names.get(countyId)!,
    points: rollups.map((r): TrendPoint => {
      const c = r.counties.find((x) => x.countyId === countyId);
      if (!c) return null;
      const f = c.figures;
      return { period: r.period, matters: f.matters.total, coverage: f.coverage, dutyRate: f.duty.rate, onTimeRate: f.matters.onTimeRate, index: c.index };
    }),
  }));
  return { provinceId, periodType: query.periodType, periods: rollups.map((r) => r.period), counties };
}
