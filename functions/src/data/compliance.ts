import type { ComplianceEntry, ComplianceRecord } from '@beatlink/shared';
import { versionConflict } from '../lib/app-error';
import { tenantPartition } from './entities/common';
import { ComplianceEntity } from './entities/compliance';
import { getItem, putOp, queryAll, type SortKeyRange, type TxOp } from './repository';

export type StoredCompliance = ComplianceEntry & { tenantId: string };

const base = (tenantId: string) => tenantPartition(tenantId, 'COMPLIANCE');
export const officerCompliancePartition = (tenantId: string, officerId: string) => `${base(tenantId)}#OFFICER#${officerId}`;
export const openMakeUpsPartition = (tenantId: string) => `${base(tenantId)}#MAKEUP_OPEN`;
export const officerMakeUpsPartition = (tenantId: string, officerId: string) => `${base(tenantId)}#MAKEUP#OFFICER#${officerId}`;

type Stored = Record<string, unknown>;
/** The top-level attributes; the rest of the record is kept as one map. */
const TOP = ['officerId', 'week', 'role', 'status', 'officerName', 'stationId', 'unitId', 'evaluatedAt', 'version'] as const;

function toItem(c: StoredCompliance): Stored {
  const record: Stored = { ...c };
  for (const key of [...TOP, 'tenantId']) delete record[key];
  const open = c.makeUp?.status === 'open';
  return {
    tenantId: c.tenantId,
    ...Object.fromEntries(TOP.filter((k) => c[k] !== undefined).map((k) => [k, c[k]])),
    record,
    gsi1pk: officerCompliancePartition(c.tenantId, c.officerId),
    gsi1sk: c.week,
    ...(open ? { gsi2pk: openMakeUpsPartition(c.tenantId), gsi2sk: `${c.makeUp!.dueDate}#${c.week}#${c.officerId}` } : {}),
    ...(c.makeUp ? { gsi3pk: officerMakeUpsPartition(c.tenantId, c.officerId), gsi3sk: c.week } : {}),
  };
}

/** The item as written (index keys included): for bulk loads that bypass the transaction path (benchmarks). */
export function complianceItem(c: StoredCompliance): Stored {
  return toItem(c);
}

function fromItem(item: Stored): StoredCompliance {
  const { record, gsi1pk: _1, gsi1sk: _2, gsi2pk: _3, gsi2sk: _4, gsi3pk: _5, gsi3sk: _6, ...top } = item as Stored & { record: Partial<ComplianceRecord> };
  return { ...record, ...top } as StoredCompliance;
}

export async function getComplianceRecord(tenantId: string, week: string, officerId: string): Promise<StoredCompliance | undefined> {
  const item = await getItem<Stored>(ComplianceEntity, { tenantId, week, officerId });
  return item ? fromItem(item) : undefined;
}

/** A first evaluation must find none; a re-evaluation the version it read (two evaluators race: one wins). */
export function putComplianceOp(c: StoredCompliance, previousVersion: number | undefined): TxOp {
  const condition = previousVersion === undefined ? { attr: 'version', exists: false } : { attr: 'version', eq: previousVersion };
  return putOp(ComplianceEntity, toItem(c), condition, versionConflict());
}

/** Every stored record of one week (the county's board): one Query of the partition. */
export async function weekCompliance(tenantId: string, week: string): Promise<StoredCompliance[]> {
  const items = await queryAll<Stored>(ComplianceEntity, { partition: base(tenantId), range: { beginsWith: `${week}#` } });
  return items.map(fromItem);
}

/** An officer's records of a range of weeks, oldest first. */
export async function officerCompliance(tenantId: string, officerId: string, weeks: SortKeyRange): Promise<StoredCompliance[]> {
  const items = await queryAll<Stored>(ComplianceEntity, { partition: base(tenantId), index: { name: 'gsi1', partition: officerCompliancePartition(tenantId, officerId) }, range: weeks });
  return items.map(fromItem);
}

/** An officer's records that carry a make-up obligation, for a range of weeks, oldest first. */
export async function officerMakeUpCompliance(tenantId: string, officerId: string, weeks: SortKeyRange): Promise<StoredCompliance[]> {
  const items = await queryAll<Stored>(ComplianceEntity, { partition: base(tenantId), index: { name: 'gsi3', partition: officerMakeUpsPartition(tenantId, officerId) }, range: weeks });
  return items.map(fromItem);
}

/** The records whose make-up is still open, by due date (up to `dueTo` when given). */
export async function openMakeUpCompliance(tenantId: string, dueTo?: string): Promise<StoredCompliance[]> {
  const items = await queryAll<Stored>(ComplianceEntity, {
    partition: base(tenantId),
    index: { name: 'gsi2', partition: openMakeUpsPartition(tenantId) },
    ...(dueTo ? { range: { lte: `${dueTo}#~` } } : {}),
  });
  return items.map(fromItem);
}
