import { INDICATOR_DEFS, type IndicatorId, type IndicatorKind } from './indicators';
import type { IndicatorRule } from './rules';

/**
 * From an officer's (or agency's) facts to points, by the rules of his set. Pure and exact to the
 * hundredth: every item says its raw value, target, weight and points, so a score explains
 * itself and a test can check it by hand.
 */

/** What was measured for one indicator: a count, or a share with its numerator and denominator. */
export interface IndicatorFact {
  /** Count (count / deduction kinds) or numerator (rate). */
  value: number;
  /** Rates only: what the share is of; 0 → not applicable. */
  of?: number;
}

export type SubjectFacts = Partial<Record<IndicatorId, IndicatorFact>>;

export interface ScoreItem {
  indicator: IndicatorId;
  kind: IndicatorKind;
  /** The rate (0–1, 4 decimals) or the count; null when not applicable. */
  raw: number | null;
  numerator?: number;
  denominator?: number;
  /** The value that earns full points for this period (count: target × months). */
  target?: number;
  weight: number;
  perUnit?: number;
  cap?: number;
  /** Points before scaling (deductions negative). */
  points: number;
  applicable: boolean;
}

/** An accepted appeal's change of points (申诉调整). */
export interface ScoreAdjustment {
  appealId: string;
  indicator: IndicatorId;
  points: number;
  reason: string;
  at: string;
  by: string;
  byName: string;
}

export interface ScoreBreakdown {
  items: ScoreItem[];
  /** Σ weights of the set ÷ Σ weights of the applicable items (1 when all apply). */
  scale: number;
  /** Σ points of the applicable positive items × scale. */
  earned: number;
  /** Σ deduction points (≤ 0). */
  deductions: number;
  /** Σ appeal adjustments. */
  adjusted: number;
  /** earned + deductions + adjusted, never below 0. */
  total: number;
}

export const round2 = (n: number) => Math.round((n + Number.EPSILON) * 100) / 100;
const round4 = (n: number) => Math.round((n + Number.EPSILON) * 10_000) / 10_000;

export function scoreItem(rule: IndicatorRule, fact: IndicatorFact | undefined, months: number): ScoreItem {
  const kind = INDICATOR_DEFS[rule.indicator].kind;
  const base = { indicator: rule.indicator, kind, weight: rule.weight };
  if (kind === 'deduction') {
    const count = fact?.value ?? 0;
    const perUnit = rule.perUnit ?? 0;
    const cap = rule.cap ?? Number.POSITIVE_INFINITY;
    const points = -round2(Math.min(cap, perUnit * count));
    return { ...base, raw: count, perUnit, ...(rule.cap !== undefined ? { cap: rule.cap } : {}), points: points === 0 ? 0 : points, applicable: true };
  }
  if (kind === 'count') {
    const count = fact?.value ?? 0;
    const target = (rule.target ?? 1) * months;
    return { ...base, raw: count, target, points: round2(rule.weight * Math.min(1, target > 0 ? count / target : 1)), applicable: true };
  }
  const of = fact?.of ?? 0;
  const target = rule.target ?? 1;
  if (!fact || of <= 0) return { ...base, raw: null, numerator: fact?.value ?? 0, denominator: 0, target, points: 0, applicable: false };
  const rate = fact.value / of;
  return { ...base, raw: round4(rate), numerator: fact.value, denominator: of, target, points: round2(rule.weight * Math.min(1, rate / target)), applicable: true };
}

export function scoreSubject(rules: readonly IndicatorRule[], facts: SubjectFacts, months: number, adjustments: readonly Pick<ScoreAdjustment, 'points'>[] = []): ScoreBreakdown {
  const items = rules.map((rule) => scoreItem(rule, facts[rule.indicator], months));
  return totalOf(items, adjustments);
}

/** The totals of scored items (again after an appeal changes the adjustments). */
export function totalOf(items: ScoreItem[], adjustments: readonly Pick<ScoreAdjustment, 'points'>[]): ScoreBreakdown {
  const positive = items.filter((i) => i.kind !== 'deduction');
  const allWeight = positive.reduce((s, i) => s + i.weight, 0);
  const applicableWeight = positive.filter((i) => i.applicable).reduce((s, i) => s + i.weight, 0);
  const scale = applicableWeight > 0 ? allWeight / applicableWeight : 0;
  const earned = round2(positive.filter((i) => i.applicable).reduce((s, i) => s + i.points, 0) * scale);
  const deductions = round2(items.filter((i) => i.kind === 'deduction').reduce((s, i) => s + i.points, 0));
  const adjusted = round2(adjustments.reduce((s, a) => s + a.points, 0));
  return { items, scale: round4(scale), earned, deductions, adjusted, total: Math.max(0, round2(earned + deductions + adjusted)) };
}
