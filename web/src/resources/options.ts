import { OFFICER_ROLES, ROLE_LABELS } from '@beatlink/shared/roles';
import type { SelectOption } from './model';

/** Choices of the directory's enumerations, with their Chinese labels. */
export const AREA_KIND_OPTIONS: readonly SelectOption[] = [
  { value: 'rural', label: '农村' },
  { value: 'urban', label: '城镇社区' },
];
export const VILLAGE_KIND_OPTIONS: readonly SelectOption[] = [
  { value: 'village', label: '行政村' },
  { value: 'community', label: '社区' },
];
export const OFFICER_ROLE_OPTIONS: readonly SelectOption[] = OFFICER_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role].zh }));
/**
 * 社区民警分级: the peer group a community officer is ranked in. OFFICER_GRADE_LABELS of
 * @beatlink/shared/assessment/peer-groups, repeated: that module's peer-group code would add to
 * every directory page's first load (the /officers page is at its budget); options.test.ts keeps
 * the two in step.
 */
export const OFFICER_GRADE_OPTIONS: readonly SelectOption[] = [
  { value: 'first', label: '一级' },
  { value: 'second', label: '二级' },
  { value: 'third', label: '三级' },
];

export const labelOf = (options: readonly SelectOption[], value: unknown) => options.find((o) => o.value === value)?.label;
