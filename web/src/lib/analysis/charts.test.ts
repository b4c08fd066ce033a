import { describe, expect, it } from 'vitest';
import { categoryOption, periodTick, trendOption, villageOption } from './charts';

const village = (name: string, count: number, previous: number, hot = false) => ({ villageId: `vil_${name}`, villageName: name, stationId: 'stn_1', count, previous, change: count - previous, hot });

describe('report charts', () => {
  it('labels periods shortly', () => {
    expect(periodTick('2026-W08')).toBe('第8周');
    expect(periodTick('2026-10-02')).toBe('10-02');
    expect(periodTick('x')).toBe('x');
  });

  it('draws the trend oldest first', () => {
    const option = trendOption({ trend: [{ period: '2026-W46', matters: 3 }, { period: '2026-W47', matters: 5 }] });
    expect(option.xAxis.data).toEqual(['第46周', '第47周']);
    expect(option.series[0]!.data).toEqual([3, 5]);
    expect(option.series[0]!.type).toBe('line');
  });

  it('rings kinds inside categories, leaving out empty rows', () => {
    const option = categoryOption({
      byKind: [{ key: 'dispute', name: '矛盾纠纷', count: 4 }, { key: 'hazard', name: '安全隐患', count: 0 }],
      byCategory: [{ key: 'neighbour', name: '邻里纠纷', count: 4 }],
    });
    expect(option.series.map((s) => s.type)).toEqual(['pie', 'pie']);
    expect(option.series[0]!.data).toEqual([{ name: '矛盾纠纷', value: 4 }]);
    expect(option.series[1]!.data).toEqual([{ name: '邻里纠纷', value: 4 }]);
  });

  it('ranks villages with the hot ones in red, against the period before', () => {
    const option = villageOption({ byVillage: [village('东村', 6, 1, true), village('西村', 3, 3)] });
    expect(option.yAxis.data).toEqual(['东村（热点）', '西村']);
    expect(option.series[0]!.data).toEqual([
      { value: 6, itemStyle: { color: '#cf1322' } },
      { value: 3, itemStyle: { color: '#1f4e9c' } },
    ]);
    expect(option.series[1]!.data).toEqual([1, 3]);
    expect(villageOption({ byVillage: Array.from({ length: 20 }, (_, i) => village(`村${i}`, 20 - i, 0)) }).yAxis.data).toHaveLength(15);
  });
});
