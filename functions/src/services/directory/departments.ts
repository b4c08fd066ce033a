import { UNIT_LABELS } from '@beatlink/shared';
import { defaultDeps } from '../deps';
import type { DepartmentRecord } from './records';
import type { ResourceDefinition } from './resource-definition';
import { resourceService } from './resource-service';

export const departmentDefinition: ResourceDefinition<DepartmentRecord> = {
  kind: 'department',
  label: UNIT_LABELS.department,
  initial: { activeOfficerCount: 0 },
  blockers: [{ attr: 'activeOfficerCount', type: 'count', message: '仍有在岗民警隶属该局直单位 / active officers still belong to the department' }],
  listQuery: () => ({}),
};

export const departments = resourceService(departmentDefinition, defaultDeps);
