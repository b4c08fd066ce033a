import { checkPlacement, type ErrorDetail, type OfficerRole } from '@beatlink/shared';
import type { Claim } from './claims';
import type { OfficerRecord } from './records';
import type { DirectoryRules } from './rules';

type Placement = Pick<OfficerRecord, 'id' | 'role' | 'stationId' | 'departmentId' | 'officeId' | 'workstationId'>;

/** The role's placement rules (ROLE_PLACEMENT) as error details, one per offending field. */
export function placementIssues(role: OfficerRole, placement: Partial<Placement>): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  checkPlacement(role, placement, { addIssue: (issue) => details.push({ path: issue.path.join('.'), message: issue.message }) });
  return details;
}

/** The unit an officer works in, as his `custom:unitId`: the most specific post he holds. */
export function unitOf(officer: Partial<Placement>): string | undefined {
  return officer.workstationId ?? officer.officeId ?? officer.stationId ?? officer.departmentId;
}

/**
 * What an active officer holds: membership of his station or department (counted, so a unit
 * with officers cannot be deactivated), and the one-at-a-time posts of his role — the station's
 * chief, an office's community officer, a workstation's contact officer — or one of an office's
 * limited auxiliary places.
 */
export function officerClaims(officer: Placement, rules: DirectoryRules): Claim[] {
  const claims: Claim[] = [];
  const holder = officer.id;
  if (officer.stationId) {
    claims.push({ type: 'count', unit: 'station', unitId: officer.stationId, attr: 'activeOfficerCount', holder, path: 'stationId' });
  }
  if (officer.departmentId) {
    claims.push({ type: 'count', unit: 'department', unitId: officer.departmentId, attr: 'activeOfficerCount', holder, path: 'departmentId' });
  }
  switch (officer.role) {
    case 'station_chief':
      if (officer.stationId) {
        claims.push({ type: 'slot', unit: 'station', unitId: officer.stationId, attr: 'chiefOfficerId', holder, path: 'stationId', takenMessage: '该派出所已有所长 / the station already has a chief' });
      }
      break;
    case 'community_officer':
      if (officer.officeId) {
        claims.push({ type: 'slot', unit: 'office', unitId: officer.officeId, attr: 'communityOfficerId', holder, path: 'officeId', takenMessage: '该警务室已有社区民警 / the office already has a community officer' });
      }
      break;
    case 'auxiliary':
      if (officer.officeId) {
        claims.push({
          type: 'count',
          unit: 'office',
          unitId: officer.officeId,
          attr: 'auxiliaryCount',
          holder,
          path: 'officeId',
          max: rules.auxiliariesPerOffice,
          limitMessage: `该警务室辅警已满（${rules.auxiliariesPerOffice} 名） / the office already has ${rules.auxiliariesPerOffice} auxiliaries`,
        });
      }
      break;
    case 'contact_officer':
      if (officer.workstationId) {
        claims.push({ type: 'slot', unit: 'workstation', unitId: officer.workstationId, attr: 'contactOfficerId', holder, path: 'workstationId', takenMessage: '该警务工作站已有包村民警 / the workstation already has a contact officer' });
      }
      break;
    default:
      break;
  }
  return claims;
}
