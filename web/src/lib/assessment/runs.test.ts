import { describe, expect, it } from 'vitest';
import type { ScoreRun } from '@beatlink/shared/assessment/views';
import { periodTypeOf, periodsOfRuns, pickPeriod, previousPeriod, runBody, runProblems, supersededOf } from './runs';

const run = (period: string, version: number, status: ScoreRun['status'] = 'published'): ScoreRun => ({
  tenantId: 't',
  period,
  periodType: period.includes('Q') ? 'quarter' : 'month',
  version,
  rulesVersion: 0,
  reason: version === 1 ? '月度自动考核' : '补录后重新计算',
  status,
  officers: 3,
  agencies: 1,
  groups: [],
  computedAt: '2026-11-01T00:00:00Z',
  computedBy: 'u',
  computedByName: '王',
});

describe('score runs', () => {
  const periods = periodsOfRuns([run('2026-09', 1), run('2026-10', 1, 'superseded'), run('2026-10', 2), run('2026-Q3', 1)]);

  it('groups the versions by period, newest first, the published one current', () => {
    expect(periods.map((p) => p.period)).toEqual(['2026-Q3', '2026-10', '2026-09']);
    const october = periods.find((p) => p.period === '2026-10')!;
    expect(october.current?.version).toBe(2);
    expect(october.label).toBe('2026年10月');
    expect(supersededOf(october).map((v) => v.version)).toEqual([1]);
  });

  it('picks the period asked for, else the newest of the type', () => {
    expect(pickPeriod(periods, '2026-08', 'month')).toBe('2026-08');
    expect(pickPeriod(periods, 'junk', 'month')).toBe('2026-10');
    expect(pickPeriod(periods, null, 'quarter')).toBe('2026-Q3');
    expect(pickPeriod([], null, 'month')).toBeUndefined();
    expect(periodTypeOf('2026-Q4')).toBe('quarter');
    expect(periodTypeOf('2026-13')).toBeUndefined();
  });

  it('offers the previous period and asks a reason for a recomputation', () => {
    expect(previousPeriod('2026-01-15', 'month')).toBe('2025-12');
    expect(previousPeriod('2026-11-02', 'month')).toBe('2026-10');
    expect(previousPeriod('2026-02-01', 'quarter')).toBe('2025-Q4');
    expect(previousPeriod('2026-11-02', 'quarter')).toBe('2026-Q3');
    expect(runProblems('2026-10', '', periods)).toEqual({ reason: '该期已有考核结果，重新计算须填写原因' });
    expect(runProblems('2026-11', '', periods)).toEqual({});
    expect(runProblems('2026/11', '', periods).period).toBeDefined();
    expect(runBody(' 2026-10 ', ' 补录 ')).toEqual({ period: '2026-10', reason: '补录' });
    expect(runBody('2026-11', ' ')).toEqual({ period: '2026-11' });
  });
});
