import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AppError } from '../lib/app-error';
import type { AuditEntry, AuditHead, StoredAuditItem } from '../services/audit/chain';
import { documentClient, table } from './client';
import { auditEntrySortKey, AuditEntryEntity, AuditHeadEntity } from './entities/audit';
import { tenantPartition } from './entities/common';
import { getItem, putOp, type TxOp } from './repository';
import { TABLE_DEFINITION } from './table-definition';

/*
 * A county's audit chain in the table: entries `T#<t>#AUDIT` / `<seq, 12 digits>`, head
 * `T#<t>#AUDIT_HEAD` / `HEAD`. Writes go through the generic repository (transaction ops).
 *
 * The reads for verification and listing bypass the entity on purpose: a verifier must look at
 * what is stored, not at what the entity's formatter makes of it (which drops unknown attributes
 * and throws on a wrong type) — a tampered item is reported, not a crash.
 */

const entriesPartition = (tenantId: string) => tenantPartition(tenantId, 'AUDIT');

/** The head as the append path reads it (consistent GetItem); undefined before the first entry. */
export async function getAuditHead(tenantId: string): Promise<AuditHead | undefined> {
  const head = await getItem<AuditHead & { tenantId: string }>(AuditHeadEntity, { tenantId });
  return head && { seq: head.seq, hash: head.hash };
}

export function putAuditEntryOp(entry: AuditEntry, onConditionFailed: AppError): TxOp {
  return putOp(AuditEntryEntity, { ...entry }, { attr: 'hash', exists: false }, onConditionFailed);
}

/**
 * Moves the head from `previousSeq` (undefined: no head yet) to `next`. Conditional on the seq the
 * caller read, so of two appends that read the same head only one can commit.
 */
export function moveAuditHeadOp(tenantId: string, previousSeq: number | undefined, next: AuditHead, at: string, onConditionFailed: AppError): TxOp {
  const condition = previousSeq === undefined ? { attr: 'seq', exists: false } : { attr: 'seq', eq: previousSeq };
  return putOp(AuditHeadEntity, { tenantId, seq: next.seq, hash: next.hash, updatedAt: at }, condition, onConditionFailed);
}

/* ---------------------------------------------------------------- raw reads */

const STORAGE_ATTRIBUTES = [TABLE_DEFINITION.partitionKey, TABLE_DEFINITION.sortKey, table.entityAttributeSavedAs];

function withoutStorageAttributes(item: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...item };
  for (const attribute of STORAGE_ATTRIBUTES) delete copy[attribute];
  return copy;
}

/** The head item exactly as stored (storage keys removed), or undefined. */
export async function readAuditHeadItem(tenantId: string): Promise<Record<string, unknown> | undefined> {
  const { Item } = await documentClient.send(
    new GetCommand({
      TableName: table.getName(),
      Key: { [TABLE_DEFINITION.partitionKey]: tenantPartition(tenantId, 'AUDIT_HEAD'), [TABLE_DEFINITION.sortKey]: 'HEAD' },
      ConsistentRead: true,
    }),
  );
  return Item && withoutStorageAttributes(Item);
}

export interface AuditItemsPage {
  items: StoredAuditItem[];
  /** Where the next page starts; undefined after the last one. */
  nextKey?: Record<string, unknown>;
}

export interface AuditItemsQuery {
  /** Only entries up to this seq (inclusive). */
  toSeq?: number;
  limit?: number;
  /** Newest first. */
  reverse?: boolean;
  startKey?: Record<string, unknown>;
}

/** One page of the chain's items as stored, in seq order; `position` is the seq of the sort key. */
export async function queryAuditItems(tenantId: string, query: AuditItemsQuery = {}): Promise<AuditItemsPage> {
  const pk = TABLE_DEFINITION.partitionKey;
  const sk = TABLE_DEFINITION.sortKey;
  const { Items, LastEvaluatedKey } = await documentClient.send(
    new QueryCommand({
      TableName: table.getName(),
      KeyConditionExpression: query.toSeq === undefined ? '#pk = :pk' : '#pk = :pk AND #sk <= :to',
      ExpressionAttributeNames: { '#pk': pk, ...(query.toSeq === undefined ? {} : { '#sk': sk }) },
      ExpressionAttributeValues: { ':pk': entriesPartition(tenantId), ...(query.toSeq === undefined ? {} : { ':to': auditEntrySortKey(query.toSeq) }) },
      ConsistentRead: true,
      ...(query.limit === undefined ? {} : { Limit: query.limit }),
      ...(query.reverse ? { ScanIndexForward: false } : {}),
      ...(query.startKey ? { ExclusiveStartKey: query.startKey } : {}),
    }),
  );
  const items = (Items ?? []).map((item) => {
    const key = String(item[sk]);
    // A sort key that is not 12 digits is not an entry an append wrote: position 0 never matches.
    const position = /^\d{12}$/.test(key) ? Number(key) : 0;
    return { position, item: withoutStorageAttributes(item) };
  });
  return { items, ...(LastEvaluatedKey ? { nextKey: LastEvaluatedKey } : {}) };
}
