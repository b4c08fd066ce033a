'use client';

import type { InboxItem } from '@beatlink/shared/notifications/notifications';
import { formatDateTime } from '../../../lib/format';
import { reasonLabel } from '../../../lib/notifications/notifications';
import './notifications.css';

/** One notification as a clickable row: unread dot, reason, title, message, time. */
export function NotificationItem({ item, onOpen, compact }: { item: InboxItem; onOpen(item: InboxItem): void; compact?: boolean }) {
  const unread = !item.readAt;
  return (
    <button
      type="button"
      className={`ntf-item${unread ? ' ntf-unread' : ''}${compact ? ' ntf-compact' : ''}`}
      onClick={() => onOpen(item)}
      data-testid="notification-item"
      data-notification-id={item.id}
      data-unread={unread}
    >
      <span className="ntf-dot" aria-label={unread ? '未读' : '已读'} />
      <span className="ntf-main">
        <span className="ntf-head">
          <span className="ntf-reason">{reasonLabel(item.reason)}</span>
          <strong className="ntf-title">{item.title}</strong>
        </span>
        <span className="ntf-message">{item.message}</span>
        <time className="ntf-time" dateTime={item.createdAt}>
          {formatDateTime(item.createdAt)}
        </time>
      </span>
    </button>
  );
}
