import type { MatterOutcome } from '../matters/kinds';

/**
 * The provincial rollup (省厅汇总): per county and period (ISO week or month), aggregates only —
 * counts and rates, never a name, phone, address or id of a resident or an officer. The province
 * row is the sum of its counties' rows (rates recomputed from the summed counts).
 */
export interface RollupFigures {
  /** Villages (行政村/社区) of the county, and those with at least one visit in the period. */
  villages: number;
  villagesVisited: number;
  /** villagesVisited / villages (0–1, 4 decimals); null without villages. */
  coverage: number | null;
  duty: { evaluated: number; met: number; excused: number; short: number; violation: number; rate: number | null };
  matters: {
    total: number;
    byCategory: Array<{ categoryId: string; name: string; count: number }>;
    /** Outcomes of the matters closed in the period; `open` = taken in and not closed yet. */
    byOutcome: Record<MatterOutcome | 'open', number>;
    closed: number;
    closedOnTime: number;
    onTimeRate: number | null;
  };
  disputes: { total: number; resolvedAtVillage: number; escalated: number; turnedIntoCase: number };
  visits: number;
  intelCollected: number;
}

export interface CountyRollup {
  provinceId: string;
  countyId: string;
  countyName: string;
  periodType: 'week' | 'month';
  period: string;
  figures: RollupFigures;
  /** The composite index the counties are ranked by (0–100), and the rank. */
  index: number;
  rank: number;
  generatedAt: string;
}

export interface ProvinceRollup {
  provinceId: string;
  periodType: 'week' | 'month';
  period: string;
  counties: CountyRollup[];
  total: RollupFigures;
  generatedAt: string;
}

export interface RollupTrend {
  provinceId: string;
  periodType: 'week' | 'month';
  periods: string[];
  counties: Array<{ countyId: string; countyName: string; points: Array<{ period: string; matters: number; coverage: number | null; dutyRate: number | null; onTimeRate: number | null; index: number } | null> }>;
}

const round4 = (n: number) => Math.round((n + Number.EPSILON) * 10_000) / 10_000;
export const rateOf = (part: number, whole: number): number | null => (whole > 0 ? round4(part / whole) : null);

/**
 * The index counties are ranked by: coverage 40 %, duty compliance 30 %, matters on time 30 %
 * (a missing rate counts 0). Equal indexes share a rank; the order among them is by county code.
 */
export function countyIndex(f: RollupFigures): number {
  return Math.round(((f.coverage ?? 0) * 40 + (f.duty.rate ?? 0) * 30 + (f.matters.onTimeRate ?? 0) * 30) * 100) / 100;
}

const OUTCOME_KEYS = ['resolved', 'partially_resolved', 'unresolved', 'not_responsible', 'open'] as const;

export function emptyFigures(): RollupFigures {
  return {
    villages: 0,
    villagesVisited: 0,
    coverage: null,
    duty: { evaluated: 0, met: 0, excused: 0, short: 0, violation: 0, rate: null },
    matters: { total: 0, byCategory: [], byOutcome: Object.fromEntries(OUTCOME_KEYS.map((k) => [k, 0])) as RollupFigures['matters']['byOutcome'], closed: 0, closedOnTime: 0, onTimeRate: null },
    disputes: { total: 0, resolvedAtVillage: 0, escalated: 0, turnedIntoCase: 0 },
    visits: 0,
    intelCollected: 0,
  };
}

/** The sum of counties' figures, rates recomputed from the summed counts. */
export function sumFigures(all: readonly RollupFigures[]): RollupFigures {
  const t = emptyFigures();
  const categories = new Map<string, { categoryId: string; name: string; count: number }>();
  for (const f of all) {
    t.villages += f.villages;
    t.villagesVisited += f.villagesVisited;
    for (const k of ['evaluated', 'met', 'excused', 'short', 'violation'] as const) t.duty[k] += f.duty[k];
    t.matters.total += f.matters.total;
    t.matters.closed += f.matters.closed;
    t.matters.closedOnTime += f.matters.closedOnTime;
    for (const k of OUTCOME_KEYS) t.matters.byOutcome[k] += f.matters.byOutcome[k] ?? 0;
    for (const c of f.matters.byCategory) {
      const sum = categories.get(c.categoryId) ?? { categoryId: c.categoryId, name: c.name, count: 0 };
      sum.count += c.count;
      categories.set(c.categoryId, sum);
    }
    for (const k of ['total', 'resolvedAtVillage', 'escalated', 'turnedIntoCase'] as const) t.disputes[k] += f.disputes[k];
    t.visits += f.visits;
    t.intelCollected += f.intelCollected;
  }
  t.coverage = rateOf(t.villagesVisited, t.villages);
  t.duty.rate = rateOf(t.duty.met + t.duty.excused, t.duty.evaluated);
  t.matters.onTimeRate = rateOf(t.matters.closedOnTime, t.matters.closed);
  t.matters.byCategory = [...categories.values()].sort((a, b) => b.count - a.count || a.categoryId.localeCompare(b.categoryId));
  return t;
}

/** Ranks counties by index (ties share a rank, listed by county code). */
export function rankCounties<T extends { countyId: string; index: number }>(rows: readonly T[]): Array<T & { rank: number }> {
  const sorted = [...rows].sort((a, b) => b.index - a.index || a.countyId.localeCompare(b.countyId));
  let rank = 0;
  return sorted.map((r, i) => {
    if (i === 0 || r.index !== sorted[i - 1]!.index) rank = i + 1;
    return { ...r, rank };
  });
}
