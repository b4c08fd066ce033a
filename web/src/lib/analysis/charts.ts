import type { Report } from '@beatlink/shared/analysis/reports';

/**
 * The ECharts options of a report's three charts, built from the report alone (pure, so they are
 * tested without a canvas). Only line, bar and pie series with grid, tooltip and legend are used:
 * ReportCharts registers exactly those.
 */

const BLUE = '#1f4e9c';
const RED = '#cf1322';
const GREY = '#bfbfbf';

/** `2026-W48` → `第48周`, `2026-10-02` → `10-02`: short axis labels. */
export function periodTick(period: string): string {
  const week = /^\d{4}-W(\d{2})$/.exec(period);
  if (week) return `第${Number(week[1])}周`;
  return /^\d{4}-(\d{2}-\d{2})$/.exec(period)?.[1] ?? period;
}

/** 事项趋势: matters per period, oldest first (this period last). */
export function trendOption(report: Pick<Report, 'trend'>) {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', boundaryGap: false, data: report.trend.map((p) => periodTick(p.period)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: '事项数', type: 'line', smooth: true, symbolSize: 7, areaStyle: { opacity: 0.08 }, itemStyle: { color: BLUE }, data: report.trend.map((p) => p.matters) }],
  };
}

/** 分类构成: the kinds of matters (inner ring) and their categories (outer ring). */
export function categoryOption(report: Pick<Report, 'byKind' | 'byCategory'>) {
  const rows = (list: Report['byKind']) => list.filter((r) => r.count > 0).map((r) => ({ name: r.name, value: r.count }));
  return {
    animation: false,
    tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
    legend: { type: 'scroll', bottom: 0 },
    series: [
      { name: '事项类型', type: 'pie', radius: [0, '34%'], center: ['50%', '45%'], label: { position: 'inner', fontSize: 11 }, data: rows(report.byKind) },
      { name: '分类', type: 'pie', radius: ['46%', '64%'], center: ['50%', '45%'], label: { formatter: '{b} {c}' }, data: rows(report.byCategory) },
    ],
  };
}

/** 村排名: matters per village this period (hot villages in red) against the period before. */
export function villageOption(report: Pick<Report, 'byVillage'>, top = 15) {
  // Horizontal bars read top-down: the busiest village first, so the axis is reversed.
  const rows = report.byVillage.slice(0, top);
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: ['本期', '上期'], top: 0 },
    grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map((v) => (v.hot ? `${v.villageName}（热点）` : v.villageName)) },
    series: [
      { name: '本期', type: 'bar', barMaxWidth: 14, itemStyle: { color: BLUE }, data: rows.map((v) => ({ value: v.count, itemStyle: { color: v.hot ? RED : BLUE } })) },
      { name: '上期', type: 'bar', barMaxWidth: 14, itemStyle: { color: GREY }, data: rows.map((v) => v.previous) },
    ],
  };
}
