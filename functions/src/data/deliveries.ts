import type { NotificationChannel, OutboxMessage, Page } from '@beatlink/shared';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { $remove } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { isConditionFailure } from './condition-failure';
import { DeliveryEntity, OutboxMessageEntity, outboxMessagesPartition } from './entities/deliveries';
import { NotificationEntity } from './entities/notifications';
import { tenantPartition } from './entities/common';
import { pendingNotificationsPartition, type NotificationRecord } from './notifications';
import { getItem, queryPage, withoutIndexKeys, type PageRequest } from './repository';

/**
 * What deliver-notifications reads and records: the outbox items still pending (oldest first),
 * the delivery log that makes every e-mail and SMS at most once, and — locally — the messages the
 * channels would have sent.
 */
export interface DeliveryKey {
  tenantId: string;
  notificationId: string;
  username: string;
  channel: NotificationChannel;
}

export type DeliveryStatus = 'sending' | 'sent' | 'failed';
export type FailureKind = 'transient' | 'permanent';

export interface DeliveryRecord extends DeliveryKey {
  status: DeliveryStatus;
  attempts: number;
  failure?: FailureKind;
  messageId?: string;
  error?: string;
  createdAt: string;
  updatedAt: string;
}

/** One page of the notifications still to fan out, created at or before `at`, oldest first. */
export function pendingNotifications(tenantId: string, at: string, page: PageRequest): Promise<Page<NotificationRecord>> {
  return queryPage<NotificationRecord>(
    NotificationEntity,
    { partition: tenantPartition(tenantId, 'NOTIFICATION'), index: { name: 'gsi2', partition: pendingNotificationsPartition(tenantId) }, range: { lte: `${at}#~` } },
    page,
  );
}

/** Takes the notification off the pending index, with when and how many users it reached. */
export async function markNotificationDelivered(tenantId: string, id: string, at: string, recipients: number): Promise<void> {
  await NotificationEntity.build(UpdateItemCommand)
    .item({ tenantId, id, deliveredAt: at, recipients, gsi2pk: $remove(), gsi2sk: $remove() } as never)
    .options({ condition: { attr: 'id', exists: true } })
    .send();
}

export async function getDelivery(key: DeliveryKey): Promise<DeliveryRecord | undefined> {
  const item = await getItem<Record<string, unknown>>(DeliveryEntity, { ...key });
  return item ? withoutIndexKeys<DeliveryRecord>(item) : undefined;
}

/**
 * Claims the right to send (status `sending`) before anything is sent: the first claim is a put
 * that must find no item; a later run may claim again only a transient failure with fewer than
 * `maxAttempts` attempts, conditional on the attempts it read. Returns the attempt number, or
 * undefined when this run must not send (sent, sending elsewhere, failed for good, or lost a race).
 */
export async function claimDelivery(key: DeliveryKey, at: string, maxAttempts: number): Promise<number | undefined> {
  try {
    await DeliveryEntity.build(PutItemCommand)
      .item({ ...key, status: 'sending', attempts: 1, createdAt: at, updatedAt: at })
      .options({ condition: { attr: 'status', exists: false } })
      .send();
    return 1;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
  const existing = await getDelivery(key);
  if (!existing || existing.status !== 'failed' || existing.failure !== 'transient' || existing.attempts >= maxAttempts) return undefined;
  try {
    await DeliveryEntity.build(UpdateItemCommand)
      .item({ ...key, status: 'sending', attempts: existing.attempts + 1, updatedAt: at, failure: $remove(), error: $remove() } as never)
      .options({ condition: { and: [{ attr: 'status', eq: 'failed' }, { attr: 'attempts', eq: existing.attempts }] } })
      .send();
    return existing.attempts + 1;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

export type DeliveryOutcome = { status: 'sent'; messageId: string } | { status: 'failed'; failure: FailureKind; error: string };

/** Records how the claimed send went (only the claim holder writes: the item must be `sending`). */
export async function finishDelivery(key: DeliveryKey, outcome: DeliveryOutcome, at: string): Promise<void> {
  await DeliveryEntity.build(UpdateItemCommand)
    .item({ ...key, ...outcome, updatedAt: at } as never)
    .options({ condition: { attr: 'status', eq: 'sending' } })
    .send();
}

/** A message a local channel "sent"; its id is derived from the delivery, so it is written once. */
export async function putOutboxMessage(tenantId: string, message: OutboxMessage): Promise<void> {
  try {
    await OutboxMessageEntity.build(PutItemCommand)
      .item({ tenantId, ...message })
      .options({ condition: { attr: 'id', exists: false } })
      .send();
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/** The county's local outbox, newest first. */
export async function listOutboxMessages(tenantId: string, page: PageRequest): Promise<Page<OutboxMessage>> {
  const result = await queryPage<OutboxMessage & { tenantId?: string }>(OutboxMessageEntity, { partition: outboxMessagesPartition(tenantId), reverse: true }, page);
  return { ...result, items: result.items.map(({ tenantId: _t, ...m }) => m) };
}
