import type { Me, OrgTree, Page, Village } from '@beatlink/shared';
import type { Role } from '@beatlink/shared/roles';
import type { ApiClient } from '../api-client';

/**
 * The villages an officer may take a matter in for (the API's own rule, intake.ts
 * `checkVillageInReach`): the offices anywhere in the county; a station chief in his station; an
 * officer or auxiliary of an office in its villages; a contact officer in his workstation's.
 */
export type VillageSource =
  | { type: 'all' }
  | { type: 'office'; officeId: string }
  | { type: 'workstation'; workstationId: string }
  | { type: 'station'; stationId: string }
  | { type: 'none' };

/** Roles whose intake reaches the whole county. */
const COUNTY_WIDE: readonly Role[] = ['program_office', 'governance_office'];

export function villageSourceFor(me: Pick<Me, 'roles' | 'unitId'>): VillageSource {
  if (me.roles.some((role) => COUNTY_WIDE.includes(role))) return { type: 'all' };
  const unit = me.unitId ?? '';
  // The unit's id says which level it is (`stn_…`, `ofc_…`, `wks_…`).
  if (unit.startsWith('stn_')) return { type: 'station', stationId: unit };
  if (unit.startsWith('ofc_')) return { type: 'office', officeId: unit };
  if (unit.startsWith('wks_')) return { type: 'workstation', workstationId: unit };
  return { type: 'none' };
}

export interface VillageOption {
  id: string;
  name: string;
}

const byName = (a: VillageOption, b: VillageOption) => a.name.localeCompare(b.name, 'zh-CN');

/** The active villages of a station in the org tree, sorted by name. */
export function villagesOfStation(tree: OrgTree, stationId: string): VillageOption[] {
  const station = tree.stations.find((s) => s.id === stationId);
  if (!station) return [];
  return station.offices
    .flatMap((office) => office.workstations.flatMap((ws) => ws.villages))
    .filter((village) => village.status === 'active')
    .map(({ id, name }) => ({ id, name }))
    .sort(byName);
}

/** The directory's list allows 200 a page; a county has a few hundred villages at most. */
const PAGE = 200;
const MAX_PAGES = 20;

/** Loads the villages in the caller's reach (active only), sorted by name. */
export async function loadVillagesInReach(api: Pick<ApiClient, 'get'>, source: VillageSource): Promise<VillageOption[]> {
  if (source.type === 'none') return [];
  if (source.type === 'station') return villagesOfStation(await api.get<OrgTree>('/directory/tree'), source.stationId);
  const filter = source.type === 'office' ? { officeId: source.officeId } : source.type === 'workstation' ? { workstationId: source.workstationId } : {};
  const villages: VillageOption[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await api.get<Page<Village>>('/directory/villages', { ...filter, limit: PAGE, cursor });
    villages.push(...result.items.filter((v) => v.status === 'active').map(({ id, name }) => ({ id, name })));
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return villages.sort(byName);
}
