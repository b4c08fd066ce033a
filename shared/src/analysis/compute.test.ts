import { describe, expect, it } from 'vitest';
import { DEFAULT_TENANT_CONFIG } from '../platform/config';
import { buildReport } from './compute';
import { isHotSpot } from './hot-spots';
import type { PeriodMatter, ReportInput } from './report-inputs';
import { earlierPeriods, lastFinishedWeek, periodFinished, periodLabel, previousPeriod, reportPeriod, yesterdayOf } from './report-periods';
import { changeText } from './report-summary';

const RULES = DEFAULT_TENANT_CONFIG.analysis;
const ZONE = 'Asia/Urumqi'; // UTC+6 all year

describe('report periods', () => {
  it('runs Monday 08:00 Urumqi → the ISO week before, across the year boundary', () => {
    // Monday 2027-01-11 08:00 Urumqi = 02:00 UTC; the week before is 2027-W01 (Jan 4–10).
    expect(lastFinishedWeek('2027-01-11T02:00:00.000Z', ZONE)).toBe('2027-W01');
    // 2027-01-04 08:00 Urumqi: the week before holds 2026-12-31 and 2027-01-01 (2026-W53).
    expect(lastFinishedWeek('2027-01-04T02:00:00.000Z', ZONE)).toBe('2026-W53');
    const p = reportPeriod('weekly', '2027-W01', ZONE);
    expect(new Date(p.start).toISOString()).toBe('2027-01-03T18:00:00.000Z');
    expect(new Date(p.end).toISOString()).toBe('2027-01-10T18:00:00.000Z');
    expect(previousPeriod('weekly', '2027-W01')).toBe('2026-W53');
    expect(earlierPeriods('weekly', '2027-W01', 3)).toEqual(['2026-W51', '2026-W52', '2026-W53']);
    expect(periodLabel('weekly', '2026-W53')).toBe('12月28日—1月3日');
    expect(periodFinished(p, '2027-01-10T17:59:59.999Z')).toBe(false);
    expect(periodFinished(p, '2027-01-10T18:00:00.000Z')).toBe(true);
  });

  it('takes yesterday in New York, a day of 25 hours at the end of daylight saving', () => {
    // 07:30 EST on 2026-11-02 = 12:30 UTC; yesterday 2026-11-01 had 25 hours.
    expect(yesterdayOf('2026-11-02T12:30:00.000Z', 'America/New_York')).toBe('2026-11-01');
    const day = reportPeriod('daily', '2026-11-01', 'America/New_York');
    expect(new Date(day.start).toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(new Date(day.end).toISOString()).toBe('2026-11-02T05:00:00.000Z');
    expect(previousPeriod('daily', '2027-01-01')).toBe('2026-12-31');
    expect(periodLabel('daily', '2026-10-02')).toBe('10月2日');
  });
});

describe('hot spots', () => {
  it('needs the minimum and the rise; none before counts as a rise', () => {
    expect(isHotSpot(3, 0, RULES)).toBe(true);
    expect(isHotSpot(2, 0, RULES)).toBe(false);
    expect(isHotSpot(4, 2, RULES)).toBe(true);
    expect(isHotSpot(5, 3, RULES)).toBe(false);
  });

  it('words the change', () => {
    expect(changeText(12, 9, '上周')).toBe('增加 3 件（+33%）');
    expect(changeText(2, 4, '上周')).toBe('减少 2 件（−50%）');
    expect(changeText(4, 0, '上周')).toBe('增加 4 件（上周为 0）');
    expect(changeText(4, 4, '上周')).toBe('持平');
  });
});

// ---- A week of a small county: 3 villages of one station, 1 village of another ----

const STN_A = 'stn_A';
const villages = [
  { id: 'vil_1', name: '东村', stationId: STN_A },
  { id: 'vil_2', name: '西村', stationId: STN_A },
  { id: 'vil_3', name: '南村', stationId: STN_A },
  { id: 'vil_4', name: '北村', stationId: STN_A },
];

function matter(n: number, villageId: string, kind: PeriodMatter['kind'], extra: Partial<PeriodMatter> = {}): PeriodMatter {
  const v = villages.find((x) => x.id === villageId)!;
  return {
    id: `mat_${String(n).padStart(2, '0')}`,
    title: `事项${n}`,
    kind,
    categoryId: kind === 'dispute' ? 'neighbour_dispute' : 'public_order',
    categoryName: kind === 'dispute' ? '邻里纠纷' : '治安问题',
    status: 'triage',
    linkage: false,
    villageId,
    villageName: v.name,
    stationId: v.stationId,
    ...extra,
  };
}

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  const p = reportPeriod('weekly', '2027-W01', ZONE);
  return {
    tenantId: '650102',
    type: 'weekly',
    period: p.period,
    start: p.start,
    end: p.end,
    timeZone: ZONE,
    scope: { kind: 'county', id: '650102', name: '全县' },
    rules: RULES,
    matters: [
      // 东村: 4 (before 1) → hot. 西村: 3 (before 2) → not hot (3 < 4). 南村: 1.
      matter(1, 'vil_1', 'dispute', { status: 'accepted' }),
      matter(2, 'vil_1', 'dispute', { status: 'closed_resolved' }),
      matter(3, 'vil_1', 'demand', { linkage: true }),
      matter(4, 'vil_1', 'hazard'),
      matter(5, 'vil_2', 'demand'),
      matter(6, 'vil_2', 'service', { linkage: true }),
      matter(7, 'vil_2', 'demand'),
      matter(8, 'vil_3', 'tip'),
    ],
    previous: { total: 6, villageCounts: { vil_1: 1, vil_2: 2, vil_4: 3 } },
    disputes: [
      { matterId: 'mat_01', riskLevel: 'high', disputeType: 'land' },
      { matterId: 'mat_02', riskLevel: 'high', disputeType: 'neighbour' },
      // A dispute of another scope (its matter is not in this input): ignored.
      { matterId: 'mat_99', riskLevel: 'high', disputeType: 'debt' },
    ],
    running: [
      // Due 2027-01-08 06:00 UTC: 60 h overdue at the week's end (2027-01-10 18:00 UTC).
      { id: 'mat_50', title: '路灯损坏', villageId: 'vil_2', villageName: '西村', stationId: STN_A, holderName: '城关警务室', deadline: '2027-01-08T06:00:00.000Z', escalationLevel: 1 },
      // Due after the week: not overdue in this report.
      { id: 'mat_51', title: '噪声扰民', villageId: 'vil_1', villageName: '东村', stationId: STN_A, holderName: '城关警务室', deadline: '2027-01-10T18:00:00.000Z', escalationLevel: 0 },
    ],
    compliance: [
      { officerId: 'ofr_1', officerName: '张伟', role: 'community_officer', status: 'met', reasons: [] },
      { officerId: 'ofr_2', officerName: '李强', role: 'contact_officer', status: 'violation', reasons: ['周二未入村且未报备'] },
      { officerId: 'ofr_3', officerName: '王芳', role: 'community_officer', status: 'short', reasons: ['驻村 1 天，不足 2 天'] },
    ],
    visits: [
      { id: 'vst_1', officerId: 'ofr_1', villageId: 'vil_1', stationId: STN_A, householdsVisited: 4 },
      { id: 'vst_2', officerId: 'ofr_1', villageId: 'vil_1', stationId: STN_A, householdsVisited: 2 },
      { id: 'vst_3', officerId: 'ofr_3', villageId: 'vil_2', stationId: STN_A, householdsVisited: 0 },
    ],
    intel: [
      { type: 'person', stationId: STN_A },
      { type: 'place', stationId: STN_A },
      { type: 'person', stationId: STN_A },
    ],
    householdsRegistered: 2,
    villages,
    earlierTrend: [
      { period: '2026-W52', matters: 5 },
      { period: '2026-W53', matters: 6 },
    ],
    generatedAt: '2027-01-11T02:00:00.000Z',
    ...overrides,
  };
}

describe('buildReport', () => {
  const report = buildReport(input());

  it('counts exactly', () => {
    expect(report.id).toBe('rpt_w_2027-W01_650102');
    expect(report.periodStart).toBe('2027-01-03T18:00:00.000Z');
    expect(report.periodEnd).toBe('2027-01-10T18:00:00.000Z');
    expect(report.totals).toEqual({
      matters: 8,
      previous: 6,
      linkage: 2,
      highRiskDisputes: 2,
      overdue: 1,
      visits: 3,
      householdsVisited: 6,
      intelCollected: 3,
      householdsRegistered: 2,
      hotSpots: 1,
    });
    expect(report.byKind.map((k) => [k.key, k.count])).toEqual([
      ['demand', 3],
      ['dispute', 2],
      ['tip', 1],
      ['hazard', 1],
      ['service', 1],
    ]);
    expect(report.byCategory).toEqual([
      { key: 'public_order', name: '治安问题', count: 6 },
      { key: 'neighbour_dispute', name: '邻里纠纷', count: 2 },
    ]);
    expect(report.intelByType.slice(0, 2)).toEqual([
      { key: 'person', name: '人员', count: 2 },
      { key: 'place', name: '场所', count: 1 },
    ]);
    expect(report.villageCounts).toEqual({ vil_1: 4, vil_2: 3, vil_3: 1 });
    expect(report.trend).toEqual([
      { period: '2026-W52', matters: 5 },
      { period: '2026-W53', matters: 6 },
      { period: '2027-W01', matters: 8 },
    ]);
  });

  it('ranks villages and finds the hot spot', () => {
    expect(report.byVillage.map((v) => [v.villageName, v.count, v.previous, v.change, v.hot])).toEqual([
      ['东村', 4, 1, 3, true],
      ['西村', 3, 2, 1, false],
      ['南村', 1, 0, 1, false],
    ]);
    expect(report.hotSpots.map((v) => v.villageId)).toEqual(['vil_1']);
  });

  it('lists high-risk disputes, overdue matters and duty problems worst first', () => {
    expect(report.highRiskDisputes.map((d) => [d.matterId, d.status, d.disputeType])).toEqual([
      ['mat_01', 'accepted', 'land'],
      ['mat_02', 'closed_resolved', 'neighbour'],
    ]);
    expect(report.overdue).toEqual([{ matterId: 'mat_50', title: '路灯损坏', villageName: '西村', holderName: '城关警务室', deadline: '2027-01-08T06:00:00.000Z', overdueHours: 60, escalationLevel: 1 }]);
    expect(report.duty.evaluated).toBe(3);
    expect(report.duty.byStatus).toEqual({ met: 1, short: 1, excused: 0, violation: 1 });
    expect(report.duty.problems.map((p) => p.officerName)).toEqual(['李强', '王芳']);
  });

  it('proposes actions in a stable order: hot spot, open dispute, overdue, violation, unvisited villages', () => {
    expect(report.actions.map((a) => [a.id, a.kind, a.villageId ?? a.officerId, a.matterId ?? null])).toEqual([
      ['act_1', 'hot_spot', 'vil_1', null],
      ['act_2', 'high_risk_dispute', 'vil_1', 'mat_01'],
      ['act_3', 'overdue', 'vil_2', 'mat_50'],
      ['act_4', 'duty_violation', 'ofr_2', null],
      ['act_5', 'uncovered_village', 'vil_4', null],
      ['act_6', 'uncovered_village', 'vil_3', null],
    ]);
    expect(report.actions[3]!.villageId).toBeUndefined();
  });

  it('writes the summary from the numbers', () => {
    expect(report.summary).toEqual([
      '2027-W01（1月4日—1月10日）全县共受理事项 8 件，较上周增加 2 件（+33%）；其中群众诉求 3 件、矛盾纠纷 2 件、线索/情报 1 件、隐患 1 件、便民服务 1 件；需部门联动 2 件。',
      '热点村 1 个：东村（4 件，上周 1 件），须组织排查。',
      '高风险纠纷 2 起（未办结 1 起）；超期未办事项 1 件，最长超期 60 小时。',
      '驻村履职：达标 1 人，不足 1 人，已报备 0 人，违规 1 人。本周入村走访 3 次，入户 6 户，2 个村无走访记录；信息采集 3 条，新登记住户 2 户。',
    ]);
  });

  it('is deterministic whatever the input order', () => {
    const shuffled = input();
    shuffled.matters.reverse();
    shuffled.disputes.reverse();
    shuffled.compliance!.reverse();
    shuffled.villages = [...villages].reverse();
    expect(buildReport(shuffled)).toEqual(report);
  });

  it('caps unvisited villages at 20 actions and says so', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ id: `vil_x${String(i).padStart(2, '0')}`, name: `村${String(i).padStart(2, '0')}`, stationId: STN_A }));
    const r = buildReport(input({ villages: many, matters: [], disputes: [], running: [], compliance: [], visits: [] }));
    const unvisited = r.actions.filter((a) => a.kind === 'uncovered_village');
    expect(unvisited).toHaveLength(20);
    expect(unvisited.at(-1)!.detail).toContain('另有 5 个村');
    expect(r.summary[1]).toBe('本周未发现热点村。');
  });

  it('reads a daily dispatch in a station scope', () => {
    const day = reportPeriod('daily', '2027-01-05', ZONE);
    const r = buildReport(
      input({
        type: 'daily',
        period: '2027-01-05',
        start: day.start,
        end: day.end,
        scope: { kind: 'station', id: STN_A, name: '城关派出所' },
        sensitivePeriod: { id: 'spd_1', name: '元旦安保' },
        compliance: undefined,
        previous: { total: 0, villageCounts: {} },
        earlierTrend: [],
      }),
    );
    expect(r.id).toBe('rpt_d_2027-01-05_stn_A');
    expect(r.duty).toEqual({ evaluated: 2, byStatus: { visited: 2 }, problems: [] });
    expect(r.summary[0]).toMatch(/^1月5日城关派出所辖区共受理事项 8 件，较前一日增加 8 件（前一日为 0）/);
    expect(r.summary[3]).toBe('驻村走访：2 名民警入村。当日入村走访 3 次，入户 6 户，2 个村无走访记录；信息采集 3 条，新登记住户 2 户。');
    expect(r.sensitivePeriod).toEqual({ id: 'spd_1', name: '元旦安保' });
    // Due 2027-01-08: not overdue at the end of 2027-01-05.
    expect(r.totals.overdue).toBe(0);
  });
});
