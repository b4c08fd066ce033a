import { newId, type Village } from '@beatlink/shared';
import type { StoredIntelRecord } from '@beatlink/functions/data/intel';
import type { StoredMatter } from '@beatlink/functions/data/matters';
import type { StoredHousehold } from '@beatlink/functions/data/registry';

/**
 * Records as the services store them, for suites that lay down exact histories straight into
 * the table (analysis, assessment): the defaults of a plain record at `when` in `village`,
 * changed by `extra`. Type-only imports: nothing here loads a handler module.
 */
type Place = Pick<Village, 'id' | 'name' | 'officeId' | 'workstationId' | 'stationId'>;

const placeOf = (village: Place) => ({ villageId: village.id, villageName: village.name, officeId: village.officeId, workstationId: village.workstationId, stationId: village.stationId });

export function storedMatter(tenantId: string, when: string, village: Place, extra: Partial<StoredMatter> = {}): StoredMatter {
  return {
    id: newId('matter', Date.parse(when)),
    tenantId,
    kind: 'demand',
    source: 'officer',
    status: 'triage',
    title: '测试事项',
    description: '测试事项',
    categoryId: 'public_order',
    categoryName: '治安',
    severity: 'medium',
    linkage: false,
    ...placeOf(village),
    occurredAt: when,
    attachmentIds: [],
    mergedCount: 0,
    supervision: { escalationLevel: 0, urgeCount: 0 },
    returnCount: 0,
    reopenCount: 0,
    createdByName: '测试',
    version: 1,
    createdAt: when,
    updatedAt: when,
    createdBy: 'test',
    updatedBy: 'test',
    ...extra,
  };
}

export function storedIntel(tenantId: string, when: string, village: Place, extra: Partial<StoredIntelRecord> = {}): StoredIntelRecord {
  return {
    tenantId,
    id: newId('intel', Date.parse(when)),
    type: 'place',
    title: '村口小卖部',
    ...placeOf(village),
    details: {},
    secrets: {},
    lookupHashes: [],
    tags: [],
    links: [],
    reliability: 'B',
    verification: { state: 'unverified' },
    source: { username: 'test', name: '测试' },
    status: 'active',
    version: 1,
    createdAt: when,
    updatedAt: when,
    createdBy: 'test',
    updatedBy: 'test',
    ...extra,
  };
}

export function storedHousehold(tenantId: string, when: string, village: Place, address: string): StoredHousehold {
  return { tenantId, id: newId('household', Date.parse(when)), ...placeOf(village), address, headName: '王大', members: 3, tags: [], status: 'active', version: 1, createdAt: when, updatedAt: when, createdBy: 'test', updatedBy: 'test' } as StoredHousehold;
}
