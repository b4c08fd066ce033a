import { describe, expect, it } from 'vitest';
import { TRANSITION_BODY_SCHEMAS } from '@beatlink/shared/matters/schemas';
import type { MatterEvent } from '@beatlink/shared/matters/views';
import {
  actionBody,
  actionFieldOfPath,
  deadlineLine,
  eventDetails,
  eventLabel,
  fieldActions,
  isFieldInbox,
  matterHref,
  matterIdFrom,
  sortTimeline,
  telHref,
  validateAction,
} from './matters';

const NOW = new Date('2026-05-12T06:00:00.000Z');
const ATT = 'att_01JD3Z6Q9V8C2M4N5P6R7S8T9V';

describe('deadlineLine', () => {
  it('shows the running deadline, due soon, and overdue', () => {
    expect(deadlineLine({ status: 'triage' }, NOW)).toBeUndefined();
    expect(deadlineLine({ status: 'assigned', acceptBy: '2026-05-13T06:00:00.000Z', feedbackBy: '2026-05-15T06:00:00.000Z' }, NOW)).toEqual({
      state: 'ok',
      text: '签收时限 2026/05/13 14:00',
    });
    expect(deadlineLine({ status: 'accepted', acceptBy: '2026-05-11T06:00:00.000Z', feedbackBy: '2026-05-12T08:00:00.000Z' }, NOW, 4)).toEqual({
      state: 'due_soon',
      text: '反馈时限还剩 2 小时',
    });
    expect(deadlineLine({ status: 'assigned', acceptBy: '2026-05-12T01:00:00.000Z' }, NOW)).toEqual({ state: 'overdue', text: '签收已超期 5 小时' });
    expect(deadlineLine({ status: 'accepted', feedbackBy: '2026-05-09T06:00:00.000Z' }, NOW)).toEqual({ state: 'overdue', text: '反馈已超期 3 天' });
    // Feedback given: no deadline runs.
    expect(deadlineLine({ status: 'feedback_given', feedbackBy: '2026-05-09T06:00:00.000Z' }, NOW)).toBeUndefined();
  });
});

const event = (change: Partial<MatterEvent>): MatterEvent => ({
  matterId: 'mat_1',
  id: 'mev_1',
  type: 'created',
  at: '2026-05-12T01:00:00.000Z',
  by: 'u',
  byName: '王建国',
  byRole: 'community_officer',
  ...change,
});

describe('timeline', () => {
  it('labels transitions and the job events in Chinese', () => {
    expect(eventLabel('created')).toBe('录入');
    expect(eventLabel('reminded')).toBe('临期提醒');
    expect(eventLabel('overdue')).toBe('超期');
    expect(eventLabel('dispute_updated')).toBe('纠纷记录更新');
    expect(eventLabel('accept')).toBe('签收');
    expect(eventLabel('verify')).toBe('核实回访');
  });

  it('details status changes, assignee, outcome, verification and note', () => {
    expect(
      eventDetails(
        event({
          type: 'assign',
          from: 'triage',
          to: 'assigned',
          data: { holder: { name: '民政局', type: 'agency' }, acceptBy: '2026-05-12T09:00:00.000Z', feedbackBy: '2026-05-15T01:00:00.000Z' },
          note: '请核实低保申请',
        }),
      ),
    ).toEqual(['待研判 → 已交办', '承办：民政局', '签收时限 2026/05/12 17:00，反馈时限 2026/05/15 09:00', '请核实低保申请']);
    expect(eventDetails(event({ type: 'feedback', from: 'accepted', to: 'feedback_given', data: { outcome: 'resolved', attachmentIds: [ATT] } }))).toEqual([
      '办理中 → 已反馈',
      '结果：已解决',
      '附件 1 个',
    ]);
    expect(eventDetails(event({ type: 'verify', from: 'feedback_given', to: 'reopened', data: { satisfied: false, method: 'phone' } }))).toEqual([
      '已反馈 → 重新办理',
      '电话回访：群众不满意',
    ]);
    // A status that stays (urge) is not shown as a change.
    expect(eventDetails(event({ type: 'urge', from: 'assigned', to: 'assigned', note: '请尽快签收' }))).toEqual(['请尽快签收']);
  });

  it('reads oldest first', () => {
    const sorted = sortTimeline([event({ id: 'b', at: '2026-05-12T02:00:00.000Z' }), event({ id: 'a', at: '2026-05-12T01:00:00.000Z' })]);
    expect(sorted.map((e) => e.id)).toEqual(['a', 'b']);
  });
});

describe('field actions', () => {
  it('offers only 签收, 退回, 反馈 of what the API allows', () => {
    expect(fieldActions(['accept', 'return', 'urge'])).toEqual(['accept', 'return']);
    expect(fieldActions(['feedback', 'return'])).toEqual(['return', 'feedback']);
    expect(fieldActions(undefined)).toEqual([]);
  });

  it('checks the sheet: a return needs a reason, a feedback an outcome and a note', () => {
    expect(validateAction('accept', { note: '', outcome: '' })).toEqual({});
    expect(validateAction('return', { note: ' ', outcome: '' })).toEqual({ note: '请填写退回原因' });
    expect(validateAction('feedback', { note: '', outcome: '' })).toEqual({ outcome: '请选择办理结果', note: '请填写办理情况' });
    expect(validateAction('return', { note: '字'.repeat(501), outcome: '' })).toEqual({ note: '最多 500 个字' });
  });

  it('builds bodies the shared transition schemas accept', () => {
    const accept = actionBody('accept', 3, { note: '', outcome: '' });
    expect(accept).toEqual({ version: 3 });
    expect(TRANSITION_BODY_SCHEMAS.accept.safeParse(accept).success).toBe(true);
    const ret = actionBody('return', 3, { note: ' 土地确权问题，非本单位职责 ', outcome: '' });
    expect(ret).toEqual({ version: 3, reason: '土地确权问题，非本单位职责' });
    expect(TRANSITION_BODY_SCHEMAS.return.safeParse(ret).success).toBe(true);
    const feedback = actionBody('feedback', 4, { note: '已协调疏通排水沟', outcome: 'resolved' }, [ATT]);
    expect(feedback).toEqual({ version: 4, outcome: 'resolved', note: '已协调疏通排水沟', attachmentIds: [ATT] });
    expect(TRANSITION_BODY_SCHEMAS.feedback.safeParse(feedback).success).toBe(true);
    expect(actionFieldOfPath('reason')).toBe('note');
    expect(actionFieldOfPath('attachmentIds.0')).toBe('photos');
    expect(actionFieldOfPath('version')).toBeUndefined();
  });
});

describe('small things', () => {
  it('reads ids, inboxes and phone links', () => {
    expect(matterIdFrom('?id=mat_01JD3Z6Q9V8C2M4N5P6R7S8T9V')).toBe('mat_01JD3Z6Q9V8C2M4N5P6R7S8T9V');
    expect(matterIdFrom('?id=vil_01JD3Z6Q9V8C2M4N5P6R7S8T9V')).toBeUndefined();
    expect(matterIdFrom('')).toBeUndefined();
    expect(matterHref('mat_1')).toBe('/m/matter?id=mat_1');
    expect(isFieldInbox('mine')).toBe(true);
    expect(isFieldInbox('triage')).toBe(false);
    expect(telHref('138 0532 1111')).toBe('tel:13805321111');
  });
});
