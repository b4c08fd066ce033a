import { describe, expect, it } from 'vitest';
import { decisionBody, decisionFieldOfPath, outcomeText, pickAppealStatus, validateDecision } from './appeals';

describe('appeal decisions', () => {
  it('checks the decision as the API does', () => {
    expect(validateDecision({ decision: 'accept', points: 0, reason: '' })).toEqual({ points: '采纳申诉须填写调整分值（非 0）', reason: '请填写理由' });
    expect(validateDecision({ decision: 'accept', points: -2, reason: '核实有误' })).toEqual({});
    expect(validateDecision({ decision: 'accept', points: 120, reason: 'x' })).toEqual({ points: '调整分值在 -100 到 100 之间' });
    expect(validateDecision({ decision: 'reject', points: null, reason: '理由不成立' })).toEqual({});
  });

  it('sends points only when accepting', () => {
    expect(decisionBody({ decision: 'accept', points: 6.25, reason: ' 已报备 ' }, 2)).toEqual({ version: 2, decision: 'accept', points: 6.25, reason: '已报备' });
    expect(decisionBody({ decision: 'reject', points: 3, reason: '不成立' }, 1)).toEqual({ version: 1, decision: 'reject', reason: '不成立' });
    expect(decisionFieldOfPath('points')).toBe('points');
    expect(decisionFieldOfPath('version')).toBeUndefined();
  });

  it('reads the status tab and the outcome', () => {
    expect(pickAppealStatus('accepted')).toBe('accepted');
    expect(pickAppealStatus('x')).toBe('open');
    expect(outcomeText({ status: 'accepted', decision: { points: 6.25, reason: '', at: '', by: '', byName: '' } })).toBe('已采纳（+6.25 分）');
    expect(outcomeText({ status: 'rejected' })).toBe('已驳回');
  });
});
