import { describe, expect, it } from 'vitest';
import { sampleMatter } from './matters.fixture';
import { appendPage, matterRow, runningDeadline } from './rows';

const context = {
  timeZone: 'Asia/Shanghai',
  now: '2026-05-12T06:00:00.000Z',
  remindBeforeHours: 4,
};

describe('matterRow', () => {
  it('shows a matter to triage in Chinese, without a deadline', () => {
    const row = matterRow(sampleMatter(), context);
    expect(row).toMatchObject({
      title: '民政救助：独居老人申请救助',
      kind: '群众诉求',
      category: '民政救助',
      village: '东关村',
      status: 'triage',
      statusLabel: '待研判',
      statusColor: 'gold',
      holder: '—',
      deadline: '—',
      takenInAt: '2026/05/12 09:30',
    });
    expect(row.supervision).toBeUndefined();
  });

  it('shows the running deadline with its supervision colour', () => {
    const assigned = sampleMatter({
      status: 'assigned',
      holder: { type: 'agency', id: 'agy_1', name: '平度市民政局' },
      acceptBy: '2026-05-12T09:30:00.000Z',
      feedbackBy: '2026-05-15T01:30:00.000Z',
    });
    expect(matterRow(assigned, context)).toMatchObject({
      holder: '平度市民政局',
      deadline: '签收 2026/05/12 17:30',
      supervision: { state: 'due_soon', label: '即将到期', color: 'orange' },
    });
    const accepted = { ...assigned, status: 'accepted' as const, holder: { ...assigned.holder!, officerName: '张三' } };
    expect(matterRow(accepted, context)).toMatchObject({ holder: '平度市民政局 · 张三', deadline: '反馈 2026/05/15 09:30', supervision: { state: 'ok', color: 'green' } });
    expect(matterRow(assigned, { ...context, now: '2026-05-12T10:00:00.000Z' }).supervision).toMatchObject({ state: 'overdue', label: '已超期', color: 'red' });
  });

  it('never shows a deadline on a closed matter, and keeps resolved and unresolved apart', () => {
    const closed = sampleMatter({ status: 'closed_resolved', acceptBy: '2026-05-12T09:30:00.000Z' });
    expect(matterRow(closed, context)).toMatchObject({ deadline: '—', statusLabel: '已办结（已解决）', statusColor: 'green' });
    expect(matterRow({ ...closed, status: 'closed_unresolved' }, context)).toMatchObject({ statusLabel: '已办结（未解决）', statusColor: 'red' });
  });

  it('shows the category name the matter carries (readable by agency staff too)', () => {
    expect(matterRow(sampleMatter({ categoryId: 'gone', categoryName: '已停用分类' }), context).category).toBe('已停用分类');
  });
});

describe('runningDeadline', () => {
  it('is the accept deadline while assigned and the feedback deadline once accepted', () => {
    const m = { acceptBy: '2026-05-12T09:30:00.000Z', feedbackBy: '2026-05-15T01:30:00.000Z' };
    expect(runningDeadline({ ...m, status: 'assigned' }, context.now, 4)).toMatchObject({ field: 'acceptBy', name: '签收' });
    expect(runningDeadline({ ...m, status: 'accepted' }, context.now, 4)).toMatchObject({ field: 'feedbackBy', name: '反馈' });
    expect(runningDeadline({ ...m, status: 'feedback_given' }, context.now, 4)).toBeUndefined();
  });
});

describe('appendPage', () => {
  it('appends a further page, updating a matter seen again in place', () => {
    const shown = [
      { id: 'a', v: 1 },
      { id: 'b', v: 1 },
    ];
    expect(
      appendPage(shown, [
        { id: 'b', v: 2 },
        { id: 'c', v: 1 },
      ]),
    ).toEqual([
      { id: 'a', v: 1 },
      { id: 'b', v: 2 },
      { id: 'c', v: 1 },
    ]);
  });
});
