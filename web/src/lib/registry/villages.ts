import { RESOURCE_DEVICE_LABELS, RESOURCE_DEVICES } from '@beatlink/shared/registry/labels';
import type { OrgTree } from '@beatlink/shared';
import type { VillageFamiliarity, VillageResources } from '@beatlink/shared/registry/households';
import type { FamiliarityRate } from '@beatlink/shared/intel/familiarity';
import { FUNDER_KEYS, fundedTotal } from './labels';

/** One village of the county as the village list shows it (from the organisation tree). */
export interface VillageRow {
  id: string;
  name: string;
  kind: string;
  divisionCode?: string;
  households?: number;
  population?: number;
  status: 'active' | 'inactive';
  stationId: string;
  officeId: string;
  workstationId: string;
  stationName: string;
  officeName: string;
  workstationName: string;
}

export const villageHref = (id: string) => `/villages/view?id=${encodeURIComponent(id)}`;

/** Every village of the tree, with the names of its station, office and workstation, sorted by station then name. */
export function villageRows(tree: OrgTree | undefined): VillageRow[] {
  if (!tree) return [];
  const rows: VillageRow[] = [];
  for (const station of tree.stations) {
    for (const office of station.offices) {
      for (const workstation of office.workstations) {
        for (const v of workstation.villages) {
          rows.push({
            id: v.id,
            name: v.name,
            kind: v.kind,
            divisionCode: v.divisionCode,
            households: v.households,
            population: v.population,
            status: v.status,
            stationId: station.id,
            officeId: office.id,
            workstationId: workstation.id,
            stationName: station.name,
            officeName: office.name,
            workstationName: workstation.name,
          });
        }
      }
    }
  }
  return rows;
}

/**
 * The villages a user reaches for an action of the given scope (the village pickers): the county,
 * his station, or his office / workstation. Nothing for a scope without a unit.
 */
export function villagesInReach(rows: readonly VillageRow[], scope: string | undefined, unitId: string | undefined): VillageRow[] {
  if (scope === 'tenant') return [...rows];
  if (!unitId) return [];
  if (scope === 'station') return rows.filter((r) => r.stationId === unitId);
  if (scope === 'unit') return rows.filter((r) => r.officeId === unitId || r.workstationId === unitId);
  return [];
}

/** The rows whose name, division code or unit names contain every word of the search (case-insensitive). */
export function filterVillages(rows: readonly VillageRow[], search: string, includeInactive = false): VillageRow[] {
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    if (!includeInactive && row.status !== 'active') return false;
    const hay = [row.name, row.divisionCode ?? '', row.stationName, row.officeName, row.workstationName].join(' ').toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/** One line of the familiarity table: the village, then each officer. */
export interface FamiliarityRow {
  key: string;
  label: string;
  rate: FamiliarityRate;
}

export function familiarityRows(data: VillageFamiliarity | undefined, officerName: (id: string) => string | undefined): FamiliarityRow[] {
  if (!data) return [];
  const officers = Object.entries(data.byOfficer)
    .map(([id, rate]) => ({ key: id, name: officerName(id), rate }))
    .sort((a, b) => (a.name === undefined ? 1 : 0) - (b.name === undefined ? 1 : 0) || (a.name ?? a.key).localeCompare(b.name ?? b.key, 'zh-CN'))
    .map(({ key, name, rate }) => ({ key, label: name ?? '（已调离民警）', rate }));
  return [{ key: 'village', label: '全村（社区）', rate: data.village }, ...officers];
}

/** One kind of device (探头、气死贼、电子狗) with its count per funder and its total. */
export interface DeviceRow {
  key: 'cameras' | 'windowGuards' | 'alarms';
  label: string;
  enterprise: number;
  village: number;
  bureau: number;
  total: number;
}

const DEVICE_LABELS = Object.fromEntries(RESOURCE_DEVICES.map((d) => [d, RESOURCE_DEVICE_LABELS[d].zh])) as Record<DeviceRow['key'], string>;

export function deviceRows(resources: VillageResources | undefined): DeviceRow[] {
  if (!resources) return [];
  return (Object.keys(DEVICE_LABELS) as DeviceRow['key'][]).map((key) => {
    const c = resources[key] ?? { enterprise: 0, village: 0, bureau: 0 };
    const row = { key, label: DEVICE_LABELS[key], enterprise: 0, village: 0, bureau: 0, total: fundedTotal(c) };
    for (const funder of FUNDER_KEYS) row[funder] = c[funder];
    return row;
  });
}

/** Patrol team members in all; version 0 means the village has recorded nothing yet. */
export function resourceTotals(resources: VillageResources | undefined): { recorded: boolean; teams: number; teamMembers: number; activists: number } {
  if (!resources) return { recorded: false, teams: 0, teamMembers: 0, activists: 0 };
  return {
    recorded: resources.version > 0,
    teams: resources.patrolTeams.length,
    teamMembers: resources.patrolTeams.reduce((sum, t) => sum + t.members, 0),
    activists: resources.activists,
  };
}
