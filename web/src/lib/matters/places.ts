import type { OrgTree } from '@beatlink/shared/directory/units';
import type { HolderType } from '@beatlink/shared/matters/views';

/** Options for the village filter and the assignment dialog, from the org tree (GET /directory/tree). */
export interface PlaceOption {
  value: string;
  label: string;
  /** Searched by the select: village, workstation, office and station names. */
  search: string;
}

/** Active villages as "村名（工作站 · 派出所）", searchable by any of the names above them. */
export function villageOptions(tree: OrgTree | undefined): PlaceOption[] {
  if (!tree) return [];
  const options: PlaceOption[] = [];
  for (const station of tree.stations) {
    for (const office of station.offices) {
      for (const workstation of office.workstations) {
        for (const village of workstation.villages) {
          if (village.status !== 'active') continue;
          options.push({
            value: village.id,
            label: `${village.name}（${workstation.name} · ${station.name}）`,
            search: `${village.name} ${workstation.name} ${office.name} ${station.name}`,
          });
        }
      }
    }
  }
  return options;
}

/** Active police units of one type as options ("东关警务室（城关派出所）"), for the assignee select. */
export function policeUnitOptions(tree: OrgTree | undefined, type: Exclude<HolderType, 'agency' | 'department'>): PlaceOption[] {
  if (!tree) return [];
  const options: PlaceOption[] = [];
  for (const station of tree.stations) {
    if (station.status !== 'active') continue;
    if (type === 'station') options.push({ value: station.id, label: station.name, search: station.name });
    for (const office of station.offices) {
      if (office.status !== 'active') continue;
      if (type === 'office') options.push({ value: office.id, label: `${office.name}（${station.name}）`, search: `${office.name} ${station.name}` });
      if (type !== 'workstation') continue;
      for (const workstation of office.workstations) {
        if (workstation.status !== 'active') continue;
        options.push({
          value: workstation.id,
          label: `${workstation.name}（${office.name}）`,
          search: `${workstation.name} ${office.name} ${station.name} ${workstation.villages.map((v) => v.name).join(' ')}`,
        });
      }
    }
  }
  return options;
}

/** The officer posted in a unit by the tree (chief / community officer / contact officer), if any. */
export function postedOfficer(tree: OrgTree | undefined, type: HolderType, unitId: string): { id: string; name: string } | undefined {
  if (!tree) return undefined;
  for (const station of tree.stations) {
    const pick = (officerId: string | undefined) => (officerId && tree.officers[officerId] ? { id: officerId, name: tree.officers[officerId]!.name } : undefined);
    if (type === 'station' && station.id === unitId) return pick(station.chiefOfficerId);
    for (const office of station.offices) {
      if (type === 'office' && office.id === unitId) return pick(office.communityOfficerId);
      for (const workstation of office.workstations) {
        if (type === 'workstation' && workstation.id === unitId) return pick(workstation.contactOfficerId);
      }
    }
  }
  return undefined;
}
