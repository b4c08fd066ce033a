import { describe, expect, it } from 'vitest';
import { TRANSITION_BODY_SCHEMAS } from '@beatlink/shared/matters/schemas';
import { TRANSITIONS, type TransitionName } from '@beatlink/shared/matters/transitions';
import { assigneeOf, formFieldOfPath, initialAssignee, missingFields, transitionBody, type TransitionFormValues } from './transition-body';

const AGENCY = 'agy_01JD3Z6Q9V8C2M4N5P6R7S8T9V';
const OFFICE = 'ofc_01JD3Z6Q9V8C2M4N5P6R7S8T9V';
const OFFICER = 'ofr_01JD3Z6Q9V8C2M4N5P6R7S8T9V';
const MATTER = 'mat_01JD3Z6Q9V8C2M4N5P6R7S8T9V';

/** Complete dialog values for every transition, as a user fills them in. */
const FILLED: Record<TransitionName, TransitionFormValues> = {
  triage: { kind: 'demand', categoryId: 'civil_assistance', severity: 'medium', policeBusiness: false, note: '  ' },
  assign: { targetType: 'agency', agencyId: AGENCY, unitId: OFFICE, note: '请核实' },
  accept: {},
  return: { reason: ' 非本单位职责 ' },
  reassign: { targetType: 'office', unitId: OFFICE, officerId: OFFICER, reason: '回访不满意', feedbackBy: '2026-05-15T01:30:00.000Z' },
  feedback: { outcome: 'resolved', note: '已解决', attachmentIds: [] },
  verify: { satisfied: false, note: '仍未解决' },
  close: { outcome: 'resolved' },
  merge: { intoMatterId: ` ${MATTER} ` },
  urge: { reason: '请尽快签收' },
  escalate: { reason: '超期升级' },
};

describe('transitionBody', () => {
  it.each(TRANSITIONS)('builds a %s body the shared schema accepts, with the version', (name) => {
    const body = transitionBody(name, FILLED[name], 7);
    expect(body.version).toBe(7);
    expect(TRANSITION_BODY_SCHEMAS[name].safeParse(body).success).toBe(true);
    expect(missingFields(name, FILLED[name])).toEqual({});
  });

  it('trims texts and leaves out empty ones', () => {
    expect(transitionBody('triage', FILLED.triage, 1)).toEqual({ version: 1, kind: 'demand', categoryId: 'civil_assistance', severity: 'medium', policeBusiness: false });
    expect(transitionBody('return', FILLED.return, 2)).toEqual({ version: 2, reason: '非本单位职责' });
    expect(transitionBody('merge', FILLED.merge, 1)).toEqual({ version: 1, intoMatterId: MATTER });
    expect(transitionBody('feedback', FILLED.feedback, 3)).toEqual({ version: 3, outcome: 'resolved', note: '已解决' });
    expect(transitionBody('verify', { satisfied: true }, 4)).toEqual({ version: 4, satisfied: true, method: 'phone' });
  });

  it('sends the assignee of the chosen type only', () => {
    expect(transitionBody('assign', FILLED.assign, 2)).toEqual({ version: 2, assignee: { type: 'agency', id: AGENCY }, note: '请核实' });
    expect(transitionBody('reassign', FILLED.reassign, 5)).toEqual({
      version: 5,
      assignee: { type: 'office', id: OFFICE, officerId: OFFICER },
      feedbackBy: '2026-05-15T01:30:00.000Z',
      reason: '回访不满意',
    });
    expect(assigneeOf({ targetType: 'office' })).toBeUndefined();
    expect(assigneeOf({ targetType: 'agency', unitId: OFFICE })).toBeUndefined();
    expect(assigneeOf({ targetType: 'station', unitId: 'stn_1', officerId: '' })).toEqual({ type: 'station', id: 'stn_1' });
  });
});

describe('missingFields', () => {
  it('asks for what each dialog needs, in Chinese', () => {
    expect(missingFields('triage', {})).toEqual({ severity: '请选择严重程度', policeBusiness: '请选择是否属于公安职责' });
    expect(missingFields('assign', { targetType: 'agency' })).toEqual({ agencyId: '请选择成员单位' });
    expect(missingFields('reassign', { targetType: 'office' })).toEqual({ unitId: '请选择承办单位', reason: '请填写改派原因' });
    expect(missingFields('return', { reason: '  ' })).toEqual({ reason: '请填写退回原因' });
    expect(missingFields('feedback', { outcome: 'resolved' })).toEqual({ note: '请填写办理情况' });
    expect(missingFields('verify', { satisfied: true })).toEqual({});
    expect(missingFields('verify', { satisfied: false })).toEqual({ note: '不满意时须说明原因' });
    expect(missingFields('close', {})).toEqual({ outcome: '请选择办结结果' });
    expect(missingFields('accept', {})).toEqual({});
  });

  it('refuses a feedback deadline before the accept deadline', () => {
    expect(missingFields('assign', { targetType: 'agency', agencyId: AGENCY, acceptBy: '2026-05-13T00:00:00Z', feedbackBy: '2026-05-12T00:00:00Z' })).toEqual({
      feedbackBy: '反馈时限不能早于签收时限',
    });
  });
});

describe('formFieldOfPath', () => {
  it('puts an API error on the field that caused it', () => {
    expect(formFieldOfPath('assignee.id', { targetType: 'agency' })).toBe('agencyId');
    expect(formFieldOfPath('assignee.id', { targetType: 'office' })).toBe('unitId');
    expect(formFieldOfPath('assignee.officerId', { targetType: 'office' })).toBe('officerId');
    expect(formFieldOfPath('note', {})).toBe('note');
    expect(formFieldOfPath('attachmentIds.0', {})).toBe('attachmentIds');
    expect(formFieldOfPath('version', {})).toBeUndefined();
  });
});

describe('initialAssignee', () => {
  const route = { target: 'agency' as const, agencyKind: 'civil_affairs' as const };
  it('preselects the routing suggestion, else the current holder, else the routed unit type', () => {
    expect(initialAssignee({ routing: { route, suggested: { type: 'agency', id: AGENCY, name: '民政局' } } })).toEqual({ targetType: 'agency', agencyId: AGENCY });
    expect(initialAssignee({ routing: { route: { target: 'police', unitType: 'office' }, suggested: { type: 'office', id: OFFICE, name: '东关警务室' } } })).toEqual({
      targetType: 'office',
      unitId: OFFICE,
    });
    expect(initialAssignee({ holder: { type: 'office', id: OFFICE, name: '东关警务室', officerId: OFFICER }, routing: { route } })).toEqual({
      targetType: 'office',
      unitId: OFFICE,
      officerId: OFFICER,
    });
    expect(initialAssignee({ routing: { route: { target: 'police', unitType: 'department' } } })).toEqual({ targetType: 'department' });
    expect(initialAssignee({})).toEqual({});
  });
});
