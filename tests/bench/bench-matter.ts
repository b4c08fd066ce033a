import { newId } from '@beatlink/shared';
import type { StoredMatter } from '@beatlink/functions/data/matters';
import type { PlacedVillage } from './seed-shaped-county';

/** Synthetic unit ids of a county whose directory the benchmark did not lay down. */
function syntheticPlacement(i: number): PlacedVillage {
  const unit = (kind: string, n: number) => `${kind}_BENCH${String(n).padStart(21, '0')}`;
  const office = i % 40;
  return {
    villageId: unit('vil', i % 270),
    villageName: `基准村${i % 270}`,
    officeId: unit('ofc', office),
    workstationId: unit('wks', i % 270),
    stationId: unit('stn', office % 8),
  };
}

/**
 * A matter as intake and assignment leave it (assigned to the village's office), taken in at
 * `createdAt`, in the given village or in one of a few synthetic ones. The benchmarks lay down
 * their histories with it, changing status and dates as they need.
 */
export function benchMatter(tenantId: string, i: number, createdAt: string, placement: PlacedVillage = syntheticPlacement(i)): StoredMatter {
  return {
    id: newId('matter', Date.parse(createdAt)),
    tenantId,
    kind: 'demand',
    source: 'officer',
    status: 'assigned',
    title: `基准测试事项${i}`,
    description: '村民反映村口路灯损坏，夜间出行不便，请尽快处理。',
    categoryId: 'public_order',
    categoryName: '治安',
    severity: 'medium',
    linkage: false,
    villageId: placement.villageId,
    villageName: placement.villageName,
    officeId: placement.officeId,
    workstationId: placement.workstationId,
    stationId: placement.stationId,
    occurredAt: createdAt,
    attachmentIds: [],
    holder: { type: 'office', id: placement.officeId, name: `${placement.villageName}所属警务室`, stationId: placement.stationId },
    mergedCount: 0,
    supervision: { escalationLevel: 0, urgeCount: 0 },
    returnCount: 0,
    reopenCount: 0,
    createdByName: '基准测试',
    version: 1,
    createdAt,
    updatedAt: createdAt,
    createdBy: 'bench',
    updatedBy: 'bench',
  };
}
