import { Entity } from 'dynamodb-toolbox/entity';
import { any } from 'dynamodb-toolbox/schema/any';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { NOTIFICATION_CATEGORIES, NOTIFICATION_REASONS } from '@beatlink/shared';
import { table } from '../client';
import { tenantPartition } from './common';

/**
 * One notification in one user's inbox (the bell): `T#<t>#INBOX#<username>` /
 * `<createdAt>#<notificationId>`, so his inbox is one partition, newest first in reverse. The
 * sparse gsi1 `T#<t>#INBOX#<username>#UNREAD` holds the unread ones only (removed when read): the
 * unread count is a COUNT Query bounded by what is unread, not by the inbox's history.
 */
export const InboxEntity = new Entity({
  name: 'inboxItem',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    username: string().key(),
    createdAt: string().key(),
    /** The notification's id (`ntf_…`). */
    id: string().key(),
    reason: string().enum(...NOTIFICATION_REASONS),
    category: string().enum(...NOTIFICATION_CATEGORIES),
    title: string(),
    message: string(),
    /** { type, id }: what it is about, for the portal's link. */
    subject: any().optional(),
    readAt: string().optional(),
    gsi1pk: string().optional(),
    gsi1sk: string().optional(),
  }),
  computeKey: ({ tenantId, username, createdAt, id }) => ({ pk: inboxPartition(tenantId, username), sk: `${createdAt}#${id}` }),
});

export const inboxPartition = (tenantId: string, username: string): string => `${tenantPartition(tenantId, 'INBOX')}#${username}`;
export const unreadPartition = (tenantId: string, username: string): string => `${inboxPartition(tenantId, username)}#UNREAD`;
