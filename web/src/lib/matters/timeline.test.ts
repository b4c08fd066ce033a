import { describe, expect, it } from 'vitest';
import type { MatterEvent } from '@beatlink/shared/matters/views';
import { eventLabel, timelineEntry } from './timeline';

const context = { categoryName: (id: string) => ({ civil_assistance: '民政救助', neighbour: '邻里纠纷' })[id] ?? id, timeZone: 'Asia/Shanghai' };
const event = (overrides: Partial<MatterEvent>): MatterEvent => ({
  matterId: 'mat_1',
  id: 'mev_1',
  type: 'created',
  at: '2026-05-12T01:54:24.716Z',
  by: 'program.370283',
  byName: '王建国',
  byRole: 'program_office',
  ...overrides,
});

describe('timelineEntry', () => {
  it('says who, when, from → to and the assignee with the deadlines', () => {
    const entry = timelineEntry(
      event({
        type: 'assign',
        from: 'triage',
        to: 'assigned',
        note: '请核实',
        data: { holder: { type: 'agency', id: 'agy_1', name: '平度市民政局' }, acceptBy: '2026-05-12T09:54:24.716Z', feedbackBy: '2026-05-15T01:54:24.716Z' },
      }),
      context,
    );
    expect(entry).toMatchObject({
      title: '交办',
      who: '王建国（活动办）',
      when: '2026/05/12 09:54',
      change: '待研判 → 已交办',
      note: '请核实',
      details: ['承办单位：平度市民政局（成员单位）', '签收时限：2026/05/12 17:54', '反馈时限：2026/05/15 09:54'],
      tone: 'blue',
    });
  });

  it('describes triage, feedback, verification and closing in Chinese', () => {
    expect(timelineEntry(event({ type: 'triage', from: 'triage', to: 'triage', data: { severity: 'medium', policeBusiness: false, categoryId: { from: 'neighbour', to: 'civil_assistance' } } }), context)).toMatchObject({
      title: '研判',
      details: ['分类：邻里纠纷 → 民政救助', '严重程度：中', '公安职责：否'],
    });
    expect(timelineEntry(event({ type: 'triage', from: 'triage', to: 'triage' }), context).change).toBeUndefined();
    expect(timelineEntry(event({ type: 'feedback', byRole: 'agency_staff', byName: '徐雪', data: { outcome: 'resolved', attachmentIds: ['att_1'] } }), context)).toMatchObject({
      who: '徐雪（成员单位工作人员）',
      details: ['办理结果：已解决', '附件：1 个'],
    });
    expect(timelineEntry(event({ type: 'verify', from: 'feedback_given', to: 'reopened', data: { satisfied: false, method: 'phone' } }), context)).toMatchObject({
      title: '核实回访',
      change: '已反馈 → 重新办理',
      details: ['回访结果：不满意（电话回访）'],
      tone: 'red',
    });
    expect(timelineEntry(event({ type: 'close', from: 'verified', to: 'closed_resolved', data: { outcome: 'resolved' } }), context)).toMatchObject({
      change: '已核实 → 已办结（已解决）',
      tone: 'green',
    });
    expect(timelineEntry(event({ type: 'reassign', data: { previousHolder: '平度市民政局', holder: { type: 'office', id: 'o', name: '东关警务室', officerName: '李四' } } }), context).details).toEqual([
      '承办单位：东关警务室 · 李四（警务室）',
      '原承办单位：平度市民政局',
    ]);
  });

  it('names the supervision job and its marks', () => {
    expect(timelineEntry(event({ type: 'escalate', byRole: 'system', byName: '督导系统', data: { level: 2 } }), context)).toMatchObject({ who: '督导系统', details: ['督办级别：第 2 级'], tone: 'red' });
    expect(eventLabel('overdue')).toBe('超期');
    expect(eventLabel('reminded')).toBe('到期提醒');
    expect(eventLabel('dispute_updated')).toBe('更新纠纷记录');
    expect(eventLabel('urge')).toBe('催办');
  });

  it('lists the dispute flags set', () => {
    expect(
      timelineEntry(event({ type: 'dispute_updated', data: { riskLevel: 'high', mediations: 2, followUps: 1, resolvedAtVillage: true, escalated: false, turnedIntoCase: false } }), context).details,
    ).toEqual(['风险等级：高风险', '调解 2 次，回访 1 次', '标记：村级化解']);
  });
});
