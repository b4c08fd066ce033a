'use client';

import { useCallback } from 'react';
import { useRouter } from 'next/navigation';
import type { InboxItem } from '@beatlink/shared/notifications/notifications';
import { MARK_READ_BODY, officeHref } from '../../../lib/notifications/notifications';
import { announceNotificationsChanged } from '../../../lib/notifications/use-unread-count';
import { useSession } from '../session';

/**
 * Opening a notification in the office: mark it read (when it is not; every count on the page asks
 * again), then go to what it is about. Answers the read time, undefined when the mark failed.
 */
export function useOpenNotification(): (item: InboxItem) => Promise<string | undefined> {
  const { api, me } = useSession();
  const router = useRouter();
  return useCallback(
    async (item: InboxItem) => {
      let readAt = item.readAt;
      if (!readAt) {
        try {
          const marked = await api.post<InboxItem>(`/notifications/${encodeURIComponent(item.id)}/read`, MARK_READ_BODY);
          readAt = marked.readAt ?? new Date().toISOString();
          announceNotificationsChanged();
        } catch {
          // Opening matters more than the mark: the next poll shows the true count.
        }
      }
      const href = officeHref(item, me.officerId);
      // The phone pages are another root layout: a full load.
      if (href?.startsWith('/m/')) window.location.assign(href);
      else if (href) router.push(href);
      return readAt;
    },
    [api, me.officerId, router],
  );
}
