import type { InboxItem, Page } from '@beatlink/shared';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { $remove } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { table } from './client';
import { isConditionFailure } from './condition-failure';
import { InboxEntity, inboxPartition, unreadPartition } from './entities/inbox';
import { getItem, queryPage, withoutIndexKeys, type PageRequest } from './repository';

/**
 * Users' inboxes (the bell). An item is written once per notification and user — the put is
 * conditional on the item not being there, so a delivery run repeated (or run twice at once)
 * cannot put a notification in an inbox twice. Reading it takes it off the unread index.
 */
export type StoredInboxItem = InboxItem & { tenantId: string; username: string };

const unreadKeys = (item: StoredInboxItem) => ({ gsi1pk: unreadPartition(item.tenantId, item.username), gsi1sk: `${item.createdAt}#${item.id}` });

/** Puts the item, unread; false when it was already there. */
export async function putInboxItem(item: StoredInboxItem): Promise<boolean> {
  try {
    await InboxEntity.build(PutItemCommand)
      .item({ ...item, ...(item.readAt ? {} : unreadKeys(item)) } as never)
      .options({ condition: { attr: 'id', exists: false } })
      .send();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** One page of a user's inbox (or of its unread part), newest first. */
export async function queryInbox(tenantId: string, username: string, unreadOnly: boolean, page: PageRequest): Promise<Page<StoredInboxItem>> {
  return queryPage<StoredInboxItem>(
    InboxEntity,
    unreadOnly
      ? { partition: inboxPartition(tenantId, username), index: { name: 'gsi1', partition: unreadPartition(tenantId, username) }, reverse: true }
      : { partition: inboxPartition(tenantId, username), reverse: true },
    page,
  );
}

/** The keys of a user's unread items created up to `upTo`, oldest first (at most `limit`): what "mark all read" walks. */
export async function unreadKeysOf(tenantId: string, username: string, upTo: string, limit: number): Promise<Array<{ createdAt: string; id: string }>> {
  const page = await queryPage<StoredInboxItem>(
    InboxEntity,
    { partition: inboxPartition(tenantId, username), index: { name: 'gsi1', partition: unreadPartition(tenantId, username) }, range: { lte: `${upTo}#~` } },
    { limit },
  );
  return page.items.map((i) => ({ createdAt: i.createdAt, id: i.id }));
}

/** How many unread: a COUNT Query of the sparse unread index (no items are returned). */
export async function countUnread(tenantId: string, username: string): Promise<number> {
  const { Count } = await table
    .build(QueryCommand)
    .entities(InboxEntity)
    .query({ index: 'gsi1', partition: unreadPartition(tenantId, username) })
    .options({ select: 'COUNT', maxPages: Infinity })
    .send();
  return Count ?? 0;
}

/**
 * Marks one item read (idempotent: an item read already keeps its first readAt). Undefined when
 * the user has no such item.
 */
export async function markInboxItemRead(tenantId: string, username: string, key: { createdAt: string; id: string }, at: string): Promise<StoredInboxItem | undefined> {
  try {
    const { Attributes } = await InboxEntity.build(UpdateItemCommand)
      .item({ tenantId, username, createdAt: key.createdAt, id: key.id, readAt: at, gsi1pk: $remove(), gsi1sk: $remove() } as never)
      .options({ condition: { and: [{ attr: 'id', exists: true }, { attr: 'readAt', exists: false }] }, returnValues: 'ALL_NEW' })
      .send();
    return Attributes ? withoutIndexKeys<StoredInboxItem>(Attributes as Record<string, unknown>) : undefined;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    return getInboxItem(tenantId, username, key);
  }
}

/** Marks one item unread again (标为未读): back on the unread index. Undefined when the user has no such item. */
export async function markInboxItemUnread(tenantId: string, username: string, key: { createdAt: string; id: string }): Promise<StoredInboxItem | undefined> {
  try {
    const { Attributes } = await InboxEntity.build(UpdateItemCommand)
      .item({ tenantId, username, createdAt: key.createdAt, id: key.id, readAt: $remove(), ...unreadKeys({ tenantId, username, ...key } as StoredInboxItem) } as never)
      .options({ condition: { attr: 'id', exists: true }, returnValues: 'ALL_NEW' })
      .send();
    return Attributes ? withoutIndexKeys<StoredInboxItem>(Attributes as Record<string, unknown>) : undefined;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

async function getInboxItem(tenantId: string, username: string, key: { createdAt: string; id: string }): Promise<StoredInboxItem | undefined> {
  const item = await getItem<Record<string, unknown>>(InboxEntity, { tenantId, username, createdAt: key.createdAt, id: key.id });
  return item ? withoutIndexKeys<StoredInboxItem>(item) : undefined;
}
