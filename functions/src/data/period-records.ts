import { idRange } from '@beatlink/shared';
import { tenantPartition } from './entities/common';
import { IntelRecordEntity } from './entities/intel';
import { HouseholdEntity } from './entities/registry';
import { VisitEntity } from './entities/visits';
import { queryAll } from './repository';
import type { StoredIntelRecord } from './intel';
import type { StoredHousehold } from './registry';
import type { StoredVisit } from './visits';

/**
 * The records of one period, for the reports of 研判讲评: ids are ULIDs of the moment a record was
 * made (a visit's of its check-in), so "made within [from, to]" is one key range of the record
 * type's partition — a Query whose cost grows with the period, never with history.
 */
type Range = { from: number; to: number };

function between(tenantId: string, type: string, kind: Parameters<typeof idRange>[0], range: Range) {
  return { partition: tenantPartition(tenantId, type), range: { between: idRange(kind, range.from, range.to) } };
}

/** Visits checked in within the range. */
export function visitsCheckedIn(tenantId: string, range: Range): Promise<StoredVisit[]> {
  return queryAll<StoredVisit>(VisitEntity, between(tenantId, 'VISIT', 'visit', range));
}

/** Information records (信息采集) created within the range. */
export function intelCollected(tenantId: string, range: Range): Promise<StoredIntelRecord[]> {
  return queryAll<StoredIntelRecord>(IntelRecordEntity, between(tenantId, 'INTEL', 'intel', range));
}

/** Households registered within the range. */
export function householdsRegistered(tenantId: string, range: Range): Promise<StoredHousehold[]> {
  return queryAll<StoredHousehold>(HouseholdEntity, between(tenantId, 'HOUSEHOLD', 'household', range));
}
