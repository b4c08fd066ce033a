import { describe, expect, it } from 'vitest';
import {
  assignable,
  changeText,
  changeTrend,
  defaultGenerateDraft,
  generateProblem,
  periodLabel,
  pickReportType,
  reportHref,
  reportListQuery,
  reportTypeLabel,
  sortedCounts,
  totalCards,
  withAction,
} from './reports';

describe('reports', () => {
  it('labels the types and periods in Chinese', () => {
    expect(reportTypeLabel('weekly')).toBe('每周研判');
    expect(reportTypeLabel('daily')).toBe('日调度');
    expect(periodLabel({ type: 'weekly', period: '2026-W48' })).toBe('2026年第48周（11月23日–11月29日）');
    expect(periodLabel({ type: 'daily', period: '2026-10-02' })).toBe('2026年10月2日 周五');
  });

  it('writes 环比 with sign and percentage', () => {
    expect(changeText({ matters: 15, previous: 12 })).toBe('+3（+25%）');
    expect(changeText({ matters: 9, previous: 10 })).toBe('−1（−10%）');
    expect(changeText({ matters: 4, previous: 4 })).toBe('持平');
    expect(changeText({ matters: 4, previous: 0 })).toBe('+4（上期为 0）');
    expect(changeTrend({ matters: 4, previous: 0 })).toBe('up');
    expect(changeTrend({ matters: 0, previous: 4 })).toBe('down');
    expect(changeTrend({ matters: 4, previous: 4 })).toBe('flat');
  });

  it('builds the list query with the chosen filters only', () => {
    expect(reportListQuery({})).toEqual({ limit: 30 });
    expect(reportListQuery({ type: 'daily', scope: 'county' }, 'c1', 10)).toEqual({ limit: 10, type: 'daily', scope: 'county', cursor: 'c1' });
    expect(pickReportType('weekly')).toBe('weekly');
    expect(pickReportType('monthly')).toBeUndefined();
    expect(reportHref('rpt_w_2026-W48_370283')).toBe('/reports/view?id=rpt_w_2026-W48_370283');
  });

  it('generates finished weeks and past or present days only', () => {
    expect(defaultGenerateDraft('weekly', '2026-W48', '2026-11-25')).toEqual({ type: 'weekly', week: '2026-W47' });
    expect(defaultGenerateDraft('daily', '2026-W48', '2026-11-25')).toEqual({ type: 'daily', date: '2026-11-24' });
    expect(generateProblem({ type: 'weekly', week: '2026-W47' }, '2026-W48', '2026-11-25')).toBeUndefined();
    expect(generateProblem({ type: 'weekly', week: '2026-W48' }, '2026-W48', '2026-11-25')).toBe('只能生成已结束周次的研判报告');
    expect(generateProblem({ type: 'weekly', week: '' }, '2026-W48', '2026-11-25')).toBe('请选择周次');
    expect(generateProblem({ type: 'daily', date: '2026-11-24' }, '2026-W48', '2026-11-25')).toBeUndefined();
    expect(generateProblem({ type: 'daily', date: '2026-11-25' }, '2026-W48', '2026-11-25')).toBe('只能生成已结束日期的日调度');
  });

  it('offers 转为交办 for an action with a village not yet assigned', () => {
    expect(assignable({ villageId: 'vil_1' })).toBe(true);
    expect(assignable({ villageId: 'vil_1', assignedMatterId: 'mat_1' })).toBe(false);
    expect(assignable({})).toBe(false);
    const report = { actions: [{ id: 'act_1', kind: 'hot_spot', title: 'a', detail: 'd' }, { id: 'act_2', kind: 'overdue', title: 'b', detail: 'd' }] } as unknown as Parameters<typeof withAction>[0];
    const next = withAction(report, { ...report.actions[1]!, assignedMatterId: 'mat_1' });
    expect(next.actions.map((a) => a.assignedMatterId)).toEqual([undefined, 'mat_1']);
    expect(report.actions[1]!.assignedMatterId).toBeUndefined();
  });

  it('orders counts and lists the figure cards', () => {
    expect(sortedCounts({ met: 3, violation: 5, short: 3 })).toEqual([
      ['violation', 5],
      ['met', 3],
      ['short', 3],
    ]);
    const totals = { matters: 15, previous: 12, linkage: 2, highRiskDisputes: 1, overdue: 3, visits: 40, householdsVisited: 120, intelCollected: 8, householdsRegistered: 5, hotSpots: 2 };
    const cards = totalCards({ totals });
    expect(cards.slice(0, 5).map((c) => [c.label, c.value])).toEqual([
      ['事项', 15],
      ['环比', '+3（+25%）'],
      ['热点村', 2],
      ['高风险纠纷', 1],
      ['超期事项', 3],
    ]);
  });
});
