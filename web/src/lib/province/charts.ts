import type { CountyRollup, RollupTrend } from '@beatlink/shared/rollup/figures';
import { ratePercent, rollupPeriodTick } from './rollup';

/**
 * The ECharts options of the provincial dashboard, built from the rollup alone (pure, tested
 * without a canvas). Only bar and line series with grid, tooltip and legend: ProvinceCharts
 * registers exactly those.
 */

const COLORS = ['#1f4e9c', '#389e0d', '#d48806', '#cf1322', '#722ed1', '#08979c', '#c41d7f', '#7cb305', '#531dab', '#595959'];

const byRank = (counties: readonly CountyRollup[]) => [...counties].sort((a, b) => a.rank - b.rank || a.countyId.localeCompare(b.countyId));

/** 县局对比: coverage, duty and on-time rates (percent) side by side per county, by rank. */
export function ratesOption(counties: readonly CountyRollup[]) {
  const rows = byRank(counties);
  const series = [
    { name: '行政村覆盖率', rate: (c: CountyRollup) => c.figures.coverage },
    { name: '履职达标率', rate: (c: CountyRollup) => c.figures.duty.rate },
    { name: '按期办结率', rate: (c: CountyRollup) => c.figures.matters.onTimeRate },
  ];
  return {
    animation: false,
    color: COLORS,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—') },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((c) => c.countyName), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: series.map((s) => ({ name: s.name, type: 'bar', barMaxWidth: 18, data: rows.map((c) => ratePercent(s.rate(c))) })),
  };
}

/**
 * 事项分类: matters per county stacked by category; the province's biggest categories each get a
 * colour, the rest are summed as 其他 so the legend stays readable.
 */
export function categoriesOption(counties: readonly CountyRollup[], top = 8) {
  const rows = byRank(counties);
  const totals = new Map<string, { name: string; count: number }>();
  for (const c of rows) {
    for (const cat of c.figures.matters.byCategory) {
      const t = totals.get(cat.categoryId) ?? { name: cat.name, count: 0 };
      t.count += cat.count;
      totals.set(cat.categoryId, t);
    }
  }
  const ranked = [...totals.entries()].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
  const shown = ranked.slice(0, top);
  const rest = new Set(ranked.slice(top).map(([id]) => id));
  const countOf = (c: CountyRollup, id: string) => c.figures.matters.byCategory.find((x) => x.categoryId === id)?.count ?? 0;
  const series = shown.map(([id, t]) => ({ name: t.name, type: 'bar', stack: 'matters', barMaxWidth: 28, data: rows.map((c) => countOf(c, id)) }));
  if (rest.size > 0) {
    series.push({
      name: '其他',
      type: 'bar',
      stack: 'matters',
      barMaxWidth: 28,
      data: rows.map((c) => c.figures.matters.byCategory.filter((x) => rest.has(x.categoryId)).reduce((s, x) => s + x.count, 0)),
    });
  }
  return {
    animation: false,
    color: COLORS,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((c) => c.countyName), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series,
  };
}

export const TREND_METRICS = ['index', 'matters', 'coverage', 'dutyRate', 'onTimeRate'] as const;
export type TrendMetric = (typeof TREND_METRICS)[number];
export const TREND_METRIC_LABELS: Record<TrendMetric, string> = {
  index: '综合指数',
  matters: '受理事项',
  coverage: '行政村覆盖率',
  dutyRate: '履职达标率',
  onTimeRate: '按期办结率',
};

const isRate = (metric: TrendMetric) => metric === 'coverage' || metric === 'dutyRate' || metric === 'onTimeRate';

/** 趋势: one line per county over the periods (oldest first); a period without a rollup is a gap. */
export function trendOption(trend: RollupTrend, metric: TrendMetric) {
  const periods = [...trend.periods];
  const value = (point: RollupTrend['counties'][number]['points'][number]): number | null => {
    if (!point) return null;
    if (isRate(metric)) return ratePercent(point[metric as 'coverage' | 'dutyRate' | 'onTimeRate']);
    return point[metric as 'index' | 'matters'];
  };
  return {
    animation: false,
    color: COLORS,
    tooltip: { trigger: 'axis', ...(isRate(metric) ? { valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—') } : {}) },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', boundaryGap: false, data: periods.map(rollupPeriodTick) },
    yAxis: isRate(metric) ? { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } } : metric === 'index' ? { type: 'value', min: 0, max: 100 } : { type: 'value', minInterval: 1 },
    series: trend.counties.map((county) => ({
      name: county.countyName,
      type: 'line',
      symbolSize: 6,
      connectNulls: false,
      // Points are matched by their period (a missing one is null), not by position.
      data: periods.map((period) => value(county.points.find((p) => p?.period === period) ?? null)),
    })),
  };
}
