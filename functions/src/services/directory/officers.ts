import { provinceOf } from '@beatlink/shared';
import type { RecordQuery } from '../../data/directory-records';
import { policeNumberScope, USERNAME_SCOPE } from '../../data/unique-values';
import { all } from '../../data/conditions';
import { invalidField, validationFailed } from '../../lib/app-error';
import { defaultDeps } from '../deps';
import { officerClaims, placementIssues, unitOf } from './officer-placement';
import type { OfficeRecord, OfficerRecord } from './records';
import type { ListInput, ResourceDefinition } from './resource-definition';
import { resourceService } from './resource-service';

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function officerListQuery(query: ListInput): RecordQuery {
  const stationId = text(query.stationId);
  const departmentId = text(query.departmentId);
  const role = text(query.role);
  const byRole = role ? { attr: 'role', eq: role } : undefined;
  if (stationId) {
    return { under: { index: 'gsi1', parent: 'station', parentId: stationId }, filter: all(byRole, departmentId ? { attr: 'departmentId', eq: departmentId } : undefined) };
  }
  if (departmentId) return { under: { index: 'gsi1', parent: 'department', parentId: departmentId }, filter: byRole };
  return { filter: byRole };
}

/** Officers: placement by role, one post holder at a time, unique police number, an account. */
export const officerDefinition: ResourceDefinition<OfficerRecord> = {
  kind: 'officer',
  label: { zh: '民警', en: 'officer' },
  async resolve(officer, io) {
    const issues = placementIssues(officer.role, officer);
    if (issues.length > 0) throw validationFailed(issues);
    if (officer.officeId) {
      const office = await io.units.requireActive<OfficeRecord>('office', officer.officeId, 'officeId');
      if (office.stationId !== officer.stationId) {
        throw invalidField('officeId', '该警务室不属于所选派出所 / the office is not under the station');
      }
    }
    return officer;
  },
  claims: officerClaims,
  uniques: (officer, tenantId) => [
    { scope: policeNumberScope(tenantId), value: officer.policeNumber, path: 'policeNumber', message: '警号已被使用 / police number already in use', releaseOnDeactivate: true },
    { scope: USERNAME_SCOPE, value: officer.username, path: 'username', message: '用户名已被使用 / username already taken', releaseOnDeactivate: false },
  ],
  identity: {
    username: (officer) => officer.username,
    group: (officer) => officer.role,
    attributes: (officer, tenantId) => ({
      name: officer.name,
      email: officer.email,
      'custom:tenantId': tenantId,
      'custom:provinceId': provinceOf(tenantId),
      'custom:officerId': officer.id,
      'custom:unitId': unitOf(officer),
    }),
    usernamePath: 'username',
  },
  listQuery: officerListQuery,
};

export const officers = resourceService(officerDefinition, defaultDeps);
