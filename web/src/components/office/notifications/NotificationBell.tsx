'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { Button } from 'antd';
import type { InboxItem } from '@beatlink/shared/notifications/notifications';
import { describeError } from '../../../lib/api-error';
import { allMarkedRead, badgeText, readAllBody } from '../../../lib/notifications/notifications';
import { announceNotificationsChanged, useUnreadCount } from '../../../lib/notifications/use-unread-count';
import { BellIcon } from '../../BellIcon';
import { useSession } from '../session';
import { NotificationItem } from './NotificationItem';
import { useOpenNotification } from './use-open-notification';
import './notifications.css';

const LATEST = 8;

/**
 * The header bell: the unread count (polled every minute, on focus, and when a page marks something
 * read), and a small panel of the latest notifications. Loaded after the page (AppShell's
 * next/dynamic): it adds nothing to the office pages' first load.
 */
export default function NotificationBell() {
  const { api } = useSession();
  const { unread, set } = useUnreadCount(api);
  const openItem = useOpenNotification();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<InboxItem[]>();
  const [error, setError] = useState<string>();
  const [marking, setMarking] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    setError(undefined);
    api
      .get<{ items: InboxItem[] }>('/notifications', { limit: LATEST })
      .then((page) => !cancelled && setItems(page.items))
      .catch((err: unknown) => !cancelled && setError(describeError(err)));
    const onDown = (event: MouseEvent) => box.current && !box.current.contains(event.target as Node) && setOpen(false);
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      cancelled = true;
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [api, open]);

  const readAll = async () => {
    const body = items && readAllBody(items);
    if (!body) return;
    setMarking(true);
    try {
      await api.post('/notifications/read-all', body);
      setItems((list) => list && allMarkedRead(list, new Date().toISOString()));
      set(0);
      announceNotificationsChanged();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setMarking(false);
    }
  };

  // The badge's text comes first: a speech user says what they see ("13"), and the name must hold it.
  const label = unread ? `${badgeText(unread)} 条未读通知` : '通知';
  return (
    <div className="ntf-bell" ref={box}>
      <button type="button" className="ntf-bell-button" aria-label={label} title={label} aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="notification-bell">
        <BellIcon />
        {!!unread && (
          <span className="ntf-badge" data-testid="notification-badge" data-count={unread}>
            {badgeText(unread)}
          </span>
        )}
      </button>
      {open && (
        <div className="ntf-panel" role="dialog" aria-label="最新通知" data-testid="notification-panel">
          <div className="ntf-panel-head">
            <strong>通知</strong>
            <Button type="link" size="small" disabled={!unread || !items?.length} loading={marking} onClick={() => void readAll()} data-testid="notification-read-all">
              全部已读
            </Button>
          </div>
          <div className="ntf-panel-list">
            {error && <div className="ntf-empty">{error}</div>}
            {!error && !items && <div className="ntf-empty">正在加载…</div>}
            {!error && items?.length === 0 && <div className="ntf-empty">暂无通知</div>}
            {items?.map((item) => (
              <NotificationItem
                key={item.id}
                item={item}
                compact
                onOpen={(chosen) => {
                  setOpen(false);
                  void openItem(chosen);
                }}
              />
            ))}
          </div>
          <div className="ntf-panel-foot">
            <Link href="/notifications" onClick={() => setOpen(false)} data-testid="notification-all">
              查看全部通知
            </Link>
            <Link href="/notifications?tab=preferences" onClick={() => setOpen(false)}>
              提醒方式
            </Link>
          </div>
        </div>
      )}
    </div>
  );
}
