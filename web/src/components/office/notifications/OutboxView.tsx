'use client';

import { useCallback, useEffect, useState } from 'react';
import { Button, Tag } from 'antd';
import type { OutboxMessage } from '@beatlink/shared/notifications/notifications';
import { ApiError, describeError } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { channelLabel } from '../../../lib/notifications/notifications';
import { Notice } from '../Notice';
import { Panel } from '../Panel';
import { LightTable } from '../matters/LightTable';
import { useSession } from '../session';
import '../matters/matters.css';
import './notifications.css';

const PAGE = 50;
type State = { kind: 'loading' } | { kind: 'none' } | { kind: 'failed'; message: string } | { kind: 'ready'; items: OutboxMessage[]; nextCursor?: string };

/** 本地开发发件箱 (/dev/outbox): the e-mails and SMS the local stack would have sent; 404 where real channels deliver. */
export function OutboxView() {
  const { api } = useSession();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [loading, setLoading] = useState(false);

  const load = useCallback(
    async (after?: { items: OutboxMessage[]; cursor: string }) => {
      setLoading(true);
      try {
        const page = await api.get<{ items: OutboxMessage[]; nextCursor?: string }>('/notifications/outbox', { limit: PAGE, cursor: after?.cursor });
        setState({ kind: 'ready', items: [...(after?.items ?? []), ...page.items], nextCursor: page.nextCursor });
      } catch (error) {
        setState(error instanceof ApiError && error.status === 404 ? { kind: 'none' } : { kind: 'failed', message: describeError(error) });
      } finally {
        setLoading(false);
      }
    },
    [api],
  );

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Panel
      title="本地开发发件箱"
      testId="outbox"
      extra={
        <Button onClick={() => void load()} loading={loading}>
          刷新
        </Button>
      }
    >
      {state.kind === 'none' && (
        <Notice kind="warning" title="无本地发件箱">
          已接入真实邮件/短信通道，无本地发件箱。
        </Notice>
      )}
      {state.kind === 'failed' && <Notice kind="error" title="无法加载发件箱">{state.message}</Notice>}
      {(state.kind === 'ready' || state.kind === 'loading') && (
        <>
          <p className="muted" style={{ marginTop: 0 }}>
            本地运行时不发送真实邮件和短信，按用户的提醒方式本应发出的消息记录于此，供开发和演示核对。
          </p>
          <LightTable<OutboxMessage>
            rows={state.kind === 'ready' ? state.items : []}
            rowKey={(m) => m.id}
            loading={state.kind === 'loading'}
            minWidth={960}
            testId="outbox-table"
            empty="发件箱为空"
            rowProps={(m) => ({ 'data-testid': 'outbox-row', 'data-channel': m.channel })}
            columns={[
              { key: 'sentAt', title: '时间', width: 150, render: (m) => formatDateTime(m.sentAt) },
              { key: 'channel', title: '通道', width: 70, render: (m) => <Tag color={m.channel === 'sms' ? 'green' : 'blue'}>{channelLabel(m.channel)}</Tag> },
              { key: 'to', title: '收件人', width: 200, render: (m) => <span title={m.username}>{m.to}</span> },
              { key: 'subject', title: '主题', width: 200, render: (m) => m.subject },
              { key: 'body', title: '内容', render: (m) => <pre className="ntf-outbox-body">{m.body}</pre> },
            ]}
          />
          {state.kind === 'ready' && state.nextCursor && (
            <div className="matters-more">
              <Button onClick={() => void load({ items: state.items, cursor: state.nextCursor! })} loading={loading}>
                加载更多
              </Button>
            </div>
          )}
        </>
      )}
    </Panel>
  );
}
