import { emptyFigures, type CountyRollup, type ProvinceRollup, type RollupFigures, type RollupTrend } from '@beatlink/shared/rollup/figures';

/** A small province of two counties for the dashboard's tests. */
export function figures(change: (f: RollupFigures) => void): RollupFigures {
  const f = emptyFigures();
  change(f);
  return f;
}

export function county(countyId: string, countyName: string, rank: number, index: number, change: (f: RollupFigures) => void): CountyRollup {
  return { provinceId: 'p1', countyId, countyName, periodType: 'week', period: '2026-W47', figures: figures(change), index, rank, generatedAt: '2026-11-23T21:00:00Z' };
}

export const COUNTY_A = county('330102', '上城县', 2, 61.5, (f) => {
  f.villages = 10;
  f.villagesVisited = 8;
  f.coverage = 0.8;
  f.duty = { evaluated: 20, met: 15, excused: 1, short: 3, violation: 1, rate: 0.8 };
  f.matters.total = 12;
  f.matters.closed = 10;
  f.matters.closedOnTime = 9;
  f.matters.onTimeRate = 0.9;
  f.matters.byCategory = [
    { categoryId: 'c1', name: '邻里纠纷', count: 7 },
    { categoryId: 'c2', name: '治安隐患', count: 5 },
  ];
  f.disputes = { total: 6, resolvedAtVillage: 5, escalated: 1, turnedIntoCase: 0 };
});

export const COUNTY_B = county('330101', '下城县', 1, 80, (f) => {
  f.villages = 5;
  f.villagesVisited = 5;
  f.coverage = 1;
  f.duty = { evaluated: 10, met: 10, excused: 0, short: 0, violation: 0, rate: 1 };
  f.matters.total = 3;
  f.matters.byCategory = [{ categoryId: 'c3', name: '其他诉求', count: 3 }];
});

export const ROLLUP: ProvinceRollup = {
  provinceId: 'p1',
  periodType: 'week',
  period: '2026-W47',
  counties: [COUNTY_A, COUNTY_B],
  total: figures((f) => {
    f.villages = 15;
    f.villagesVisited = 13;
    f.coverage = 0.8667;
    f.duty = { evaluated: 30, met: 25, excused: 1, short: 3, violation: 1, rate: 0.8667 };
    f.matters.total = 15;
    f.matters.closed = 10;
    f.matters.closedOnTime = 9;
    f.matters.onTimeRate = 0.9;
    f.disputes = { total: 6, resolvedAtVillage: 5, escalated: 1, turnedIntoCase: 0 };
  }),
  generatedAt: '2026-11-23T21:00:00Z',
};

export const TREND: RollupTrend = {
  provinceId: 'p1',
  periodType: 'week',
  periods: ['2026-W46', '2026-W47'],
  counties: [
    { countyId: '330101', countyName: '下城县', points: [null, { period: '2026-W47', matters: 3, coverage: 1, dutyRate: 1, onTimeRate: null, index: 80 }] },
    {
      countyId: '330102',
      countyName: '上城县',
      points: [
        { period: '2026-W46', matters: 9, coverage: 0.7, dutyRate: 0.75, onTimeRate: 0.5, index: 50.5 },
        { period: '2026-W47', matters: 12, coverage: 0.8, dutyRate: 0.8, onTimeRate: 0.9, index: 61.5 },
      ],
    },
  ],
};
