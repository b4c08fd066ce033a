import { describe, expect, it } from 'vitest';
import { actionAssignBody, actionDefaults, actionFieldOfPath, missingActionFields } from './action-assign';

const action = { id: 'act_1', kind: 'hot_spot' as const, title: '东村事项上升，组织排查', detail: '本周东村事项 6 件，上周 1 件', villageId: 'vil_1' };

describe('转为交办', () => {
  it('starts from the action: its words, and a kind and severity by its kind', () => {
    expect(actionDefaults(action)).toEqual({ kind: 'hazard', severity: 'high', policeBusiness: true, title: action.title, description: action.detail });
    expect(actionDefaults({ ...action, kind: 'high_risk_dispute' })).toMatchObject({ kind: 'dispute', severity: 'high' });
    expect(actionDefaults({ ...action, kind: 'overdue', title: 'x'.repeat(80) })).toMatchObject({ severity: 'medium', title: 'x'.repeat(60) });
  });

  it('asks for the category and the assignee', () => {
    expect(missingActionFields(actionDefaults(action))).toEqual({ categoryId: '请选择分类', targetType: '请选择承办单位类型' });
    expect(missingActionFields({ ...actionDefaults(action), categoryId: 'c', targetType: 'agency' })).toEqual({ agencyId: '请选择成员单位' });
    expect(missingActionFields({ ...actionDefaults(action), categoryId: 'c', targetType: 'office', unitId: 'ofc_1' })).toEqual({});
  });

  it('sends the village, the assignee and only what was changed', () => {
    const values = { ...actionDefaults(action), categoryId: 'public_order', targetType: 'workstation' as const, unitId: 'wks_1', note: ' 尽快 ' };
    expect(actionAssignBody(action, values, {})).toEqual({
      kind: 'hazard',
      categoryId: 'public_order',
      severity: 'high',
      policeBusiness: true,
      villageId: 'vil_1',
      assignee: { type: 'workstation', id: 'wks_1' },
      note: '尽快',
    });
    expect(actionAssignBody(action, { ...values, title: '新标题' }, { feedbackBy: '2026-12-01T00:00:00.000Z' })).toMatchObject({ title: '新标题', feedbackBy: '2026-12-01T00:00:00.000Z' });
  });

  it('maps error paths to the form fields', () => {
    expect(actionFieldOfPath('assignee.id', { targetType: 'agency' })).toBe('agencyId');
    expect(actionFieldOfPath('assignee.id', { targetType: 'office' })).toBe('unitId');
    expect(actionFieldOfPath('feedbackBy', {})).toBe('feedbackByLocal');
    expect(actionFieldOfPath('categoryId', {})).toBe('categoryId');
    expect(actionFieldOfPath('villageId', {})).toBeUndefined();
  });
});
