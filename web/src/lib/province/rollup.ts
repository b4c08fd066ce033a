import type { CountyRollup, ProvinceRollup, RollupFigures, RollupTrend } from '@beatlink/shared/rollup/figures';
import { isoWeekDate } from '@beatlink/shared/duty/iso-week';

/**
 * The provincial dashboard (全省汇总) from the rollup the API answers: figures, never a person.
 * Pure, so the cards and the county table are tested without a page.
 */

export type RollupPeriodType = ProvinceRollup['periodType'];

export const PERIOD_TYPE_LABELS: Record<RollupPeriodType, string> = { week: '周', month: '月' };

/** `0.8765` → `87.7%`; no rate (nothing to rate) → `—`. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** A rate as a percent number for a chart (one decimal); no rate → null (a gap, not a zero). */
export function ratePercent(rate: number | null | undefined): number | null {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return null;
  return Math.round(rate * 1000) / 10;
}

/** `2026-W47` → `2026年第47周（11-16至11-22）`, `2026-10` → `2026年10月`. */
export function rollupPeriodLabel(period: string): string {
  const week = /^(\d{4})-W(\d{2})$/.exec(period);
  if (week) {
    const from = isoWeekDate(period, 1).slice(5);
    const to = isoWeekDate(period, 7).slice(5);
    return `${week[1]}年第${Number(week[2])}周（${from}至${to}）`;
  }
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return `${month[1]}年${Number(month[2])}月`;
  return period;
}

/** A short axis tick: `2026-W47` → `第47周`, `2026-10` → `10月`. */
export function rollupPeriodTick(period: string): string {
  const week = /^\d{4}-W(\d{2})$/.exec(period);
  if (week) return `第${Number(week[1])}周`;
  const month = /^\d{4}-(\d{2})$/.exec(period);
  if (month) return `${Number(month[1])}月`;
  return period;
}

/**
 * The periods to choose from, newest first: the trend's periods plus the one shown (the trend may
 * not reach it), without repeats. ISO weeks and months sort as text.
 */
export function periodChoices(trend: Pick<RollupTrend, 'periods'> | undefined, shown: string | undefined): Array<{ value: string; label: string }> {
  const all = new Set<string>([...(trend?.periods ?? []), ...(shown ? [shown] : [])]);
  return [...all].sort((a, b) => b.localeCompare(a)).map((value) => ({ value, label: rollupPeriodLabel(value) }));
}

export interface KpiCard {
  key: 'coverage' | 'duty' | 'matters' | 'onTime' | 'disputes';
  label: string;
  value: string;
  /** What the value is of (counts behind a rate). */
  detail: string;
}

/** The province's headline figures (覆盖率, 履职达标率, 受理事项, 按期办结率, 矛盾就地化解). */
export function kpiCards(total: RollupFigures): KpiCard[] {
  const d = total.disputes;
  return [
    { key: 'coverage', label: '行政村覆盖率', value: formatRate(total.coverage), detail: `${total.villagesVisited} / ${total.villages} 个村（社区）有走访` },
    { key: 'duty', label: '履职达标率', value: formatRate(total.duty.rate), detail: `达标 ${total.duty.met}、报备 ${total.duty.excused} / 评估 ${total.duty.evaluated} 人周` },
    { key: 'matters', label: '受理事项', value: `${total.matters.total} 件`, detail: `办结 ${total.matters.closed} 件` },
    { key: 'onTime', label: '按期办结率', value: formatRate(total.matters.onTimeRate), detail: `按期 ${total.matters.closedOnTime} / 办结 ${total.matters.closed} 件` },
    { key: 'disputes', label: '矛盾就地化解', value: `${d.resolvedAtVillage} / ${d.total}`, detail: `就地化解率 ${formatRate(d.total > 0 ? d.resolvedAtVillage / d.total : null)}` },
  ];
}

export interface CountyRow {
  countyId: string;
  countyName: string;
  coverage: string;
  dutyRate: string;
  matters: number;
  onTimeRate: string;
  disputes: string;
  index: string;
  rank: number;
}

/** The county comparison table, by rank (ties by county code, as the API ranks them). */
export function countyRows(counties: readonly CountyRollup[]): CountyRow[] {
  return [...counties]
    .sort((a, b) => a.rank - b.rank || a.countyId.localeCompare(b.countyId))
    .map((c) => ({
      countyId: c.countyId,
      countyName: c.countyName,
      coverage: formatRate(c.figures.coverage),
      dutyRate: formatRate(c.figures.duty.rate),
      matters: c.figures.matters.total,
      onTimeRate: formatRate(c.figures.matters.onTimeRate),
      disputes: `${c.figures.disputes.total} / ${c.figures.disputes.resolvedAtVillage}`,
      index: c.index.toFixed(2),
      rank: c.rank,
    }));
}

/** The Excel file's name when the answer names none. */
export function exportFileName(rollup: Pick<ProvinceRollup, 'periodType' | 'period'>): string {
  return `全省汇总-${rollup.period}.xlsx`;
}
