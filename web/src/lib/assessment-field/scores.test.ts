import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '@beatlink/shared/permissions';
import type { Role } from '@beatlink/shared/roles';
import { scoreItem } from '@beatlink/shared/assessment/scoring';
import { appealStatusText, checkReason, hasOwnScores, itemView, newestFirst, openAppealOn, ownScores, periodFromSearch, rankText, reasonError, totalLines } from './scores';

const as = (role: Role) => ({ permissions: PERMISSIONS[role] });

describe('我的考核', () => {
  it('is for the assessed officers only', () => {
    expect(hasOwnScores(as('community_officer'))).toBe(true);
    expect(hasOwnScores(as('contact_officer'))).toBe(true);
    for (const role of ['station_chief', 'program_office', 'bureau_leader', 'auxiliary', 'agency_staff', 'province_viewer'] as const) expect(hasOwnScores(as(role))).toBe(false);
  });

  it('reads the period from the address', () => {
    expect(periodFromSearch('?period=2026-10')).toBe('2026-10');
    expect(periodFromSearch('?period=2026-Q4')).toBe('2026-Q4');
    expect(periodFromSearch('?period=2026-13')).toBeUndefined();
    expect(periodFromSearch('')).toBeUndefined();
  });

  it('lists the newest period first, a quarter before the month that closes it', () => {
    const periods = newestFirst([{ period: '2026-10' }, { period: '2026-12' }, { period: '2026-Q4' }, { period: '2026-11' }, { period: '2026-Q3' }]).map((s) => s.period);
    expect(periods).toEqual(['2026-Q4', '2026-12', '2026-11', '2026-10', '2026-Q3']);
  });

  it('keeps one score per period, the latest run version', () => {
    const scores = ownScores([
      { period: '2026-10', runVersion: 1, total: 70 },
      { period: '2026-11', runVersion: 1, total: 80 },
      { period: '2026-10', runVersion: 2, total: 75 },
    ]);
    expect(scores.map((s) => [s.period, s.total])).toEqual([
      ['2026-11', 80],
      ['2026-10', 75],
    ]);
  });

  it('says the rank within the group', () => {
    expect(rankText({ rank: 3, groupSize: 12 })).toBe('第 3 名 / 共 12 人');
    expect(rankText({ rank: 1 })).toBe('第 1 名');
    expect(rankText({})).toBeUndefined();
  });
});

describe('score items', () => {
  it('show a rate with its n/m and the points of its weight', () => {
    const view = itemView(scoreItem({ indicator: 'duty_compliance', weight: 25, target: 1 }, { value: 3, of: 4 }, 1));
    expect(view).toMatchObject({ label: '驻村履职率', raw: '75.0%（3/4）', score: '18.75 / 25', applicable: true, deduction: false });
    expect(itemView(scoreItem({ indicator: 'closed_on_time', weight: 10, target: 0.9 }, { value: 9, of: 10 }, 1)).raw).toBe('90.0%（9/10，达 90.0% 得满分）');
  });

  it('grey a rate with nothing to rate as not applicable', () => {
    const view = itemView(scoreItem({ indicator: 'satisfaction', weight: 10, target: 1 }, undefined, 1));
    expect(view).toMatchObject({ raw: '本期无可计数据', score: '不适用 / 10', applicable: false });
  });

  it('show a count against its target, and a deduction with its rule', () => {
    expect(itemView(scoreItem({ indicator: 'households_visited', weight: 20, target: 30 }, { value: 45 }, 3))).toMatchObject({ raw: '45（满分标准 90）', score: '10 / 20' });
    expect(itemView(scoreItem({ indicator: 'violations', weight: 0, perUnit: 2, cap: 10 }, { value: 2 }, 1))).toMatchObject({ raw: '2 次（每次扣 2 分，最多扣 10 分）', score: '-4 分', deduction: true });
    expect(itemView(scoreItem({ indicator: 'violations', weight: 0, perUnit: 2 }, undefined, 1)).score).toBe('不扣分');
  });

  it('add up to the total with deductions and appeal adjustments', () => {
    expect(totalLines({ earned: 80.5, deductions: -4, adjusted: 2.5, total: 79, scale: 1 })).toEqual([
      { label: '得分', value: '80.5' },
      { label: '扣分', value: '-4' },
      { label: '申诉调整', value: '+2.5' },
      { label: '总分', value: '79' },
    ]);
    expect(totalLines({ earned: 90, deductions: 0, adjusted: 0, total: 90, scale: 1.1111 })[0]!.label).toBe('得分（不适用项按比例折算 ×1.1111）');
  });
});

describe('appeals', () => {
  it('say their status, an accepted one with its points', () => {
    expect(appealStatusText({ status: 'open' })).toBe('待处理');
    expect(appealStatusText({ status: 'accepted', decision: { points: 6.25, reason: '核实', at: '', by: '', byName: '' } })).toBe('已采纳（+6.25 分）');
    expect(appealStatusText({ status: 'rejected', decision: { reason: '无依据', at: '', by: '', byName: '' } })).toBe('已驳回');
  });

  it('know an item already under appeal', () => {
    const appeals = [{ period: '2026-10', indicator: 'duty_compliance' as const, status: 'open' as const }];
    expect(openAppealOn(appeals, '2026-10', 'duty_compliance')).toBe(true);
    expect(openAppealOn(appeals, '2026-11', 'duty_compliance')).toBe(false);
    expect(openAppealOn([{ ...appeals[0]!, status: 'rejected' }], '2026-10', 'duty_compliance')).toBe(false);
  });

  it('need a reason, and show the API’s complaint about it in Chinese', () => {
    expect(checkReason('  ')).toBe('请填写申诉理由');
    expect(checkReason('x'.repeat(1001))).toBe('申诉理由不能超过 1000 字');
    expect(checkReason('已报备')).toBeUndefined();
    expect(reasonError([{ path: 'reason', message: '必填 / required' }])).toBe('必填');
    expect(reasonError([{ path: 'period', message: 'x' }])).toBeUndefined();
  });
});
