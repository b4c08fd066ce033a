import { INDICATOR_DEFS, type IndicatorId } from '@beatlink/shared/assessment/indicators';
import type { ScoreItem } from '@beatlink/shared/assessment/scoring';

/** How a score explains itself in the portal: raw values, targets and points as the office reads them. */

/** 0.9375 → `93.75%` (at most two decimals, no trailing zeros). */
export function percentText(rate: number): string {
  return `${Number((rate * 100).toFixed(2))}%`;
}

/** Points to two decimals without trailing zeros: 12.5 → `12.5`, −5 → `-5`. */
export function pointsText(points: number): string {
  const n = Number(points.toFixed(2));
  return Object.is(n, -0) ? '0' : String(n);
}

/** A signed change: +3.25 / -1 / 0. */
export function signedText(delta: number): string {
  const text = pointsText(delta);
  return delta > 0 ? `+${text}` : text;
}

/** 原始值: a rate as % with its numerator/denominator, a count as is; 不适用 when nothing to rate. */
export function rawValueText(item: Pick<ScoreItem, 'kind' | 'raw' | 'numerator' | 'denominator' | 'applicable'>): string {
  if (!item.applicable || item.raw === null) return item.kind === 'rate' ? '不适用（无可计数据）' : '不适用';
  if (item.kind === 'rate') return `${percentText(item.raw)}（${item.numerator ?? 0}/${item.denominator ?? 0}）`;
  return item.kind === 'deduction' ? `${item.raw} 次` : String(item.raw);
}

/** 满分标准: the rate or count that earns full points; a deduction's per-unit and cap. */
export function targetText(item: Pick<ScoreItem, 'kind' | 'target' | 'perUnit' | 'cap'>): string {
  if (item.kind === 'deduction') return `每次扣 ${pointsText(item.perUnit ?? 0)} 分${item.cap !== undefined ? `，最多扣 ${pointsText(item.cap)} 分` : ''}`;
  if (item.target === undefined) return '—';
  return item.kind === 'rate' ? percentText(item.target) : `${pointsText(item.target)}`;
}

/** 折算系数: 1 → `1（全部指标适用）`, else the factor the applicable items were scaled by. */
export function scaleText(scale: number): string {
  return scale === 1 ? '1（全部指标适用）' : `${Number(scale.toFixed(4))}（不适用指标的权重按比例折算到其余指标）`;
}

export const indicatorName = (id: IndicatorId): string => INDICATOR_DEFS[id]?.zh ?? id;
export const indicatorBasis = (id: IndicatorId): string => INDICATOR_DEFS[id]?.basis ?? '';

/** The rows of a list answer, whichever shape the API chose: an array, a page `{items}` or `{rows}`. */
export function rowsOf<T>(answer: unknown): T[] {
  if (Array.isArray(answer)) return answer as T[];
  if (answer && typeof answer === 'object') {
    const { items, rows } = answer as { items?: unknown; rows?: unknown };
    if (Array.isArray(items)) return items as T[];
    if (Array.isArray(rows)) return rows as T[];
  }
  return [];
}

/** An indicator's raw value in a score, for a ranking column: `95%（19/20）`, a count, or — when absent. */
export function indicatorCell(items: readonly ScoreItem[], indicator: IndicatorId): string {
  const item = items.find((i) => i.indicator === indicator);
  return item ? rawValueText(item) : '—';
}

/** The period of an answer that names it (`{ period, rows }`), if any. */
export function periodOfAnswer(answer: unknown): string | undefined {
  if (answer && typeof answer === 'object' && !Array.isArray(answer)) {
    const { period, run } = answer as { period?: unknown; run?: { period?: unknown } };
    if (typeof period === 'string') return period;
    if (run && typeof run.period === 'string') return run.period;
  }
  return undefined;
}
