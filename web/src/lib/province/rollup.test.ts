import { describe, expect, it } from 'vitest';
import { countyRows, exportFileName, formatRate, kpiCards, periodChoices, ratePercent, rollupPeriodLabel, rollupPeriodTick } from './rollup';
import { ROLLUP, TREND } from './rollup.fixture';

describe('rates', () => {
  it('show as percent with one decimal, a missing rate as a dash', () => {
    expect(formatRate(0.8667)).toBe('86.7%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(0)).toBe('0.0%');
    expect(formatRate(null)).toBe('—');
    expect(formatRate(undefined)).toBe('—');
    expect(ratePercent(0.12345)).toBe(12.3);
    expect(ratePercent(null)).toBeNull();
  });
});

describe('periods', () => {
  it('are labelled in Chinese, a week with its dates', () => {
    expect(rollupPeriodLabel('2026-W47')).toBe('2026年第47周（11-16至11-22）');
    expect(rollupPeriodLabel('2026-10')).toBe('2026年10月');
    expect(rollupPeriodLabel('x')).toBe('x');
    expect(rollupPeriodTick('2026-W05')).toBe('第5周');
    expect(rollupPeriodTick('2026-03')).toBe('3月');
  });

  it('to choose from are the trend’s and the shown one, newest first, once each', () => {
    expect(periodChoices(TREND, '2026-W47').map((c) => c.value)).toEqual(['2026-W47', '2026-W46']);
    expect(periodChoices(TREND, '2026-W40').map((c) => c.value)).toEqual(['2026-W47', '2026-W46', '2026-W40']);
    expect(periodChoices(undefined, '2026-10')).toEqual([{ value: '2026-10', label: '2026年10月' }]);
    expect(periodChoices(undefined, undefined)).toEqual([]);
  });
});

describe('the province figures', () => {
  it('give the five headline cards', () => {
    const cards = kpiCards(ROLLUP.total);
    expect(cards.map((c) => [c.key, c.value])).toEqual([
      ['coverage', '86.7%'],
      ['duty', '86.7%'],
      ['matters', '15 件'],
      ['onTime', '90.0%'],
      ['disputes', '5 / 6'],
    ]);
    expect(cards[0]!.detail).toBe('13 / 15 个村（社区）有走访');
    expect(cards[4]!.detail).toBe('就地化解率 83.3%');
  });

  it('list the counties by rank with their rates', () => {
    const rows = countyRows(ROLLUP.counties);
    expect(rows.map((r) => r.countyName)).toEqual(['下城县', '上城县']);
    expect(rows[1]).toEqual({ countyId: '330102', countyName: '上城县', coverage: '80.0%', dutyRate: '80.0%', matters: 12, onTimeRate: '90.0%', disputes: '6 / 5', index: '61.50', rank: 2 });
    expect(rows[0]!.onTimeRate).toBe('—');
  });

  it('name the export after the period', () => {
    expect(exportFileName(ROLLUP)).toBe('全省汇总-2026-W47.xlsx');
  });
});
