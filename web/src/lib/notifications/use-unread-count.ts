'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api-client';

/** How often the bell asks again while the page is open. */
export const UNREAD_POLL_MS = 60_000;

/** A window event: something was marked read (or arrived) on this page; every count asks again. */
export const NOTIFICATIONS_CHANGED = 'beatlink:notifications-changed';

export function announceNotificationsChanged(): void {
  window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
}

/**
 * The number of unread notifications (GET /notifications/unread-count): read at once, every
 * minute while the page is visible, whenever the window regains focus, and when the page announces
 * a change (announceNotificationsChanged). `set` shows a known new count without waiting.
 * Undefined until first known.
 */
export function useUnreadCount(api: ApiClient | undefined, enabled = true) {
  const [unread, setUnread] = useState<number>();
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    if (!api || !enabled) return;
    const asked = ++latest.current;
    try {
      const answer = await api.get<{ unread: number }>('/notifications/unread-count');
      if (asked === latest.current) setUnread(answer.unread);
    } catch {
      // The bell keeps the last count; the next poll tries again.
    }
  }, [api, enabled]);

  useEffect(() => {
    if (!api || !enabled) return;
    void refresh();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, UNREAD_POLL_MS);
    const onFocus = () => void refresh();
    const onVisible = () => document.visibilityState === 'visible' && void refresh();
    window.addEventListener('focus', onFocus);
    window.addEventListener(NOTIFICATIONS_CHANGED, onFocus);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
      window.removeEventListener(NOTIFICATIONS_CHANGED, onFocus);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [api, enabled, refresh]);

  const set = useCallback((next: number | ((n: number) => number)) => {
    latest.current += 1;
    setUnread((n) => Math.max(0, typeof next === 'function' ? next(n ?? 0) : next));
  }, []);

  return { unread, refresh, set };
}
