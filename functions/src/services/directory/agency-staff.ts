import { provinceOf } from '@beatlink/shared';
import { USERNAME_SCOPE } from '../../data/unique-values';
import { defaultDeps } from '../deps';
import type { AgencyStaffRecord } from './records';
import type { ResourceDefinition } from './resource-definition';
import { resourceService } from './resource-service';

/** Staff of a member agency, created under `/directory/agencies/{id}/staff` with their account. */
export const agencyStaffDefinition: ResourceDefinition<AgencyStaffRecord> = {
  kind: 'agencyStaff',
  label: { zh: '成员单位工作人员', en: 'agency staff member' },
  claims: (staff) => [{ type: 'count', unit: 'agency', unitId: staff.agencyId, attr: 'activeStaffCount', holder: staff.id, path: 'id' }],
  uniques: (staff) => [
    { scope: USERNAME_SCOPE, value: staff.username, path: 'username', message: '用户名已被使用 / username already taken', releaseOnDeactivate: false },
  ],
  identity: {
    username: (staff) => staff.username,
    group: () => 'agency_staff',
    attributes: (staff, tenantId) => ({
      name: staff.name,
      email: staff.email,
      'custom:tenantId': tenantId,
      'custom:provinceId': provinceOf(tenantId),
      'custom:agencyId': staff.agencyId,
    }),
    usernamePath: 'username',
  },
  listQuery: (query) => ({ under: { index: 'gsi1', parent: 'agency', parentId: String(query.agencyId) } }),
  listParent: (query) => ({ kind: 'agency', id: String(query.agencyId), path: 'id' }),
  restrict: (ctx) => (ctx.scope === 'unit' ? { attr: 'agencyId', value: ctx.agencyId ?? '' } : undefined),
};

export const agencyStaff = resourceService(agencyStaffDefinition, defaultDeps);
