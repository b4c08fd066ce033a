import type { InboxQuery, NotificationReadInput, NotificationsReadAllInput, PreferencesUpdateInput } from '@beatlink/shared';
import { dynamoIdempotencyStore } from '../../data/idempotency-store';
import { contextRouter, handle } from '../../lib/http-route';
import { listInbox, markAllRead, markRead, unreadCount } from '../../services/notifications/inbox';
import { listOutbox } from '../../services/notifications/outbox';
import { getPreferences, updatePreferences } from '../../services/notifications/preferences';

type ById = { id: string };
type OutboxQuery = { limit: number; cursor?: string };

/** The notifications context: the bell (one's own inbox), channel preferences, the local outbox. */
export const handler = contextRouter(
  'notifications',
  {
    listNotifications: handle<unknown, InboxQuery>(({ ctx, query }) => listInbox(ctx, query)),
    getUnreadCount: handle(({ ctx }) => unreadCount(ctx)),
    markNotificationRead: handle<NotificationReadInput, unknown, ById>(({ ctx, params, body }) => markRead(ctx, params.id, body)),
    markAllNotificationsRead: handle<NotificationsReadAllInput>(({ ctx, body }) => markAllRead(ctx, body)),
    getNotificationPreferences: handle(({ ctx }) => getPreferences(ctx)),
    updateNotificationPreferences: handle<PreferencesUpdateInput>(({ ctx, body }) => updatePreferences(ctx, body)),
    listOutboxMessages: handle<unknown, OutboxQuery>(({ ctx, query }) => listOutbox(ctx, query)),
  },
  { idempotencyStore: dynamoIdempotencyStore() },
);
