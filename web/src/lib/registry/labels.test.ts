import { describe, expect, it } from 'vitest';
import { familiarityRate } from '@beatlink/shared/intel/familiarity';
import { countText, fundedTotal, householdTagColor, householdTagLabel, isHouseholdTag, rateText, rateWithCount, villageKindLabel } from './labels';

describe('registry labels', () => {
  it('labels tags and kinds, passing unknown values through', () => {
    expect(householdTagLabel('elderly_alone')).toBe('独居老人');
    expect(householdTagLabel('left_behind_child')).toBe('留守儿童');
    expect(householdTagLabel('new_tag')).toBe('new_tag');
    expect(householdTagColor('new_tag')).toBe('default');
    expect(isHouseholdTag('rental')).toBe(true);
    expect(isHouseholdTag('x')).toBe(false);
    expect(isHouseholdTag(null)).toBe(false);
    expect(villageKindLabel('community')).toBe('社区');
    expect(villageKindLabel('village')).toBe('行政村');
    expect(villageKindLabel(undefined)).toBe('');
  });

  it('prints rates as percentages, "not measured" apart from 0', () => {
    expect(rateText(0.8333)).toBe('83.3%');
    expect(rateText(1)).toBe('100.0%');
    expect(rateText(0)).toBe('0.0%');
    expect(rateText(undefined)).toBe('—');
    const rate = familiarityRate([
      { householdId: 'a', villageId: 'v', knowsOfficer: true, officerKnowsHousehold: true },
      { householdId: 'b', villageId: 'v', knowsOfficer: false, officerKnowsHousehold: true },
    ]);
    expect(rateWithCount(rate.twoWay, rate)).toBe('1 / 2（50.0%）');
    expect(rateWithCount(0, familiarityRate([]))).toBe('未测');
  });

  it('sums funded counts and prints counts', () => {
    expect(fundedTotal({ enterprise: 4, village: 6, bureau: 2 })).toBe(12);
    expect(fundedTotal(undefined)).toBe(0);
    expect(countText(1380)).toBe('1,380');
    expect(countText(undefined)).toBe('—');
  });
});
