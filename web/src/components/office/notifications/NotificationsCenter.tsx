'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { Button, Space } from 'antd';
import type { InboxItem } from '@beatlink/shared/notifications/notifications';
import { describeError } from '../../../lib/api-error';
import { allMarkedRead, markedRead, readAllBody } from '../../../lib/notifications/notifications';
import { announceNotificationsChanged, useUnreadCount } from '../../../lib/notifications/use-unread-count';
import { Notice } from '../Notice';
import { Panel } from '../Panel';
import { useMessage } from '../feedback';
import { useSession } from '../session';
import { NotificationItem } from './NotificationItem';
import { NotificationPreferencesPanel } from './NotificationPreferencesPanel';
import { useOpenNotification } from './use-open-notification';
import './notifications.css';

const PAGE = 30;
type Tab = 'all' | 'unread' | 'preferences';
const TABS: Array<{ key: Tab; label: string }> = [
  { key: 'all', label: '全部' },
  { key: 'unread', label: '未读' },
  { key: 'preferences', label: '提醒方式' },
];
const pickTab = (value: string | null): Tab => (value === 'unread' || value === 'preferences' ? value : 'all');

/** 通知 (/notifications?tab=all|unread|preferences): the user's inbox, read marks, and his channels. */
export function NotificationsCenter() {
  const router = useRouter();
  const tab = pickTab(useSearchParams().get('tab'));
  return (
    <Panel
      title="通知"
      testId="notifications-center"
      extra={
        <Space.Compact>
          {TABS.map((t) => (
            <Button key={t.key} type={tab === t.key ? 'primary' : 'default'} onClick={() => router.replace(`/notifications?tab=${t.key}`)} data-testid={`notifications-tab-${t.key}`}>
              {t.label}
            </Button>
          ))}
        </Space.Compact>
      }
    >
      {tab === 'preferences' ? <NotificationPreferencesPanel /> : <Inbox key={tab} unreadOnly={tab === 'unread'} />}
    </Panel>
  );
}

function Inbox({ unreadOnly }: { unreadOnly: boolean }) {
  const { api } = useSession();
  const message = useMessage();
  const { unread, set } = useUnreadCount(api);
  const open = useOpenNotification();
  const [items, setItems] = useState<InboxItem[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [marking, setMarking] = useState(false);

  const load = useCallback(
    async (after?: string) => {
      setLoading(true);
      try {
        const page = await api.get<{ items: InboxItem[]; nextCursor?: string }>('/notifications', { limit: PAGE, cursor: after, ...(unreadOnly ? { unread: 'true' } : {}) });
        setItems((list) => (after ? [...list, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setError(undefined);
      } catch (err) {
        setError(describeError(err));
      } finally {
        setLoading(false);
      }
    },
    [api, unreadOnly],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const readAll = async () => {
    const body = readAllBody(items);
    if (!body) return;
    setMarking(true);
    try {
      const { marked } = await api.post<{ marked: number }>('/notifications/read-all', body);
      setItems((list) => allMarkedRead(list, new Date().toISOString()));
      set(0);
      announceNotificationsChanged();
      message.success(marked ? `已将 ${marked} 条通知标为已读` : '没有未读通知');
    } catch (err) {
      message.error(describeError(err));
    } finally {
      setMarking(false);
    }
  };

  const onOpen = async (item: InboxItem) => {
    const readAt = await open(item);
    if (readAt) setItems((list) => markedRead(list, item.id, readAt));
  };

  return (
    <>
      <div className="ntf-toolbar">
        <span className="muted" data-testid="notifications-unread">
          {unread === undefined ? '' : unread ? `${unread} 条未读` : '没有未读通知'}
        </span>
        <Space>
          <Button onClick={() => void load()} loading={loading}>
            刷新
          </Button>
          <Button onClick={() => void readAll()} loading={marking} disabled={!unread || items.length === 0} data-testid="notifications-read-all">
            全部已读
          </Button>
        </Space>
      </div>
      {error && <Notice kind="error" title="无法加载通知">{error}</Notice>}
      <div data-testid="notifications-list">
        {!loading && !error && items.length === 0 && <div className="ntf-empty">{unreadOnly ? '没有未读通知' : '暂无通知'}</div>}
        {items.map((item) => (
          <NotificationItem key={item.id} item={item} onOpen={(chosen) => void onOpen(chosen)} />
        ))}
      </div>
      {cursor && (
        <div className="matters-more">
          <Button onClick={() => void load(cursor)} loading={loading}>
            加载更多
          </Button>
        </div>
      )}
    </>
  );
}
