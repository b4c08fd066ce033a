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

export const labelOf = (options: readonly SelectOption[], value: unknown) => options.find((o) => o.value === value)?.label;
