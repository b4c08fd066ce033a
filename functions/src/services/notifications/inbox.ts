import type { InboxItem, InboxQuery, NotificationReadInput, NotificationsReadAllInput, Page } from '@beatlink/shared';
import { countUnread, markInboxItemRead, markInboxItemUnread, queryInbox, unreadKeysOf, type StoredInboxItem } from '../../data/inbox';
import { getNotification } from '../../data/notifications';
import { notFound } from '../../lib/app-error';
import { isoNow } from '../../lib/clock';
import { requireTenant, type TenantContext } from '../../lib/tenant-context';
import { defaultDeps, type ServiceDeps } from '../deps';

/**
 * The bell: the caller's own inbox, keyed by the username of his token — no one reads or marks
 * another's (an id that is not in his inbox is a 404, whoever else has it).
 */
const view = ({ tenantId: _t, username: _u, ...item }: StoredInboxItem): InboxItem => item;
const notInInbox = () => notFound('id', '通知不存在 / notification not found');

/** "Mark all read" marks at most this many per call; the portal calls again while `marked` is this. */
export const MARK_ALL_LIMIT = 500;

export async function listInbox(ctxIn: TenantContext, query: InboxQuery): Promise<Page<InboxItem>> {
  const ctx = requireTenant(ctxIn);
  const page = await queryInbox(ctx.tenantId, ctx.username, query.unread === 'true', { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) });
  return { ...page, items: page.items.map(view) };
}

export async function unreadCount(ctxIn: TenantContext): Promise<{ unread: number }> {
  const ctx = requireTenant(ctxIn);
  return { unread: await countUnread(ctx.tenantId, ctx.username) };
}

/** Marks one notification read, or unread again (`read: false`). */
export async function markRead(ctxIn: TenantContext, id: string, input: NotificationReadInput, deps: Pick<ServiceDeps, 'clock'> = defaultDeps()): Promise<InboxItem> {
  const ctx = requireTenant(ctxIn);
  // The inbox is sorted by the notification's creation time: the outbox item knows it.
  const notification = await getNotification(ctx.tenantId, id);
  if (!notification) throw notInInbox();
  const key = { createdAt: notification.createdAt, id };
  const item = input.read ? await markInboxItemRead(ctx.tenantId, ctx.username, key, isoNow(deps.clock)) : await markInboxItemUnread(ctx.tenantId, ctx.username, key);
  if (!item) throw notInInbox();
  return view(item);
}

/** Marks read what the user has seen: his unread notifications created up to `upTo`, not later ones. */
export async function markAllRead(ctxIn: TenantContext, input: NotificationsReadAllInput, deps: Pick<ServiceDeps, 'clock'> = defaultDeps()): Promise<{ marked: number }> {
  const ctx = requireTenant(ctxIn);
  const at = isoNow(deps.clock);
  const keys = await unreadKeysOf(ctx.tenantId, ctx.username, new Date(input.upTo).toISOString(), MARK_ALL_LIMIT);
  let marked = 0;
  for (let i = 0; i < keys.length; i += 25) {
    const done = await Promise.all(keys.slice(i, i + 25).map((key) => markInboxItemRead(ctx.tenantId, ctx.username, key, at)));
    marked += done.filter((item) => item?.readAt === at).length;
  }
  return { marked };
}
