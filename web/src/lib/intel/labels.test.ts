import { describe, expect, it } from 'vitest';
import { INTEL_TYPES, RELIABILITY_GRADES, VERIFICATION_STATES } from '@beatlink/shared/intel/labels';
import {
  INTEL_TYPE_COLORS,
  RELIABILITY_COLORS,
  VERIFICATION_COLORS,
  changedFieldLabel,
  genderLabel,
  intelHref,
  intelTypeLabel,
  isIntelType,
  isVerificationState,
  reliabilityText,
  secretFieldLabel,
  verificationColor,
  verificationLabel,
} from './labels';

describe('intel labels', () => {
  it('has a colour for every type, grade and state', () => {
    expect(Object.keys(INTEL_TYPE_COLORS).sort()).toEqual([...INTEL_TYPES].sort());
    expect(Object.keys(RELIABILITY_COLORS).sort()).toEqual([...RELIABILITY_GRADES].sort());
    expect(Object.keys(VERIFICATION_COLORS).sort()).toEqual([...VERIFICATION_STATES].sort());
    expect(verificationColor('nope')).toBe('default');
  });

  it('labels in Chinese', () => {
    expect(intelTypeLabel('organisation')).toBe('组织');
    expect(verificationLabel('disputed')).toBe('存疑');
    expect(reliabilityText('B')).toBe('B 通常可靠');
    expect(reliabilityText('Z')).toBe('Z');
    expect(genderLabel('female')).toBe('女');
    expect(secretFieldLabel('idNumber')).toBe('身份证号码');
    expect(intelHref('itl_1')).toBe('/intel/view?id=itl_1');
  });

  it('names the fields of a history entry', () => {
    expect(changedFieldLabel('person.idNumber')).toBe('身份证号码');
    expect(changedFieldLabel('person.name')).toBe('姓名');
    expect(changedFieldLabel('place.name')).toBe('名称');
    expect(changedFieldLabel('links')).toBe('关联记录');
    expect(changedFieldLabel('verification')).toBe('核实状态');
    expect(changedFieldLabel('thing.unknownField')).toBe('unknownField');
    expect(changedFieldLabel('odd')).toBe('odd');
  });

  it('recognises types and states from the URL', () => {
    expect(isIntelType('person')).toBe(true);
    expect(isIntelType('people')).toBe(false);
    expect(isVerificationState('verified')).toBe(true);
    expect(isVerificationState(null)).toBe(false);
  });
});
