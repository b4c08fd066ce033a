import { describe, expect, it } from 'vitest';
import { indicatorCell, percentText, periodOfAnswer, pointsText, rawValueText, rowsOf, scaleText, signedText, targetText } from './format';

describe('assessment formatting', () => {
  it('shows rates as % with numerator and denominator, counts as they are', () => {
    expect(rawValueText({ kind: 'rate', raw: 0.9375, numerator: 15, denominator: 16, applicable: true })).toBe('93.75%（15/16）');
    expect(rawValueText({ kind: 'rate', raw: null, numerator: 0, denominator: 0, applicable: false })).toBe('不适用（无可计数据）');
    expect(rawValueText({ kind: 'count', raw: 38, applicable: true })).toBe('38');
    expect(rawValueText({ kind: 'deduction', raw: 2, applicable: true })).toBe('2 次');
  });

  it('shows targets, points and the scale', () => {
    expect(targetText({ kind: 'rate', target: 0.95 })).toBe('95%');
    expect(targetText({ kind: 'count', target: 120 })).toBe('120');
    expect(targetText({ kind: 'deduction', perUnit: 5, cap: 20 })).toBe('每次扣 5 分，最多扣 20 分');
    expect(percentText(1)).toBe('100%');
    expect(pointsText(12.5)).toBe('12.5');
    expect(pointsText(-0)).toBe('0');
    expect(signedText(3.25)).toBe('+3.25');
    expect(signedText(-1)).toBe('-1');
    expect(scaleText(1)).toBe('1（全部指标适用）');
    expect(scaleText(1.1765)).toMatch(/^1\.1765（/);
  });

  it('reads a list answer of any of the usual shapes', () => {
    expect(rowsOf<number>([1, 2])).toEqual([1, 2]);
    expect(rowsOf<number>({ items: [1], nextCursor: 'x' })).toEqual([1]);
    expect(rowsOf<number>({ period: '2026-10', rows: [3] })).toEqual([3]);
    expect(rowsOf<number>(undefined)).toEqual([]);
  });

  it('reads an indicator of a score and the period of an answer', () => {
    const items = [{ indicator: 'agency_returns', kind: 'deduction', raw: 2, weight: 0, points: -10, applicable: true }] as const;
    expect(indicatorCell([...items], 'agency_returns')).toBe('2 次');
    expect(indicatorCell([...items], 'agency_satisfaction')).toBe('—');
    expect(periodOfAnswer({ period: '2026-10', rows: [] })).toBe('2026-10');
    expect(periodOfAnswer({ run: { period: '2026-09' } })).toBe('2026-09');
    expect(periodOfAnswer([])).toBeUndefined();
  });
});
