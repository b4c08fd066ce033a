import type { OrgTree } from '@beatlink/shared';
import { listAllRecords } from '../../data/directory-records';
import { requireTenant, type TenantContext } from '../../lib/tenant-context';
import type { OfficeRecord, OfficerRecord, StationRecord, VillageRecord, WorkstationRecord } from './records';

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'zh-CN');

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Stations → offices → workstations → villages of active units, plus the officers they name. */
export function assembleOrgTree(
  stations: StationRecord[],
  offices: OfficeRecord[],
  workstations: WorkstationRecord[],
  villages: VillageRecord[],
  officers: OfficerRecord[],
): OrgTree {
  const villagesOf = groupBy(villages.sort(byName), (v) => v.workstationId);
  const workstationsOf = groupBy(workstations.sort(byName), (w) => w.officeId);
  const officesOf = groupBy(offices.sort(byName), (o) => o.stationId);
  const tree: OrgTree = {
    stations: stations.sort(byName).map((station) => ({
      ...station,
      offices: (officesOf.get(station.id) ?? []).map((office) => ({
        ...office,
        workstations: (workstationsOf.get(office.id) ?? []).map((w) => ({ ...w, villages: villagesOf.get(w.id) ?? [] })),
      })),
    })),
    officers: {},
  };
  const named = new Set<string>();
  for (const s of stations) if (s.chiefOfficerId) named.add(s.chiefOfficerId);
  for (const o of offices) if (o.communityOfficerId) named.add(o.communityOfficerId);
  for (const w of workstations) if (w.contactOfficerId) named.add(w.contactOfficerId);
  for (const officer of officers) {
    if (named.has(officer.id)) {
      tree.officers[officer.id] = { id: officer.id, name: officer.name, role: officer.role, policeNumber: officer.policeNumber };
    }
  }
  return tree;
}

/** GET /directory/tree: one Query per record type of the county (active records only), no Scan. */
export async function getOrgTree(ctxIn: TenantContext): Promise<OrgTree> {
  const ctx = requireTenant(ctxIn);
  const active = { filter: { attr: 'status', eq: 'active' } } as const;
  const [stations, offices, workstations, villages, officers] = await Promise.all([
    listAllRecords<StationRecord>(ctx, 'station', active),
    listAllRecords<OfficeRecord>(ctx, 'office', active),
    listAllRecords<WorkstationRecord>(ctx, 'workstation', active),
    listAllRecords<VillageRecord>(ctx, 'village', active),
    listAllRecords<OfficerRecord>(ctx, 'officer', active),
  ]);
  return assembleOrgTree(stations, offices, workstations, villages, officers);
}
