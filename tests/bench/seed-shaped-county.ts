import { newId } from '@beatlink/shared';
import type * as DirectoryRecords from '@beatlink/functions/data/directory-records';
import { planCounty } from '@beatlink/infra/local/seed-plan';
import { bulkPut } from './bulk-load';

/**
 * The directory of the seed-shaped county (80 offices, 270 workstations, their villages and
 * their community and contact officers, as `npm start` plans 370283) written straight into a
 * fresh county partition, so a benchmark can run county-sized work on a stack seeded small.
 * What duty and analysis need: stations, offices, workstations, villages, and the officers
 * posted to them; the villages come back with where they sit, for laying down matters.
 */
export interface PlacedVillage {
  villageId: string;
  villageName: string;
  officeId: string;
  workstationId: string;
  stationId: string;
}

export async function layDownSeedShapedDirectory(
  tenantId: string,
): Promise<{ stations: number; offices: number; workstations: number; villages: number; officers: number; placed: PlacedVillage[] }> {
  const records: typeof DirectoryRecords = await import('@beatlink/functions/data/directory-records');
  const plan = planCounty('370283', 'full');
  const ids = new Map<string, string>();
  const idOf = (key: string, kind: Parameters<typeof newId>[0]) => {
    if (!ids.has(key)) ids.set(key, newId(kind));
    return ids.get(key)!;
  };
  const meta = { status: 'active', version: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', createdBy: 'bench', updatedBy: 'bench', tenantId };
  const item = (kind: DirectoryRecords.DirectoryKind, record: Record<string, unknown>) => ({ ...meta, ...record, ...records.indexKeysOf(tenantId, kind, record) });

  const officerOf = new Map<string, string>();
  const officers = plan.officers
    .filter((o) => (o.input.role === 'community_officer' && o.placement.officeKey) || (o.input.role === 'contact_officer' && o.placement.workstationKey))
    .map((o) => {
      const unitKey = (o.input.role === 'community_officer' ? o.placement.officeKey : o.placement.workstationKey)!;
      const id = idOf(o.key, 'officer');
      officerOf.set(unitKey, id);
      return item('officer', {
        id,
        ...o.input,
        username: `${o.input.username}.${tenantId}`,
        stationId: o.placement.stationKey ? idOf(o.placement.stationKey, 'station') : undefined,
        ...(o.placement.officeKey ? { officeId: idOf(o.placement.officeKey, 'office') } : {}),
        ...(o.placement.workstationKey ? { workstationId: idOf(o.placement.workstationKey, 'workstation') } : {}),
      });
    });
  const stationOfOffice = new Map(plan.offices.map((o) => [o.key, o.stationKey]));
  const offices = plan.offices.map((o) =>
    item('office', { id: idOf(o.key, 'office'), ...o.input, stationId: idOf(o.stationKey, 'station'), communityOfficerId: officerOf.get(o.key) }),
  );
  const workstations = plan.workstations.map((w) =>
    item('workstation', {
      id: idOf(w.key, 'workstation'),
      ...w.input,
      officeId: idOf(w.officeKey, 'office'),
      stationId: idOf(stationOfOffice.get(w.officeKey)!, 'station'),
      contactOfficerId: officerOf.get(w.key),
    }),
  );
  const villages = plan.villages.map((v) =>
    item('village', {
      id: idOf(v.key, 'village'),
      ...v.input,
      officeId: idOf(v.officeKey, 'office'),
      workstationId: idOf(v.workstationKey, 'workstation'),
      stationId: idOf(stationOfOffice.get(v.officeKey)!, 'station'),
    }),
  );
  const stations = plan.stations.map((st) => item('station', { id: idOf(st.key, 'station'), ...st.input }));
  await bulkPut(records.ENTITIES.station, stations, 6);
  await bulkPut(records.ENTITIES.officer, officers, 6);
  await bulkPut(records.ENTITIES.office, offices, 6);
  await bulkPut(records.ENTITIES.workstation, workstations, 6);
  await bulkPut(records.ENTITIES.village, villages, 6);
  const placed = (villages as Array<Record<string, unknown>>).map((v) => ({
    villageId: v.id as string,
    villageName: v.name as string,
    officeId: v.officeId as string,
    workstationId: v.workstationId as string,
    stationId: v.stationId as string,
  }));
  return { stations: stations.length, offices: offices.length, workstations: workstations.length, villages: villages.length, officers: officers.length, placed };
}
