import {
  DISPUTE_STAGES,
  DISPUTE_STAGE_LABELS,
  DISPUTE_TYPES,
  DISPUTE_TYPE_LABELS,
  RISK_LEVELS,
  RISK_LEVEL_LABELS,
} from '@beatlink/shared/matters/kinds';
import type { DisputeFigures } from '@beatlink/shared/matters/views';
import { zonedDate } from '@beatlink/shared/time-zone';

/** One figure with its share of all disputes in the period (0–100, one decimal). */
export interface FigureShare {
  key: string;
  label: string;
  count: number;
  percent: number;
}

const share = (count: number, total: number) => (total > 0 ? Math.round((count / total) * 1000) / 10 : 0);

/**
 * "矛盾不上交、不转化、不升级": resolved at village level, escalated and turned into a case, each
 * as its own share of all disputes. They are never added up (a dispute may be none of them).
 */
export function outcomeShares(figures: DisputeFigures): FigureShare[] {
  return [
    { key: 'resolvedAtVillage', label: '村级化解', count: figures.resolvedAtVillage, percent: share(figures.resolvedAtVillage, figures.total) },
    { key: 'escalated', label: '上交', count: figures.escalated, percent: share(figures.escalated, figures.total) },
    { key: 'turnedIntoCase', label: '转为案件', count: figures.turnedIntoCase, percent: share(figures.turnedIntoCase, figures.total) },
  ];
}

function breakdown<K extends string>(keys: readonly K[], counts: Partial<Record<K, number>>, label: (k: K) => string, total: number): FigureShare[] {
  return keys.map((key) => ({ key, label: label(key), count: counts[key] ?? 0, percent: share(counts[key] ?? 0, total) }));
}

export function stageShares(figures: DisputeFigures): FigureShare[] {
  return breakdown(DISPUTE_STAGES, figures.byStage, (k) => DISPUTE_STAGE_LABELS[k].zh, figures.total);
}

export function riskShares(figures: DisputeFigures): FigureShare[] {
  return breakdown(RISK_LEVELS, figures.byRisk, (k) => RISK_LEVEL_LABELS[k].zh, figures.total);
}

export function typeShares(figures: DisputeFigures): FigureShare[] {
  return breakdown(DISPUTE_TYPES, figures.byType, (k) => DISPUTE_TYPE_LABELS[k].zh, figures.total);
}

/** The default period of the figures: the last 90 days up to today, in the county's zone. */
export function defaultPeriod(now: string, timeZone = 'Asia/Shanghai', days = 90): { from: string; to: string } {
  const to = zonedDate(now, timeZone);
  const [y, m, d] = to.split('-').map(Number) as [number, number, number];
  const from = new Date(Date.UTC(y, m - 1, d - (days - 1))).toISOString().slice(0, 10);
  return { from, to };
}
