import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { NOTIFICATION_CHANNELS } from '@beatlink/shared';
import { table } from '../client';
import { tenantPartition } from './common';

/**
 * The delivery log: one item per notification, user and channel, `T#<t>#DELIVERY#<notificationId>`
 * / `<username>#<channel>`. It is claimed (status `sending`) before the channel is called, so a
 * re-run or a concurrent run never sends the same message twice; a transient failure may be
 * claimed again by a later run, up to a bounded number of attempts.
 */
export const DeliveryEntity = new Entity({
  name: 'delivery',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    notificationId: string().key(),
    username: string().key(),
    channel: string().enum(...NOTIFICATION_CHANNELS).key(),
    status: string().enum('sending', 'sent', 'failed'),
    attempts: number(),
    /** Whether a failure may be retried (throttling, an outage) or not (a bad address). */
    failure: string().enum('transient', 'permanent').optional(),
    messageId: string().optional(),
    /** The channel's error, without the address. */
    error: string().optional(),
    createdAt: string(),
    updatedAt: string(),
  }),
  computeKey: ({ tenantId, notificationId, username, channel }) => ({ pk: `${tenantPartition(tenantId, 'DELIVERY')}#${notificationId}`, sk: `${username}#${channel}` }),
});

/**
 * What the local channels "sent": `T#<t>#OUTBOX_MESSAGE` / `<sentAt>#<id>`, newest first in
 * reverse, for the developer outbox page. Never written where the real channels deliver.
 */
export const OutboxMessageEntity = new Entity({
  name: 'outboxMessage',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    sentAt: string().key(),
    id: string().key(),
    channel: string().enum(...NOTIFICATION_CHANNELS),
    to: string(),
    username: string(),
    notificationId: string(),
    subject: string(),
    body: string(),
  }),
  computeKey: ({ tenantId, sentAt, id }) => ({ pk: outboxMessagesPartition(tenantId), sk: `${sentAt}#${id}` }),
});

export const outboxMessagesPartition = (tenantId: string): string => tenantPartition(tenantId, 'OUTBOX_MESSAGE');
