'use client';

import { badgeText } from '../../lib/notifications/notifications';
import { useUnreadCount } from '../../lib/notifications/use-unread-count';
import { BellIcon } from '../BellIcon';
import { may, useFieldSession } from './session';
import './notifications.css';

/** The bell in the phone's top bar: a link to 通知 with the unread count (polled every minute, on focus). */
export function FieldBell() {
  const session = useFieldSession();
  const ready = session.kind === 'ready' ? session.session : undefined;
  const { unread } = useUnreadCount(ready?.api, !!ready && may(ready.me, 'notification.read'));
  if (!ready || !may(ready.me, 'notification.read')) return null;
  return (
    <a href="/m/notifications" className="f-bell" aria-label={unread ? `通知，${unread} 条未读` : '通知'} data-testid="m-bell">
      <BellIcon size={22} />
      {!!unread && (
        <span className="f-bell-count" data-testid="m-bell-count" data-count={unread}>
          {badgeText(unread)}
        </span>
      )}
    </a>
  );
}
