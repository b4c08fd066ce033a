import { describe, expect, it } from 'vitest';
import { countyIndex, emptyFigures, rankCounties, rateOf, sumFigures, type RollupFigures } from './figures';

function county(over: (f: RollupFigures) => void): RollupFigures {
  const f = emptyFigures();
  over(f);
  return f;
}

const A = county((f) => {
  f.villages = 10;
  f.villagesVisited = 9;
  f.coverage = 0.9;
  f.duty = { evaluated: 4, met: 3, excused: 0, short: 1, violation: 0, rate: 0.75 };
  f.matters.total = 5;
  f.matters.byCategory = [
    { categoryId: 'cat_a', name: '邻里纠纷', count: 3 },
    { categoryId: 'cat_b', name: '治安隐患', count: 2 },
  ];
  f.matters.byOutcome = { resolved: 2, partially_resolved: 0, unresolved: 0, not_responsible: 0, open: 3 };
  f.matters.closed = 2;
  f.matters.closedOnTime = 2;
  f.matters.onTimeRate = 1;
  f.disputes = { total: 3, resolvedAtVillage: 2, escalated: 1, turnedIntoCase: 0 };
  f.visits = 20;
  f.intelCollected = 4;
});

const B = county((f) => {
  f.villages = 30;
  f.villagesVisited = 6;
  f.coverage = 0.2;
  f.duty = { evaluated: 6, met: 2, excused: 1, short: 2, violation: 1, rate: 0.5 };
  f.matters.total = 8;
  f.matters.byCategory = [
    { categoryId: 'cat_b', name: '治安隐患', count: 6 },
    { categoryId: 'cat_c', name: '求助', count: 2 },
  ];
  f.matters.byOutcome = { resolved: 3, partially_resolved: 1, unresolved: 1, not_responsible: 1, open: 2 };
  f.matters.closed = 6;
  f.matters.closedOnTime = 3;
  f.matters.onTimeRate = 0.5;
  f.disputes = { total: 2, resolvedAtVillage: 1, escalated: 0, turnedIntoCase: 1 };
  f.visits = 7;
  f.intelCollected = 1;
});

describe('rateOf', () => {
  it('rounds to 4 decimals and is null without a whole', () => {
    expect(rateOf(1, 3)).toBe(0.3333);
    expect(rateOf(2, 3)).toBe(0.6667);
    expect(rateOf(0, 0)).toBeNull();
  });
});

describe('sumFigures', () => {
  it('adds the counts and recomputes the rates from the sums (not an average of rates)', () => {
    const t = sumFigures([A, B]);
    expect(t.villages).toBe(40);
    expect(t.villagesVisited).toBe(15);
    // 15/40, whereas the mean of 0.9 and 0.2 would be 0.55.
    expect(t.coverage).toBe(0.375);
    expect(t.duty).toEqual({ evaluated: 10, met: 5, excused: 1, short: 3, violation: 1, rate: 0.6 });
    expect(t.matters.total).toBe(13);
    expect(t.matters.closed).toBe(8);
    expect(t.matters.closedOnTime).toBe(5);
    expect(t.matters.onTimeRate).toBe(0.625);
    expect(t.matters.byOutcome).toEqual({ resolved: 5, partially_resolved: 1, unresolved: 1, not_responsible: 1, open: 5 });
    expect(t.disputes).toEqual({ total: 5, resolvedAtVillage: 3, escalated: 1, turnedIntoCase: 1 });
    expect(t.visits).toBe(27);
    expect(t.intelCollected).toBe(5);
  });

  it('merges the categories by id, most frequent first, ties by id', () => {
    const t = sumFigures([A, B]);
    expect(t.matters.byCategory).toEqual([
      { categoryId: 'cat_b', name: '治安隐患', count: 8 },
      { categoryId: 'cat_a', name: '邻里纠纷', count: 3 },
      { categoryId: 'cat_c', name: '求助', count: 2 },
    ]);
  });

  it('leaves the rates null when nothing was there to rate, and does not change its inputs', () => {
    const before = structuredClone(A);
    const t = sumFigures([emptyFigures(), emptyFigures()]);
    expect(t.coverage).toBeNull();
    expect(t.duty.rate).toBeNull();
    expect(t.matters.onTimeRate).toBeNull();
    expect(sumFigures([])).toEqual(emptyFigures());
    sumFigures([A, B]);
    expect(A).toEqual(before);
  });
});

describe('countyIndex', () => {
  it('weighs coverage 40, duty 30, on time 30', () => {
    // 0.9×40 + 0.75×30 + 1×30 = 36 + 22.5 + 30
    expect(countyIndex(A)).toBe(88.5);
    // 0.2×40 + 0.5×30 + 0.5×30 = 8 + 15 + 15
    expect(countyIndex(B)).toBe(38);
  });

  it('counts a missing rate as 0 and rounds to 2 decimals', () => {
    expect(countyIndex(emptyFigures())).toBe(0);
    const f = county((x) => {
      x.coverage = 0.3333;
    });
    expect(countyIndex(f)).toBe(13.33);
  });
});

describe('rankCounties', () => {
  it('ranks by index, equal indexes share a rank (listed by code), the next rank skips', () => {
    const ranked = rankCounties([
      { countyId: '370203', index: 70 },
      { countyId: '370202', index: 88.5 },
      { countyId: '370211', index: 70 },
      { countyId: '370201', index: 70 },
      { countyId: '370212', index: 12 },
    ]);
    expect(ranked.map((r) => [r.countyId, r.rank])).toEqual([
      ['370202', 1],
      ['370201', 2],
      ['370203', 2],
      ['370211', 2],
      ['370212', 5],
    ]);
  });

  it('keeps the other fields and handles no county', () => {
    expect(rankCounties([{ countyId: '370202', index: 1, countyName: '市南区' }])).toEqual([{ countyId: '370202', index: 1, countyName: '市南区', rank: 1 }]);
    expect(rankCounties([])).toEqual([]);
  });
});
