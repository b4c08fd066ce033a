import type { Page, Visit } from '@beatlink/shared';
import { versionConflict } from '../lib/app-error';
import { tenantPartition } from './entities/common';
import { VisitEntity } from './entities/visits';
import { getItem, putOp, queryAll, queryPage, withoutIndexKeys, type PageRequest, type SortKeyRange, type TxOp } from './repository';

export type StoredVisit = Visit & { tenantId: string };

const base = (tenantId: string) => tenantPartition(tenantId, 'VISIT');
export const officerVisitsPartition = (tenantId: string, officerId: string) => `${base(tenantId)}#OFFICER#${officerId}`;
export const villageVisitsPartition = (tenantId: string, villageId: string) => `${base(tenantId)}#VILLAGE#${villageId}`;
export const makeUpVisitsPartition = (tenantId: string, officerId: string) => `${base(tenantId)}#MAKEUP#OFFICER#${officerId}`;

function indexKeys(tenantId: string, v: StoredVisit) {
  const byTime = `${v.checkedInAt}#${v.id}`;
  return {
    gsi1pk: officerVisitsPartition(tenantId, v.officerId),
    gsi1sk: byTime,
    gsi2pk: villageVisitsPartition(tenantId, v.villageId),
    gsi2sk: byTime,
    ...(v.makeUp ? { gsi3pk: makeUpVisitsPartition(tenantId, v.officerId), gsi3sk: byTime } : {}),
  };
}

const fromItem = (item: Record<string, unknown>): StoredVisit => {
  const visit = withoutIndexKeys<StoredVisit>(item);
  return { ...visit, makeUp: visit.makeUp === true };
};

export async function getVisitRecord(tenantId: string, id: string): Promise<StoredVisit | undefined> {
  const item = await getItem<Record<string, unknown>>(VisitEntity, { tenantId, id });
  return item ? fromItem(item) : undefined;
}

/** The item as written (index keys included): for bulk loads that bypass the transaction path (benchmarks). */
export const visitItem = (visit: StoredVisit): Record<string, unknown> => ({ ...visit, ...indexKeys(visit.tenantId, visit) });

/** A new visit must not exist; a check-out must find the version it was based on. */
export function putVisitOp(visit: StoredVisit, previousVersion: number | undefined): TxOp {
  const condition = previousVersion === undefined ? { attr: 'id', exists: false } : { attr: 'version', eq: previousVersion };
  return putOp(VisitEntity, visitItem(visit), condition, versionConflict());
}

/** An officer's visits, a village's, or an officer's make-up visits only. */
export type VisitIndex = { by: 'officer'; officerId: string } | { by: 'village'; villageId: string } | { by: 'makeUp'; officerId: string };

function spec(tenantId: string, index: VisitIndex, range?: SortKeyRange) {
  const on =
    index.by === 'officer'
      ? { name: 'gsi1' as const, partition: officerVisitsPartition(tenantId, index.officerId) }
      : index.by === 'village'
        ? { name: 'gsi2' as const, partition: villageVisitsPartition(tenantId, index.villageId) }
        : { name: 'gsi3' as const, partition: makeUpVisitsPartition(tenantId, index.officerId) };
  return { partition: base(tenantId), index: on, range, reverse: true };
}

/** One page of an officer's or a village's visits, newest first, optionally within [from, to]. */
export async function queryVisits(tenantId: string, index: VisitIndex, range: SortKeyRange | undefined, page: PageRequest): Promise<Page<StoredVisit>> {
  const result = await queryPage<Record<string, unknown>>(VisitEntity, spec(tenantId, index, range), page);
  return { ...result, items: result.items.map(fromItem) };
}

/** Every visit of an officer within a range (one week's duty: bounded by that week's visits). */
export async function allVisits(tenantId: string, index: VisitIndex, range: SortKeyRange): Promise<StoredVisit[]> {
  const items = await queryAll<Record<string, unknown>>(VisitEntity, spec(tenantId, index, range));
  return items.map(fromItem);
}

/** The sort-key range of visits checked in within [from, to] (ms). */
export const checkInRange = (from: number, to: number): SortKeyRange => ({ between: [new Date(from).toISOString(), `${new Date(to).toISOString()}~`] });
