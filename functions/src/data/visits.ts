import type { Page, Visit } from '@beatlink/shared';
import { versionConflict } from '../lib/app-error';
import { tenantPartition } from './entities/common';
import { VisitEntity } from './entities/visits';
import { getItem, putOp, queryAll, queryPage, withoutIndexKeys, type PageRequest, type SortKeyRange, type TxOp } from './repository';

export type StoredVisit = Visit & { tenantId: string };

const base = (tenantId: string) => tenantPartition(tenantId, 'VISIT');
export const officerVisitsPartition = (tenantId: string, officerId: string) => `${base(tenantId)}#OFFICER#${officerId}`;
export const villageVisitsPartition = (tenantId: string, villageId: string) => `${base(tenantId)}#VILLAGE#${villageId}`;

function indexKeys(tenantId: string, v: StoredVisit) {
  const byTime = `${v.checkedInAt}#${v.id}`;
  return { gsi1pk: officerVisitsPartition(tenantId, v.officerId), gsi1sk: byTime, gsi2pk: villageVisitsPartition(tenantId, v.villageId), gsi2sk: byTime };
}

export async function getVisitRecord(tenantId: string, id: string): Promise<StoredVisit | undefined> {
  const item = await getItem<Record<string, unknown>>(VisitEntity, { tenantId, id });
  return item ? withoutIndexKeys<StoredVisit>(item) : undefined;
}

/** A new visit must not exist; a check-out must find the version it was based on. */
export function putVisitOp(visit: StoredVisit, previousVersion: number | undefined): TxOp {
  const condition = previousVersion === undefined ? { attr: 'id', exists: false } : { attr: 'version', eq: previousVersion };
  return putOp(VisitEntity, { ...visit, ...indexKeys(visit.tenantId, visit) }, condition, versionConflict());
}

export type VisitIndex = { by: 'officer'; officerId: string } | { by: 'village'; villageId: string };

function spec(tenantId: string, index: VisitIndex, range?: SortKeyRange) {
  const partition = index.by === 'officer' ? officerVisitsPartition(tenantId, index.officerId) : villageVisitsPartition(tenantId, index.villageId);
  return { partition: base(tenantId), index: { name: index.by === 'officer' ? ('gsi1' as const) : ('gsi2' as const), partition }, range, reverse: true };
}

/** One page of an officer's or a village's visits, newest first, optionally within [from, to]. */
export async function queryVisits(tenantId: string, index: VisitIndex, range: SortKeyRange | undefined, page: PageRequest): Promise<Page<StoredVisit>> {
  const result = await queryPage<Record<string, unknown>>(VisitEntity, spec(tenantId, index, range), page);
  return { ...result, items: result.items.map((i) => withoutIndexKeys<StoredVisit>(i)) };
}

/** Every visit of an officer within a range (one week's duty: bounded by that week's visits). */
export async function allVisits(tenantId: string, index: VisitIndex, range: SortKeyRange): Promise<StoredVisit[]> {
  const items = await queryAll<Record<string, unknown>>(VisitEntity, spec(tenantId, index, range));
  return items.map((i) => withoutIndexKeys<StoredVisit>(i));
}
