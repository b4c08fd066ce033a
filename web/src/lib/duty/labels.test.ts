import { describe, expect, it } from 'vitest';
import { amountText, amountWithUnit, complianceLabel, dutyRoleLabel, flagReasonLabel, makeUpStatusLabel } from './labels';

describe('duty labels', () => {
  it('labels roles, statuses and flags in Chinese', () => {
    expect(dutyRoleLabel('community_officer')).toBe('社区民警');
    expect(dutyRoleLabel('contact_officer')).toBe('包村民警');
    expect(complianceLabel('excused')).toBe('已报备');
    expect(makeUpStatusLabel('expired')).toBe('逾期未补');
    expect(flagReasonLabel('too_far')).toBe('签到位置距村过远');
    expect(flagReasonLabel(undefined)).toBe('签到位置异常');
  });

  it('prints amounts without float noise', () => {
    expect(amountText(3)).toBe('3');
    expect(amountText(2.3333)).toBe('2.33');
    expect(amountText(undefined)).toBe('—');
    expect(amountWithUnit(1, 'days')).toBe('1 天');
    expect(amountWithUnit(2.5, 'hours')).toBe('2.5 小时');
  });
});
