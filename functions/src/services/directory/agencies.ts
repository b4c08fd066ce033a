import { defaultDeps } from '../deps';
import type { AgencyRecord } from './records';
import type { ResourceDefinition } from './resource-definition';
import { resourceService } from './resource-service';

export const agencyDefinition: ResourceDefinition<AgencyRecord> = {
  kind: 'agency',
  label: { zh: '成员单位', en: 'agency' },
  initial: { activeStaffCount: 0 },
  blockers: [{ attr: 'activeStaffCount', type: 'count', message: '该成员单位仍有启用的工作人员 / the agency still has active staff' }],
  listQuery: () => ({}),
  // Agency staff read their own agency only.
  restrict: (ctx) => (ctx.scope === 'unit' ? { attr: 'id', value: ctx.agencyId ?? '' } : undefined),
};

export const agencies = resourceService(agencyDefinition, defaultDeps);
