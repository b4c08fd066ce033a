import { describe, expect, it } from 'vitest';
import { OFFICER_GRADE_LABELS, OFFICER_GRADES } from '@beatlink/shared/assessment/peer-groups';
import { OFFICER_GRADE_OPTIONS, labelOf } from './options';

describe('officer grade options', () => {
  it('are the shared grades with their labels, in order', () => {
    expect(OFFICER_GRADE_OPTIONS).toEqual(OFFICER_GRADES.map((grade) => ({ value: grade, label: OFFICER_GRADE_LABELS[grade] })));
    expect(labelOf(OFFICER_GRADE_OPTIONS, 'second')).toBe('二级');
    expect(labelOf(OFFICER_GRADE_OPTIONS, undefined)).toBeUndefined();
  });
});
