import { describe, expect, it } from 'vitest';
import type { DisputeFigures } from '@beatlink/shared/matters/views';
import { defaultPeriod, outcomeShares, riskShares, stageShares, typeShares } from './figures';

const figures: DisputeFigures = {
  from: '2026-01-01',
  to: '2026-03-31',
  total: 8,
  resolvedAtVillage: 5,
  escalated: 2,
  turnedIntoCase: 0,
  byStage: { before: 4, during: 3, after: 1 },
  byRisk: { high: 1, medium: 3, low: 4 },
  byType: { neighbour: 3, family: 2, land: 1, labour: 1, debt: 1, other: 0 },
};

describe('dispute figures', () => {
  it('shows village-level, escalated and case as three separate shares of the total, never summed', () => {
    const shares = outcomeShares(figures);
    expect(shares).toEqual([
      { key: 'resolvedAtVillage', label: '村级化解', count: 5, percent: 62.5 },
      { key: 'escalated', label: '上交', count: 2, percent: 25 },
      { key: 'turnedIntoCase', label: '转为案件', count: 0, percent: 0 },
    ]);
    expect(shares.find((s) => s.key === 'total')).toBeUndefined();
  });

  it('breaks the total down by stage, risk and type with Chinese labels', () => {
    expect(stageShares(figures).map((s) => `${s.label}${s.count}`)).toEqual(['事前化解4', '事中离解3', '事后调解1']);
    expect(riskShares(figures).map((s) => s.percent)).toEqual([12.5, 37.5, 50]);
    expect(typeShares(figures)[0]).toEqual({ key: 'neighbour', label: '邻里纠纷', count: 3, percent: 37.5 });
    expect(outcomeShares({ ...figures, total: 0, resolvedAtVillage: 0, escalated: 0 }).every((s) => s.percent === 0)).toBe(true);
  });

  it('defaults to the last 90 days of the county calendar', () => {
    expect(defaultPeriod('2026-05-12T17:00:00.000Z', 'Asia/Shanghai')).toEqual({ from: '2026-02-13', to: '2026-05-13' });
    expect(defaultPeriod('2026-03-01T00:00:00.000Z', 'Asia/Shanghai', 1)).toEqual({ from: '2026-03-01', to: '2026-03-01' });
  });
});
