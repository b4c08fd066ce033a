import { Entity } from 'dynamodb-toolbox/entity';
import { any } from 'dynamodb-toolbox/schema/any';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { NOTIFICATION_REASONS } from '@beatlink/shared';
import { table } from '../client';
import { tenantPartition } from './common';

/**
 * The notification outbox: what the notification centre delivers, recorded by the step that
 * causes it in the same transaction. `T#<t>#NOTIFICATION` / `<id>` with a deterministic id, so a
 * step recorded twice cannot notify twice; gsi1 `T#<t>#NOTIFICATION#BY#<audienceKey>` /
 * `<createdAt>#<id>` lists one audience's; gsi2 `T#<t>#NOTIFICATION#PENDING` (sparse, removed on
 * delivery) is what deliver-notifications has still to fan out.
 */
export const NotificationEntity = new Entity({
  name: 'notification',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    id: string().key(),
    reason: string().enum(...NOTIFICATION_REASONS),
    /** { type, id }: what it is about, for the portal's link. */
    subject: any().optional(),
    matterId: string().optional(),
    title: string(),
    deadline: string().optional(),
    level: number().optional(),
    /** { kind, key, roles? } */
    audience: any(),
    createdAt: string(),
    message: string(),
    deliveredAt: string().optional(),
    recipients: number().optional(),
    gsi1pk: string(),
    gsi1sk: string(),
    gsi2pk: string().optional(),
    gsi2sk: string().optional(),
  }),
  computeKey: ({ tenantId, id }) => ({ pk: tenantPartition(tenantId, 'NOTIFICATION'), sk: id }),
});
