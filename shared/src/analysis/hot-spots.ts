import type { TenantConfig } from '../platform/config';
import type { VillageRow } from './reports';

/**
 * Villages ranked by their matters in a period against the period before, and the hot spots
 * (热点) among them. Zod-free and pure.
 */
export type AnalysisRules = TenantConfig['analysis'];

export interface VillageName {
  id: string;
  name: string;
  stationId: string;
}

/**
 * 热点: at least `hotSpotMinMatters` matters and at least `hotSpotRiseFactor` times the count of
 * the period before. None before counts as a rise (any count ≥ factor × 0).
 */
export function isHotSpot(count: number, previous: number, rules: Pick<AnalysisRules, 'hotSpotMinMatters' | 'hotSpotRiseFactor'>): boolean {
  return count >= rules.hotSpotMinMatters && count >= rules.hotSpotRiseFactor * previous;
}

/** Most matters first; ties by name, then id, so the order never depends on input order. */
export function compareVillageRows(a: VillageRow, b: VillageRow): number {
  return b.count - a.count || a.villageName.localeCompare(b.villageName, 'zh-CN') || a.villageId.localeCompare(b.villageId);
}

/**
 * One row per village with matters in the period (a village that fell to none is no news for a
 * ranking), sorted by compareVillageRows. Names come from the directory, else from the matters.
 */
export function villageRows(
  counts: Record<string, number>,
  previous: Record<string, number>,
  names: ReadonlyMap<string, VillageName>,
  rules: Pick<AnalysisRules, 'hotSpotMinMatters' | 'hotSpotRiseFactor'>,
): VillageRow[] {
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([villageId, count]) => {
      const before = previous[villageId] ?? 0;
      const village = names.get(villageId);
      return {
        villageId,
        villageName: village?.name ?? villageId,
        stationId: village?.stationId ?? '',
        count,
        previous: before,
        change: count - before,
        hot: isHotSpot(count, before, rules),
      };
    })
    .sort(compareVillageRows);
}
