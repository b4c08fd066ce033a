import type { Page } from '@beatlink/shared';
import type { Entity } from 'dynamodb-toolbox/entity';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import type { ExecuteTransactWriteInput, ExecuteTransactWriteOptions } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { AppError, dependencyUnavailable } from '../lib/app-error';
import { table, type IndexName } from './client';
import type { Condition } from './conditions';
import { decodeCursor, encodeCursor } from './cursor';
import { TABLE_DEFINITION } from './table-definition';

/*
 * The generic repository every entity goes through: GetItem, paged Query and TransactWrite —
 * never Scan. Entities are addressed by their key attributes; the casts to `never` below are the
 * one place where the entity-specific toolbox types are widened to this generic shape.
 */

type Item = Record<string, unknown>;
type WriteTransaction = Exclude<ExecuteTransactWriteInput[number], ExecuteTransactWriteOptions>;

const INDEX_ATTRIBUTES = TABLE_DEFINITION.globalIndexes.flatMap((index) => [index.partitionKey, index.sortKey]);

/** Removes the index keys (storage detail) from an item read through an entity. */
export function withoutIndexKeys<T>(item: Item): T {
  const copy = { ...item };
  for (const attribute of INDEX_ATTRIBUTES) delete copy[attribute];
  return copy as T;
}

export async function getItem<T>(entity: Entity, key: Item, options: { consistent?: boolean } = {}): Promise<T | undefined> {
  const { Item } = await entity
    .build(GetItemCommand)
    .key(key as never)
    .options({ consistent: options.consistent ?? true })
    .send();
  return Item as T | undefined;
}

/** A condition on the sort key of the table or index being queried. */
export type SortKeyRange = { between: [string, string] } | { gte: string } | { lte: string } | { beginsWith: string };

export interface QuerySpec {
  /** Partition key value of the base table (`pk`), also when querying an index. */
  partition: string;
  index?: { name: IndexName; partition: string };
  range?: SortKeyRange;
  /** Descending sort key order (newest first for time-ordered keys). */
  reverse?: boolean;
  filter?: Condition;
}

export interface PageRequest {
  limit: number;
  cursor?: string;
}

function keyAttributes(spec: QuerySpec): { keyAttributes: string[]; partitions: Record<string, string> } {
  const base = [TABLE_DEFINITION.partitionKey, TABLE_DEFINITION.sortKey];
  if (!spec.index) return { keyAttributes: base, partitions: { [TABLE_DEFINITION.partitionKey]: spec.partition } };
  const def = TABLE_DEFINITION.globalIndexes.find((i) => i.indexName === spec.index?.name);
  if (!def) throw new Error(`Unknown index ${spec.index.name}`);
  return {
    keyAttributes: [...base, def.partitionKey, def.sortKey],
    partitions: { [TABLE_DEFINITION.partitionKey]: spec.partition, [def.partitionKey]: spec.index.partition },
  };
}

async function queryOnce(entity: Entity, spec: QuerySpec, limit: number | undefined, startKey: Item | undefined) {
  const partition = {
    ...(spec.index ? { index: spec.index.name, partition: spec.index.partition } : { partition: spec.partition }),
    ...(spec.range ? { range: spec.range } : {}),
  };
  const { Items, LastEvaluatedKey } = await table
    .build(QueryCommand)
    .entities(entity)
    .query(partition as never)
    .options({
      ...(limit === undefined ? {} : { limit }),
      ...(startKey ? { exclusiveStartKey: startKey } : {}),
      ...(spec.reverse ? { reverse: true } : {}),
      ...(spec.filter ? { filters: { [entity.entityName]: spec.filter } } : {}),
    } as never)
    .send();
  return { items: (Items ?? []) as Item[], lastKey: LastEvaluatedKey as Item | undefined };
}

/** At most this many DynamoDB pages are read to fill one API page when a filter skips items. */
const MAX_READS_PER_PAGE = 20;

/**
 * One page of a partition (or of an index partition). Asks DynamoDB for at most the number of
 * items still missing, so the last LastEvaluatedKey is exactly where the next page starts.
 */
export async function queryPage<T>(entity: Entity, spec: QuerySpec, page: PageRequest): Promise<Page<T>> {
  const expected = keyAttributes(spec);
  let startKey: Item | undefined = page.cursor ? decodeCursor(page.cursor, expected) : undefined;
  const items: Item[] = [];
  for (let reads = 0; reads < MAX_READS_PER_PAGE; reads++) {
    const result = await queryOnce(entity, spec, page.limit - items.length, startKey);
    items.push(...result.items);
    startKey = result.lastKey;
    if (!startKey || items.length >= page.limit) break;
  }
  return { items: items.map((i) => withoutIndexKeys<T>(i)), ...(startKey ? { nextCursor: encodeCursor(startKey) } : {}) };
}

/** Every item of a partition: for bounded partitions only (a county's stations, an office's workstations). */
export async function queryAll<T>(entity: Entity, spec: QuerySpec): Promise<T[]> {
  const items: T[] = [];
  let startKey: Item | undefined;
  do {
    const result = await queryOnce(entity, spec, undefined, startKey);
    items.push(...result.items.map((i) => withoutIndexKeys<T>(i)));
    startKey = result.lastKey;
  } while (startKey);
  return items;
}

/** One write of a transaction, with what its failed condition means for the caller. */
export interface TxOp {
  action: WriteTransaction;
  onConditionFailed: AppError | (() => Promise<AppError>);
}

export function putOp(entity: Entity, item: Item, condition: Condition | undefined, onConditionFailed: TxOp['onConditionFailed']): TxOp {
  const action = entity
    .build(PutTransaction)
    .item(item as never)
    .options(condition ? ({ condition } as never) : {});
  return { action, onConditionFailed };
}

/**
 * An update of some attributes. An update would create a missing item, so the condition is
 * required and must imply that the item exists.
 */
export function updateOp(entity: Entity, item: Item, condition: Condition, onConditionFailed: TxOp['onConditionFailed']): TxOp {
  const action = entity
    .build(UpdateTransaction)
    .item(item as never)
    .options({ condition } as never);
  return { action, onConditionFailed };
}

export function deleteOp(entity: Entity, key: Item, condition: Condition | undefined, onConditionFailed: TxOp['onConditionFailed']): TxOp {
  const action = entity
    .build(DeleteTransaction)
    .key(key as never)
    .options(condition ? ({ condition } as never) : {});
  return { action, onConditionFailed };
}

/** DynamoDB's limit of items per TransactWriteItems. */
export const MAX_TRANSACTION_ITEMS = 100;

interface CancellationReason {
  Code?: string;
}

/**
 * Runs the ops as one transaction. A failed condition becomes the AppError of the first op whose
 * condition failed; a conflict with a concurrent transaction is a 409 the client may retry.
 */
export async function runTransaction(ops: TxOp[]): Promise<void> {
  if (ops.length === 0) return;
  if (ops.length > MAX_TRANSACTION_ITEMS) {
    throw new AppError('CONFLICT', `一次变更涉及的记录过多（${ops.length}） / too many records in one change`);
  }
  try {
    await execute(...ops.map((op) => op.action));
  } catch (error) {
    if ((error as { name?: string }).name !== 'TransactionCanceledException') throw error;
    const reasons = ((error as { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? []) as CancellationReason[];
    const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
    const op = failed >= 0 ? ops[failed] : undefined;
    if (op) throw typeof op.onConditionFailed === 'function' ? await op.onConditionFailed() : op.onConditionFailed;
    if (reasons.some((r) => r.Code === 'TransactionConflict')) {
      throw new AppError('CONFLICT', '数据正被同时修改，请重试 / a concurrent change is in progress, retry', { retryAfter: 1, cause: error });
    }
    if (reasons.some((r) => r.Code === 'ThrottlingError' || r.Code === 'ProvisionedThroughputExceeded' || r.Code === 'RequestLimitExceeded')) {
      throw dependencyUnavailable({ zh: '数据库', en: 'the database' }, 1, error);
    }
    throw error;
  }
}
