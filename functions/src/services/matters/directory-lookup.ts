import type { Agency, Assignee, MatterHolder, MatterRoute, Officer, Village } from '@beatlink/shared';
import { getRecord, listAllRecords, type DirectoryKind } from '../../data/directory-records';
import { invalidField, notFound } from '../../lib/app-error';
import type { TenantScopedContext } from '../../lib/tenant-context';

/**
 * What the matters context reads from the county's directory: villages, the units and agencies a
 * matter can be assigned to, and their officers. Read-only; a record of another county is not
 * found (reads go to the caller's partitions only).
 */
interface UnitRecord {
  id: string;
  name: string;
  status: 'active' | 'inactive';
  stationId?: string;
}

const LABELS: Record<Assignee['type'], string> = {
  station: '派出所 / station',
  office: '警务室 / office',
  workstation: '警务工作站 / workstation',
  department: '局直单位 / department',
  agency: '成员单位 / agency',
};

async function requireActive<T extends { status: string }>(ctx: TenantScopedContext, kind: DirectoryKind, id: string, path: string, label: string): Promise<T> {
  const record = await getRecord<T>(ctx, kind, id);
  if (!record || record.status !== 'active') throw notFound(path, `${label} 不存在或已停用 / not found or inactive`);
  return record;
}

export function requireVillage(ctx: TenantScopedContext, villageId: string, path = 'villageId'): Promise<Village> {
  return requireActive<Village>(ctx, 'village', villageId, path, '村（社区） / village');
}

/** An officer named in an assignment must be active and posted in the unit. */
function postedIn(officer: Officer, assignee: Exclude<Assignee, { type: 'agency' }>): boolean {
  switch (assignee.type) {
    case 'station':
      return officer.stationId === assignee.id;
    case 'office':
      return officer.officeId === assignee.id;
    case 'workstation':
      return officer.workstationId === assignee.id;
    case 'department':
      return officer.departmentId === assignee.id;
  }
}

/** The assignee of an assign/reassign body as the holder stored on the matter. */
export async function resolveHolder(ctx: TenantScopedContext, assignee: Assignee, path = 'assignee'): Promise<MatterHolder> {
  const label = LABELS[assignee.type];
  if (assignee.type === 'agency') {
    const agency = await requireActive<Agency>(ctx, 'agency', assignee.id, `${path}.id`, label);
    return { type: 'agency', id: agency.id, name: agency.name };
  }
  const unit = await requireActive<UnitRecord>(ctx, assignee.type, assignee.id, `${path}.id`, label);
  const stationId = assignee.type === 'station' ? unit.id : assignee.type === 'department' ? undefined : unit.stationId;
  const holder: MatterHolder = { type: assignee.type, id: unit.id, name: unit.name, ...(stationId ? { stationId } : {}) };
  if (!assignee.officerId) return holder;
  const officer = await requireActive<Officer>(ctx, 'officer', assignee.officerId, `${path}.officerId`, '民警 / officer');
  if (!postedIn(officer, assignee)) {
    throw invalidField(`${path}.officerId`, `${officer.name}不在${unit.name}任职 / the officer is not posted in that unit`);
  }
  return { ...holder, officerId: officer.id, officerName: officer.name };
}

/**
 * The concrete body the routing table means for a matter: the police unit of its village, or
 * the first active agency of the kind (by name; a county with several — townships — picks by hand).
 */
export async function suggestHolder(
  ctx: TenantScopedContext,
  route: MatterRoute,
  place: { stationId: string; officeId: string; workstationId: string },
): Promise<Omit<MatterHolder, 'officerName'> | undefined> {
  if (route.target === 'police') {
    if (route.unitType === 'department') return undefined;
    const id = { station: place.stationId, office: place.officeId, workstation: place.workstationId }[route.unitType];
    const unit = await getRecord<UnitRecord>(ctx, route.unitType, id);
    if (!unit || unit.status !== 'active') return undefined;
    return { type: route.unitType, id: unit.id, name: unit.name, stationId: place.stationId };
  }
  const agencies = await listAllRecords<Agency>(ctx, 'agency');
  const match = agencies
    .filter((a) => a.status === 'active' && a.kind === route.agencyKind)
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))[0];
  return match ? { type: 'agency', id: match.id, name: match.name } : undefined;
}
