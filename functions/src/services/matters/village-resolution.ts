import { haversineMetres, type PublicMatterCreateInput, type Village } from '@beatlink/shared';

/**
 * Which village an integrator's matter belongs to, from what it knows: our village id, the
 * village's division code, a point, or an address. Pure: the county's active villages come in.
 */
export type VillageHints = Pick<PublicMatterCreateInput, 'villageId' | 'divisionCode' | 'location' | 'address'>;
export type VillageHintField = keyof VillageHints;

/** A point further than this from every village's recorded position matches none. */
export const MAX_VILLAGE_DISTANCE_METRES = 5_000;

type Candidate = Pick<Village, 'id' | 'name' | 'status' | 'divisionCode' | 'location'>;

function byLocation<V extends Candidate>(villages: readonly V[], point: { lat: number; lng: number }): V | undefined {
  let best: { village: V; metres: number } | undefined;
  for (const village of villages) {
    if (!village.location) continue;
    const metres = haversineMetres(point, village.location);
    if (metres <= MAX_VILLAGE_DISTANCE_METRES && (!best || metres < best.metres)) best = { village, metres };
  }
  return best?.village;
}

/** The village whose name the address contains; the longest name wins (东村 inside 东村新村 loses). */
function byAddress<V extends Candidate>(villages: readonly V[], address: string): V | undefined {
  let best: V | undefined;
  for (const village of villages) {
    if (village.name && address.includes(village.name) && (!best || village.name.length > best.name.length)) best = village;
  }
  return best;
}

const ORDER: VillageHintField[] = ['villageId', 'divisionCode', 'location', 'address'];

/**
 * The first hint (in the order villageId → divisionCode → location → address) that names an
 * active village wins. When none does, `field` is the first hint that was given: the one a 400
 * names.
 */
export function resolveVillage<V extends Candidate>(villages: readonly V[], hints: VillageHints): { village: V } | { field: VillageHintField } {
  const active = villages.filter((v) => v.status === 'active');
  for (const field of ORDER) {
    const found =
      field === 'villageId' && hints.villageId
        ? active.find((v) => v.id === hints.villageId)
        : field === 'divisionCode' && hints.divisionCode
          ? active.find((v) => v.divisionCode === hints.divisionCode)
          : field === 'location' && hints.location
            ? byLocation(active, hints.location)
            : field === 'address' && hints.address
              ? byAddress(active, hints.address)
              : undefined;
    if (found) return { village: found };
  }
  return { field: ORDER.find((f) => hints[f] !== undefined && hints[f] !== '') ?? 'villageId' };
}

export const VILLAGE_NOT_RESOLVED: Record<VillageHintField, string> = {
  villageId: '村（社区）不存在或已停用 / no active village with this id',
  divisionCode: '没有该区划代码的村（社区） / no active village with this division code',
  location: `${MAX_VILLAGE_DISTANCE_METRES / 1000} 公里内没有已登记位置的村（社区） / no village with a recorded position within ${MAX_VILLAGE_DISTANCE_METRES / 1000} km`,
  address: '地址中未找到本县的村（社区）名称 / the address names no village of the county',
};
