import { Entity } from 'dynamodb-toolbox/entity';
import { any } from 'dynamodb-toolbox/schema/any';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { table } from '../client';
import { tenantPartition } from './common';

export const NOTIFICATION_REASONS = ['deadline_near', 'overdue', 'escalated'] as const;

/**
 * The notification outbox: what the notification centre (a later issue) will deliver, recorded
 * by the step that causes it in the same transaction. `T#<t>#NOTIFICATION` / `<id>` with a
 * deterministic id, so a step recorded twice cannot notify twice; gsi1
 * `T#<t>#NOTIFICATION#BY#<audienceKey>` / `<createdAt>#<id>` is the inbox of one audience.
 */
export const NotificationEntity = new Entity({
  name: 'notification',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    id: string().key(),
    reason: string().enum(...NOTIFICATION_REASONS),
    matterId: string(),
    title: string(),
    deadline: string(),
    level: number(),
    /** { kind, key, roles? } */
    audience: any(),
    createdAt: string(),
    message: string(),
    gsi1pk: string(),
    gsi1sk: string(),
  }),
  computeKey: ({ tenantId, id }) => ({ pk: tenantPartition(tenantId, 'NOTIFICATION'), sk: id }),
});
