import type { IntelRecordEvent, IntelType, IntelVerification, Page, ReliabilityGrade, RecordMeta } from '@beatlink/shared';
import { versionConflict, conflict } from '../lib/app-error';
import { tenantPartition } from './entities/common';
import { IntelBackLinkEntity, IntelEventEntity, IntelLookupEntity, IntelRecordEntity } from './entities/intel';
import { deleteOp, getItem, putOp, queryAll, queryPage, withoutIndexKeys, type PageRequest, type TxOp } from './repository';

/** A sealed personal field: ciphertext (envelope encryption) and the mask answered instead. */
export interface SealedSecret {
  cipher: string;
  masked: string;
}

export type StoredSecrets = Partial<Record<'idNumber' | 'phone' | 'contactPhone', SealedSecret>>;

/** A record as stored: the details block without secrets, the secrets sealed, their keyed hashes. */
export interface StoredIntelRecord extends RecordMeta {
  tenantId: string;
  type: IntelType;
  title: string;
  villageId: string;
  villageName: string;
  stationId: string;
  officeId: string;
  workstationId: string;
  details: Record<string, unknown>;
  secrets: StoredSecrets;
  /** `<field>:<hmac hex>` of each secret. */
  lookupHashes: string[];
  tags: string[];
  links: Array<{ recordId: string; relation: string }>;
  reliability: ReliabilityGrade;
  verification: IntelVerification;
  source: { username: string; name: string; officerId?: string };
  note?: string;
}

export type StoredIntelEvent = IntelRecordEvent & { tenantId: string };

const base = (tenantId: string) => tenantPartition(tenantId, 'INTEL');
export const villageIntelPartition = (tenantId: string, villageId: string) => `${base(tenantId)}#VILLAGE#${villageId}`;
export const typeIntelPartition = (tenantId: string, type: IntelType) => `${base(tenantId)}#TYPE#${type}`;
export const intelLookupPartition = (tenantId: string, hash: string) => `${tenantPartition(tenantId, 'INTEL_LOOKUP')}#${hash}`;
export const intelBackLinkPartition = (tenantId: string, targetId: string) => `${tenantPartition(tenantId, 'INTEL_LINK')}#${targetId}`;
export const intelEventPartition = (tenantId: string, recordId: string) => `${tenantPartition(tenantId, 'INTEL_EVENT')}#${recordId}`;

export async function getIntelRecord(tenantId: string, id: string): Promise<StoredIntelRecord | undefined> {
  const item = await getItem<Record<string, unknown>>(IntelRecordEntity, { tenantId, id });
  return item ? withoutIndexKeys<StoredIntelRecord>(item) : undefined;
}

/** A new record must not exist; a change must find the version it was based on. */
export function putIntelRecordOp(record: StoredIntelRecord, previousVersion: number | undefined): TxOp {
  const index = {
    gsi1pk: villageIntelPartition(record.tenantId, record.villageId),
    gsi1sk: `${record.type}#${record.updatedAt}#${record.id}`,
    gsi2pk: typeIntelPartition(record.tenantId, record.type),
    gsi2sk: `${record.updatedAt}#${record.id}`,
  };
  const condition = previousVersion === undefined ? { attr: 'id', exists: false } : { attr: 'version', eq: previousVersion };
  return putOp(IntelRecordEntity, { ...record, ...index }, condition, versionConflict());
}

/** One page of a village's records (one type, or all), most recently changed first. */
export function queryVillageIntel(tenantId: string, villageId: string, type: IntelType | undefined, page: PageRequest): Promise<Page<StoredIntelRecord>> {
  return queryPage<StoredIntelRecord>(
    IntelRecordEntity,
    { partition: base(tenantId), index: { name: 'gsi1', partition: villageIntelPartition(tenantId, villageId) }, ...(type ? { range: { beginsWith: `${type}#` } } : {}), reverse: true },
    page,
  );
}

/** One page of the county's records of one type, most recently changed first. */
export function queryTypeIntel(tenantId: string, type: IntelType, page: PageRequest): Promise<Page<StoredIntelRecord>> {
  return queryPage<StoredIntelRecord>(IntelRecordEntity, { partition: base(tenantId), index: { name: 'gsi2', partition: typeIntelPartition(tenantId, type) }, reverse: true }, page);
}

/** One page of all the county's records, newest first (ids are time-ordered). */
export function queryCountyIntel(tenantId: string, page: PageRequest): Promise<Page<StoredIntelRecord>> {
  return queryPage<StoredIntelRecord>(IntelRecordEntity, { partition: base(tenantId), reverse: true }, page);
}

const clash = () => conflict('id', '记录冲突，请重试 / clash, retry');

export function putIntelLookupOp(tenantId: string, hash: string, recordId: string, field: string): TxOp {
  return putOp(IntelLookupEntity, { tenantId, hash, recordId, field }, undefined, clash());
}

export function deleteIntelLookupOp(tenantId: string, hash: string, recordId: string): TxOp {
  return deleteOp(IntelLookupEntity, { tenantId, hash, recordId }, undefined, clash());
}

/** Ids of the records holding the value with this keyed hash (a person or two, a family's phone). */
export async function intelIdsByHash(tenantId: string, hash: string): Promise<string[]> {
  const items = await queryAll<{ recordId: string }>(IntelLookupEntity, { partition: intelLookupPartition(tenantId, hash) });
  return items.map((i) => i.recordId);
}

export function putIntelBackLinkOp(tenantId: string, targetId: string, sourceId: string, relation: string): TxOp {
  return putOp(IntelBackLinkEntity, { tenantId, targetId, sourceId, relation }, undefined, clash());
}

export function deleteIntelBackLinkOp(tenantId: string, targetId: string, sourceId: string): TxOp {
  return deleteOp(IntelBackLinkEntity, { tenantId, targetId, sourceId }, undefined, clash());
}

/** The records that link to `targetId` (the first page: a record is linked from a handful). */
export async function intelBackLinks(tenantId: string, targetId: string, limit = 100): Promise<Array<{ sourceId: string; relation: string }>> {
  const page = await queryPage<{ sourceId: string; relation: string }>(IntelBackLinkEntity, { partition: intelBackLinkPartition(tenantId, targetId) }, { limit });
  return page.items;
}

export function putIntelEventOp(event: StoredIntelEvent): TxOp {
  return putOp(IntelEventEntity, { ...event, changed: [...event.changed] }, { attr: 'id', exists: false }, clash());
}

/** One page of a record's history, oldest first. */
export function queryIntelEvents(tenantId: string, recordId: string, page: PageRequest): Promise<Page<StoredIntelEvent>> {
  return queryPage<StoredIntelEvent>(IntelEventEntity, { partition: intelEventPartition(tenantId, recordId) }, page);
}
