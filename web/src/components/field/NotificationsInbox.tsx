'use client';

import { useState } from 'react';
import type { InboxItem } from '@beatlink/shared/notifications/notifications';
import { describeError } from '../../lib/api-error';
import { formatDateTime } from '../../lib/format';
import { MARK_READ_BODY, allMarkedRead, fieldHref, markedRead, readAllBody, reasonLabel } from '../../lib/notifications/notifications';
import { may, useFieldSession, type FieldSession } from './session';
import { Failure, FieldBar, Loading } from './ui';
import { useLoad } from './use-load';
import './notifications.css';

const PAGE = 30;
type Inbox = { items: InboxItem[]; nextCursor?: string; unread: number };

/** 通知 (phone): the officer's notifications, unread first in colour; a tap marks read and opens the page it is about. */
export function NotificationsInbox() {
  const state = useFieldSession();
  return (
    <>
      <FieldBar title="通知" back="/m" />
      <main className="f-page">
        {state.kind === 'loading' && <Loading />}
        {state.kind === 'failed' && <Failure message={state.message} retry={state.retry} />}
        {state.kind === 'ready' &&
          (may(state.session.me, 'notification.read') ? <InboxList session={state.session} /> : <p className="f-hint">您的账号没有通知。</p>)}
      </main>
    </>
  );
}

function InboxList({ session }: { session: FieldSession }) {
  const { state, retry, update } = useLoad(async (): Promise<Inbox> => {
    const [page, count] = await Promise.all([
      session.api.get<Omit<Inbox, 'unread'>>('/notifications', { limit: PAGE }),
      session.api.get<{ unread: number }>('/notifications/unread-count'),
    ]);
    return { ...page, unread: count.unread };
  }, [session]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'failed') return <Failure message={state.message} retry={retry} />;
  const { items, nextCursor, unread } = state.data;

  const open = async (item: InboxItem) => {
    const href = fieldHref(item);
    if (!item.readAt) {
      try {
        const marked = await session.api.post<InboxItem>(`/notifications/${encodeURIComponent(item.id)}/read`, MARK_READ_BODY);
        update((d) => ({ ...d, items: markedRead(d.items, item.id, marked.readAt ?? new Date().toISOString()), unread: Math.max(0, d.unread - 1) }));
        setError(undefined);
      } catch (err) {
        setError(describeError(err));
        return;
      }
    }
    if (href) window.location.assign(href);
  };

  const readAll = async () => {
    const body = readAllBody(items);
    if (!body) return;
    setBusy(true);
    try {
      await session.api.post('/notifications/read-all', body);
      update((d) => ({ ...d, items: allMarkedRead(d.items, new Date().toISOString()), unread: 0 }));
      setError(undefined);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  const more = async () => {
    if (!nextCursor) return;
    setBusy(true);
    try {
      const page = await session.api.get<Omit<Inbox, 'unread'>>('/notifications', { limit: PAGE, cursor: nextCursor });
      update((d) => ({ ...d, items: [...d.items, ...page.items], nextCursor: page.nextCursor }));
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className="f-ntf-head">
        <span data-testid="m-notifications-unread" data-count={unread}>
          {unread ? `${unread} 条未读` : '没有未读通知'}
        </span>
        <button type="button" className="f-button f-button-secondary f-ntf-readall" disabled={busy || unread === 0} onClick={() => void readAll()} data-testid="m-notifications-read-all">
          全部已读
        </button>
      </div>
      {error && (
        <p className="f-error" role="alert">
          {error}
        </p>
      )}
      {items.length === 0 ? (
        <p className="f-hint">暂无通知。</p>
      ) : (
        <ul className="f-ntf-list" data-testid="m-notifications">
          {items.map((item) => {
            const href = fieldHref(item);
            return (
              <li key={item.id}>
                <button
                  type="button"
                  className={item.readAt ? 'f-ntf' : 'f-ntf f-ntf-unread'}
                  onClick={() => void open(item)}
                  data-testid="m-notification"
                  data-notification-id={item.id}
                  data-unread={!item.readAt}
                >
                  <span className="f-ntf-top">
                    <span className="f-ntf-reason">{item.readAt ? reasonLabel(item.reason) : `● ${reasonLabel(item.reason)}`}</span>
                    <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
                  </span>
                  <span className="f-ntf-title">{item.title}</span>
                  <span className="f-ntf-message">{item.message}</span>
                  {href && <span className="f-ntf-go">查看 ›</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {nextCursor && (
        <button type="button" className="f-button f-button-secondary" style={{ marginTop: 12 }} disabled={busy} onClick={() => void more()}>
          加载更多
        </button>
      )}
    </>
  );
}
