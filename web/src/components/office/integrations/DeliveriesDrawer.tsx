'use client';

import { useCallback, useEffect, useState } from 'react';
import { Button, Drawer, Radio, Tag } from 'antd';
import type { Page } from '@beatlink/shared/fields';
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_MAX_ATTEMPTS, type WebhookAttempt, type WebhookDeliveryStatus, type WebhookDeliveryView, type WebhookView } from '@beatlink/shared/integrations/webhooks';
import { describeError } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { DELIVERY_STATUS_COLORS, deliveryStatusLabel, eventLabel, itemsOf, prettyJson } from '../../../lib/integrations/labels';
import { Notice } from '../Notice';
import { useMessage } from '../feedback';
import { LightTable } from '../matters/LightTable';
import { useSession } from '../session';

type Filter = WebhookDeliveryStatus | 'all';

export function DeliveryStatusTag({ status }: { status: WebhookDeliveryStatus }) {
  return (
    <Tag color={DELIVERY_STATUS_COLORS[status]} data-testid="delivery-status" data-status={status}>
      {deliveryStatusLabel(status)}
    </Tag>
  );
}

/** One delivery: what was sent, every attempt, and 重新投递. */
function DeliveryDetail({ delivery, replaying, onReplay, onBack }: { delivery: WebhookDeliveryView; replaying: boolean; onReplay(): void; onBack(): void }) {
  return (
    <div data-testid="delivery-detail" data-delivery-id={delivery.id} data-status={delivery.status}>
      <div className="integ-toolbar">
        <Button onClick={onBack} data-testid="delivery-back">
          返回列表
        </Button>
        <span className="integ-toolbar-grow" />
        <Button type="primary" loading={replaying} onClick={onReplay} data-testid={`replay-${delivery.id}`}>
          重新投递
        </Button>
      </div>
      <dl className="integ-summary">
        <div>
          <dt>投递编号</dt>
          <dd className="integ-code">{delivery.id}</dd>
        </div>
        <div>
          <dt>事件</dt>
          <dd>
            {eventLabel(delivery.event)} <span className="integ-code muted">{delivery.event}</span>
          </dd>
        </div>
        <div>
          <dt>事件编号（用于去重）</dt>
          <dd className="integ-code">{delivery.eventId}</dd>
        </div>
        {delivery.matterId && (
          <div>
            <dt>事项</dt>
            <dd className="integ-code">{delivery.matterId}</dd>
          </div>
        )}
        <div>
          <dt>状态</dt>
          <dd>
            <DeliveryStatusTag status={delivery.status} />
          </dd>
        </div>
        <div>
          <dt>尝试次数</dt>
          <dd>
            {delivery.attempts} / {WEBHOOK_MAX_ATTEMPTS}
          </dd>
        </div>
        <div>
          <dt>创建时间</dt>
          <dd>{formatDateTime(delivery.createdAt)}</dd>
        </div>
        {delivery.deliveredAt && (
          <div>
            <dt>送达时间</dt>
            <dd>{formatDateTime(delivery.deliveredAt)}</dd>
          </div>
        )}
        {delivery.nextAttemptAt && delivery.status === 'pending' && (
          <div>
            <dt>下次尝试</dt>
            <dd>{formatDateTime(delivery.nextAttemptAt)}</dd>
          </div>
        )}
        {delivery.lastError && (
          <div>
            <dt>最近错误</dt>
            <dd>{delivery.lastError}</dd>
          </div>
        )}
      </dl>
      <section className="integ-section">
        <h4>请求体（payload）</h4>
        <pre className="integ-pre" data-testid="delivery-payload">
          {prettyJson(delivery.payload)}
        </pre>
      </section>
      <section className="integ-section">
        <h4>投递记录（最近 {delivery.history.length} 次，新的在前）</h4>
        <LightTable<WebhookAttempt>
          rows={delivery.history}
          rowKey={(a) => `${a.at}-${a.durationMs}`}
          size="small"
          testId="delivery-attempts"
          empty="尚未尝试投递"
          columns={[
            { key: 'at', title: '时间', width: 150, render: (a) => formatDateTime(a.at) },
            {
              key: 'code',
              title: '状态码',
              width: 90,
              render: (a) => (a.statusCode !== undefined ? <Tag color={a.statusCode >= 200 && a.statusCode < 300 ? 'green' : 'red'}>{a.statusCode}</Tag> : <span className="muted">无响应</span>),
            },
            { key: 'duration', title: '耗时', width: 90, render: (a) => `${a.durationMs} ms` },
            { key: 'error', title: '错误', render: (a) => a.error ?? '' },
          ]}
        />
      </section>
    </div>
  );
}

/** 投递记录 of one endpoint: the deliveries newest first (by status, paged by cursor); one opens with its body and attempts. */
export default function DeliveriesDrawer({ webhook, initial, onClose, onChanged }: { webhook: WebhookView; initial?: WebhookDeliveryView; onClose(): void; onChanged(): void }) {
  const { api } = useSession();
  const message = useMessage();
  const [filter, setFilter] = useState<Filter>('all');
  const [rows, setRows] = useState<WebhookDeliveryView[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [open, setOpen] = useState<WebhookDeliveryView | undefined>(initial);
  const [replaying, setReplaying] = useState<string>();

  const load = useCallback(
    async (after?: string) => {
      setLoading(true);
      try {
        const page = await api.get<Page<WebhookDeliveryView> | WebhookDeliveryView[]>(`/integrations/webhooks/${encodeURIComponent(webhook.id)}/deliveries`, {
          status: filter === 'all' ? undefined : filter,
          limit: 50,
          cursor: after,
        });
        const items = itemsOf(page);
        setRows((list) => (after ? [...list, ...items] : items));
        setCursor(Array.isArray(page) ? undefined : page.nextCursor);
        setError(undefined);
      } catch (err) {
        setError(describeError(err));
      } finally {
        setLoading(false);
      }
    },
    [api, webhook.id, filter],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const show = async (delivery: WebhookDeliveryView) => {
    setOpen(delivery);
    try {
      setOpen(await api.get<WebhookDeliveryView>(`/integrations/webhook-deliveries/${encodeURIComponent(delivery.id)}`));
    } catch (err) {
      message.error(describeError(err));
    }
  };

  const replay = async (delivery: WebhookDeliveryView) => {
    setReplaying(delivery.id);
    try {
      const next = await api.post<WebhookDeliveryView | undefined>(`/integrations/webhook-deliveries/${encodeURIComponent(delivery.id)}/replay`, { version: delivery.version });
      const fresh = next && typeof next === 'object' && 'id' in next ? next : await api.get<WebhookDeliveryView>(`/integrations/webhook-deliveries/${encodeURIComponent(delivery.id)}`);
      setRows((list) => list.map((row) => (row.id === fresh.id ? fresh : row)));
      setOpen((current) => (current?.id === fresh.id ? fresh : current));
      if (fresh.status === 'delivered') message.success('已重新投递，对方已确认接收');
      else message.warning(`已重新投递：${deliveryStatusLabel(fresh.status)}${fresh.lastStatusCode ? `（HTTP ${fresh.lastStatusCode}）` : ''}`);
      onChanged();
    } catch (err) {
      message.error(describeError(err));
    } finally {
      setReplaying(undefined);
    }
  };

  return (
    <Drawer open size="min(1100px, 94vw)" title={`投递记录：${webhook.description || webhook.url}`} onClose={onClose} destroyOnHidden data-testid="deliveries-drawer">
      {open ? (
        <DeliveryDetail delivery={open} replaying={replaying === open.id} onReplay={() => void replay(open)} onBack={() => setOpen(undefined)} />
      ) : (
        <>
          <div className="integ-toolbar">
            <Radio.Group optionType="button" buttonStyle="solid" value={filter} onChange={(e) => setFilter(e.target.value as Filter)} aria-label="投递状态" data-testid="deliveries-status">
              <Radio.Button value="all">全部</Radio.Button>
              {WEBHOOK_DELIVERY_STATUSES.map((s) => (
                <Radio.Button key={s} value={s}>
                  {deliveryStatusLabel(s)}
                </Radio.Button>
              ))}
            </Radio.Group>
            <Button onClick={() => void load()} loading={loading} data-testid="deliveries-refresh">
              刷新
            </Button>
          </div>
          {error && (
            <Notice kind="error" title="无法加载投递记录" action={<Button onClick={() => void load()}>重试</Button>}>
              {error}
            </Notice>
          )}
          <LightTable<WebhookDeliveryView>
            rows={rows}
            rowKey={(d) => d.id}
            loading={loading}
            minWidth={900}
            testId="deliveries-table"
            empty="暂无投递记录"
            rowProps={(d) => ({ className: 'integ-row', onClick: () => void show(d), 'data-testid': 'delivery-row', 'data-delivery-id': d.id, 'data-status': d.status })}
            columns={[
              { key: 'at', title: '时间', width: 150, render: (d) => formatDateTime(d.createdAt) },
              {
                key: 'event',
                title: '事件',
                width: 170,
                render: (d) => (
                  <span>
                    {eventLabel(d.event)} <span className="integ-code muted">{d.event}</span>
                  </span>
                ),
              },
              { key: 'status', title: '状态', width: 120, render: (d) => <DeliveryStatusTag status={d.status} /> },
              { key: 'attempts', title: '尝试次数', width: 90, render: (d) => d.attempts },
              { key: 'code', title: '最近状态码', width: 100, render: (d) => d.lastStatusCode ?? <span className="muted">—</span> },
              { key: 'next', title: '下次尝试', width: 150, render: (d) => (d.status === 'pending' && d.nextAttemptAt ? formatDateTime(d.nextAttemptAt) : <span className="muted">—</span>) },
              {
                key: 'actions',
                title: '操作',
                width: 100,
                render: (d) => (
                  <Button
                    size="small"
                    loading={replaying === d.id}
                    onClick={(e) => {
                      e.stopPropagation();
                      void replay(d);
                    }}
                    data-testid={`replay-${d.id}`}
                  >
                    重新投递
                  </Button>
                ),
              },
            ]}
          />
          {cursor && (
            <div className="matters-more">
              <Button onClick={() => void load(cursor)} loading={loading} data-testid="deliveries-more">
                加载更多
              </Button>
            </div>
          )}
        </>
      )}
    </Drawer>
  );
}
