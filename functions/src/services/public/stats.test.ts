import { describe, expect, it } from 'vitest';
import { DEFAULT_MATTER_CONFIG, type Matter } from '@beatlink/shared';
import { publicStatsOf } from './stats';

const m = (over: Partial<Matter>): Matter => ({ status: 'triage', categoryId: 'sanitation', categoryName: '环境卫生', source: 'hotline', linkage: false, ...over }) as Matter;

describe('publicStatsOf', () => {
  it('counts by status, category and source, keeps resolved and unresolved apart, and rates on-time feedback', () => {
    const stats = publicStatsOf(
      [
        m({}),
        m({ status: 'closed_resolved', linkage: true, feedbackBy: '2026-11-03T00:00:00Z', feedback: { at: '2026-11-02T00:00:00Z' } as Matter['feedback'] }),
        m({ status: 'closed_unresolved', categoryId: 'traffic', source: 'officer', feedbackBy: '2026-11-03T00:00:00Z', closedAt: '2026-11-04T00:00:00Z' }),
        m({ status: 'accepted', feedbackBy: '2026-11-03T00:00:00Z' }),
      ],
      DEFAULT_MATTER_CONFIG,
      { county: '370283', from: '2026-11-01', to: '2026-11-30' },
    );
    expect(stats).toMatchObject({
      county: '370283',
      total: 4,
      byStatus: { triage: 1, closed_resolved: 1, closed_unresolved: 1, accepted: 1 },
      bySource: { hotline: 3, officer: 1 },
      open: 2,
      closedResolved: 1,
      closedUnresolved: 1,
      linkage: 1,
      onTime: { count: 1, of: 2, rate: 0.5 },
    });
    expect(stats.byCategory).toEqual([
      { categoryId: 'sanitation', categoryName: '环境卫生', count: 3 },
      { categoryId: 'traffic', categoryName: '交通', count: 1 },
    ]);
    expect(publicStatsOf([], DEFAULT_MATTER_CONFIG, { county: '370283', from: 'a', to: 'b' }).onTime.rate).toBeNull();
  });
});
