import { DUTY_ROLES, type DutyRole, type Office, type Officer, type Village, type Workstation } from '@beatlink/shared';
import { getRecord, listAllRecords } from '../../data/directory-records';
import type { TenantScopedContext } from '../../lib/tenant-context';
import type { DutyOfficer } from './officer-week';

/**
 * Who has village duty and where: a community officer serves the villages of his office (警务室),
 * a contact officer those of his workstation (警务工作站). Active villages only.
 */
export const isDutyRole = (role: string): role is DutyRole => (DUTY_ROLES as readonly string[]).includes(role);

const villageRef = (v: Village) => ({ id: v.id, name: v.name });

/** One officer with his villages, or undefined when he has no village duty (or no post yet). */
export async function dutyOfficer(ctx: TenantScopedContext, officerId: string): Promise<{ officer: Officer; duty?: DutyOfficer } | undefined> {
  const officer = await getRecord<Officer>(ctx, 'officer', officerId);
  if (!officer) return undefined;
  if (!isDutyRole(officer.role) || officer.status !== 'active') return { officer };
  const unitId = officer.role === 'community_officer' ? officer.officeId : officer.workstationId;
  const villages = unitId
    ? await listAllRecords<Village>(ctx, 'village', {
        under: officer.role === 'community_officer' ? { index: 'gsi1', parent: 'office', parentId: unitId } : { index: 'gsi2', parent: 'workstation', parentId: unitId },
      })
    : [];
  return {
    officer,
    duty: {
      id: officer.id,
      name: officer.name,
      role: officer.role,
      ...(officer.stationId ? { stationId: officer.stationId } : {}),
      ...(unitId ? { unitId } : {}),
      villages: villages.filter((v) => v.status === 'active').map(villageRef),
    },
  };
}

/** The county's offices and workstations: who is posted where (two Queries). */
export async function dutyUnits(ctx: TenantScopedContext, reads: { items: number } = { items: 0 }): Promise<{ offices: Office[]; workstations: Workstation[] }> {
  const [offices, workstations] = await Promise.all([listAllRecords<Office>(ctx, 'office'), listAllRecords<Workstation>(ctx, 'workstation')]);
  reads.items += offices.length + workstations.length;
  return { offices, workstations };
}

/** The posts with a duty officer assigned (office → community officer, workstation → contact officer), by station. */
export function assignedPosts(units: { offices: Office[]; workstations: Workstation[] }): Array<{ officerId: string; stationId: string }> {
  return [
    ...units.offices.flatMap((o) => (o.communityOfficerId && o.status === 'active' ? [{ officerId: o.communityOfficerId, stationId: o.stationId }] : [])),
    ...units.workstations.flatMap((w) => (w.contactOfficerId && w.status === 'active' ? [{ officerId: w.contactOfficerId, stationId: w.stationId }] : [])),
  ];
}

/**
 * Every officer the county's duty rules apply to: the community officers assigned to its offices
 * and the contact officers assigned to its workstations, each with his villages. Four Queries of
 * the directory whatever the week. Inactive offices and workstations have no duty.
 */
export async function countyDutyOfficers(ctx: TenantScopedContext, reads: { items: number } = { items: 0 }): Promise<DutyOfficer[]> {
  const [{ offices, workstations }, villages, officers] = await Promise.all([
    dutyUnits(ctx, reads),
    listAllRecords<Village>(ctx, 'village'),
    listAllRecords<Officer>(ctx, 'officer'),
  ]);
  reads.items += villages.length + officers.length;
  const officerById = new Map(officers.filter((o) => o.status === 'active').map((o) => [o.id, o]));
  const byUnit = new Map<string, Village[]>();
  for (const v of villages.filter((x) => x.status === 'active')) {
    for (const unitId of [v.officeId, v.workstationId]) byUnit.set(unitId, [...(byUnit.get(unitId) ?? []), v]);
  }
  const posts: Array<{ officerId?: string; role: DutyRole; unitId: string; stationId: string; villages: Village[] }> = [
    ...offices.filter((o) => o.status === 'active').map((o) => ({ officerId: o.communityOfficerId, role: 'community_officer' as const, unitId: o.id, stationId: o.stationId, villages: byUnit.get(o.id) ?? [] })),
    ...workstations.filter((w) => w.status === 'active').map((w) => ({ officerId: w.contactOfficerId, role: 'contact_officer' as const, unitId: w.id, stationId: w.stationId, villages: byUnit.get(w.id) ?? [] })),
  ];
  return posts.flatMap((p) => {
    const officer = p.officerId ? officerById.get(p.officerId) : undefined;
    if (!officer || officer.role !== p.role) return [];
    return [{ id: officer.id, name: officer.name, role: p.role, stationId: p.stationId, unitId: p.unitId, villages: p.villages.map(villageRef) }];
  });
}
