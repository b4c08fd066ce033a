import { describe, expect, it } from 'vitest';
import { categoriesOption, ratesOption, trendOption } from './charts';
import { COUNTY_A, COUNTY_B, TREND } from './rollup.fixture';

describe('county comparison', () => {
  it('puts the three rates of each county side by side, by rank, as percent', () => {
    const option = ratesOption([COUNTY_A, COUNTY_B]);
    expect(option.xAxis.data).toEqual(['下城县', '上城县']);
    expect(option.series.map((s) => s.name)).toEqual(['行政村覆盖率', '履职达标率', '按期办结率']);
    expect(option.series.map((s) => s.data)).toEqual([
      [100, 80],
      [100, 80],
      [null, 90],
    ]);
  });

  it('stacks the matters by category, the smaller categories as 其他', () => {
    const all = categoriesOption([COUNTY_A, COUNTY_B]);
    expect(all.series.map((s) => [s.name, s.data])).toEqual([
      ['邻里纠纷', [0, 7]],
      ['治安隐患', [0, 5]],
      ['其他诉求', [3, 0]],
    ]);
    const two = categoriesOption([COUNTY_A, COUNTY_B], 1);
    expect(two.series.map((s) => [s.name, s.data])).toEqual([
      ['邻里纠纷', [0, 7]],
      ['其他', [3, 5]],
    ]);
  });
});

describe('trend', () => {
  it('draws one line per county, a missing period as a gap', () => {
    const index = trendOption(TREND, 'index');
    expect(index.xAxis.data).toEqual(['第46周', '第47周']);
    expect(index.series.map((s) => [s.name, s.data])).toEqual([
      ['下城县', [null, 80]],
      ['上城县', [50.5, 61.5]],
    ]);
    expect(trendOption(TREND, 'matters').series[1]!.data).toEqual([9, 12]);
    const onTime = trendOption(TREND, 'onTimeRate');
    expect(onTime.series.map((s) => s.data)).toEqual([
      [null, null],
      [50, 90],
    ]);
    expect(onTime.yAxis).toMatchObject({ max: 100 });
  });
});
