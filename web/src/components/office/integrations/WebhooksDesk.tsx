'use client';

import dynamic from 'next/dynamic';
import { useCallback, useEffect, useState } from 'react';
import { Button, Popconfirm, Tag, type ButtonProps } from 'antd';
import { WEBHOOK_HEADERS, type WebhookCreated, type WebhookDeliveryView, type WebhookView } from '@beatlink/shared/integrations/webhooks';
import { ApiError, describeError, isVersionConflict } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { DELIVERY_STATUS_COLORS, deliveryStatusLabel, eventLabel, itemsOf } from '../../../lib/integrations/labels';
import { Notice } from '../Notice';
import { Panel } from '../Panel';
import { useMessage } from '../feedback';
import { LightTable } from '../matters/LightTable';
import { useSession } from '../session';
import { SecretOnceModal } from './SecretOnceModal';
import '../matters/matters.css';
import './integrations.css';

// The dialog and the deliveries drawer load when opened.
const WebhookDialog = dynamic(() => import('./WebhookDialog'), { ssr: false });
const DeliveriesDrawer = dynamic(() => import('./DeliveriesDrawer'), { ssr: false });

/** A secret to show once: whose, and why (created or rotated). */
interface ShownSecret {
  webhook: WebhookView;
  secret: string;
  rotated: boolean;
}

/** 事件推送 (/integrations/webhooks): the county's endpoints; create, edit, rotate the secret, test, deliveries. */
export function WebhooksDesk() {
  const { api } = useSession();
  const message = useMessage();
  const [rows, setRows] = useState<WebhookView[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState<WebhookView | 'new'>();
  const [secret, setSecret] = useState<ShownSecret>();
  const [drawer, setDrawer] = useState<{ webhook: WebhookView; initial?: WebhookDeliveryView }>();
  const [busy, setBusy] = useState<string>();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setRows(itemsOf(await api.get<WebhookView[] | { items: WebhookView[] }>('/integrations/webhooks')));
      setError(undefined);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setLoading(false);
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const conflict = () => {
    message.error('该推送地址已被他人修改，已重新加载，请核对后再操作');
    void load();
  };

  const rotate = async (webhook: WebhookView) => {
    setBusy(`rotate:${webhook.id}`);
    try {
      const rotated = await api.post<WebhookCreated>(`/integrations/webhooks/${encodeURIComponent(webhook.id)}/rotate-secret`, { version: webhook.version });
      setSecret({ webhook: rotated, secret: rotated.secret, rotated: true });
      void load();
    } catch (err) {
      if (isVersionConflict(err) || (err instanceof ApiError && err.status === 409)) return conflict();
      message.error(describeError(err));
    } finally {
      setBusy(undefined);
    }
  };

  const ping = async (webhook: WebhookView) => {
    setBusy(`ping:${webhook.id}`);
    try {
      const delivery = await api.post<WebhookDeliveryView>(`/integrations/webhooks/${encodeURIComponent(webhook.id)}/test`, { version: webhook.version });
      if (delivery?.status === 'delivered') message.success(`测试事件已送达${delivery.lastStatusCode ? `（HTTP ${delivery.lastStatusCode}）` : ''}`);
      else if (delivery) message.warning(`测试事件${deliveryStatusLabel(delivery.status)}${delivery.lastStatusCode ? `（HTTP ${delivery.lastStatusCode}）` : delivery.lastError ? `：${delivery.lastError}` : ''}`);
      setDrawer({ webhook, ...(delivery && typeof delivery === 'object' && 'id' in delivery ? { initial: delivery } : {}) });
      void load();
    } catch (err) {
      message.error(describeError(err));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Panel
      title="事件推送"
      flush
      testId="webhooks-desk"
      extra={
        <Button type="primary" onClick={() => setEditing('new')} data-testid="create-webhook">
          新建推送地址
        </Button>
      }
    >
      <p className="muted" style={{ marginTop: 0 }}>
        事项新建、状态变化、超期时，系统向登记的地址推送签名的事件（webhook）；失败会按退避策略自动重试，每次投递都有记录，可重新投递。签名校验方法见「接口文档」。
      </p>
      <div className="integ-toolbar">
        <Button onClick={() => void load()} loading={loading}>
          刷新
        </Button>
      </div>
      {error && (
        <Notice kind="error" title="无法加载推送地址" action={<Button onClick={() => void load()}>重试</Button>}>
          {error}
        </Notice>
      )}
      <LightTable<WebhookView>
        rows={rows}
        rowKey={(w) => w.id}
        loading={loading}
        minWidth={1180}
        testId="webhooks-table"
        empty="还没有推送地址，点击「新建推送地址」登记一个"
        rowProps={(w) => ({ 'data-testid': 'webhook-row', 'data-webhook-id': w.id, 'data-status': w.status })}
        columns={[
          {
            key: 'url',
            title: '接收地址',
            render: (w) => (
              <div>
                <div className="integ-code">{w.url}</div>
                {w.description && <div className="muted">{w.description}</div>}
              </div>
            ),
          },
          {
            key: 'events',
            title: '事件',
            width: 190,
            render: (w) => (
              <div className="integ-tags">
                {w.events.map((e) => (
                  <Tag key={e} color="blue" title={e}>
                    {eventLabel(e)}
                  </Tag>
                ))}
              </div>
            ),
          },
          { key: 'status', title: '状态', width: 80, render: (w) => (w.status === 'active' ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
          {
            key: 'last',
            title: '最近投递',
            width: 170,
            render: (w) =>
              w.lastDelivery ? (
                <div data-testid="webhook-last-delivery">
                  <Tag color={DELIVERY_STATUS_COLORS[w.lastDelivery.status]}>
                    {deliveryStatusLabel(w.lastDelivery.status)}
                    {w.lastDelivery.statusCode ? ` ${w.lastDelivery.statusCode}` : ''}
                  </Tag>
                  <div className="muted">{formatDateTime(w.lastDelivery.at)}</div>
                </div>
              ) : (
                <span className="muted">暂无</span>
              ),
          },
          { key: 'secret', title: '签名密钥', width: 130, render: (w) => <span className="integ-code">{w.secretPrefix}</span> },
          {
            key: 'actions',
            title: '操作',
            width: 300,
            render: (w) => (
              <div className="integ-actions">
                <Button size="small" onClick={() => setEditing(w)} data-testid={`edit-webhook-${w.id}`}>
                  编辑
                </Button>
                <Button size="small" loading={busy === `ping:${w.id}`} disabled={w.status !== 'active'} title={w.status !== 'active' ? '停用的地址不能发送测试事件' : undefined} onClick={() => void ping(w)} data-testid={`ping-${w.id}`}>
                  发送测试事件
                </Button>
                <Button size="small" onClick={() => setDrawer({ webhook: w })} data-testid={`deliveries-${w.id}`}>
                  投递记录
                </Button>
                <Popconfirm
                  title="更换签名密钥？"
                  description="旧密钥立即失效，新密钥只显示一次；请同步更新接收方的配置。"
                  okText="更换"
                  cancelText="取消"
                  okButtonProps={{ danger: true, 'data-testid': 'rotate-confirm' } as ButtonProps}
                  onConfirm={() => rotate(w)}
                >
                  <Button size="small" danger loading={busy === `rotate:${w.id}`} data-testid={`rotate-${w.id}`}>
                    更换密钥
                  </Button>
                </Popconfirm>
              </div>
            ),
          },
        ]}
      />
      {editing && (
        <WebhookDialog
          {...(editing === 'new' ? {} : { webhook: editing })}
          onClose={() => setEditing(undefined)}
          onConflict={() => {
            setEditing(undefined);
            void load();
          }}
          onSaved={(saved) => {
            setEditing(undefined);
            if ('secret' in saved && saved.secret) setSecret({ webhook: saved, secret: saved.secret, rotated: false });
            void load();
          }}
        />
      )}
      {secret && (
        <SecretOnceModal
          title={secret.rotated ? '签名密钥已更换' : '推送地址已创建'}
          label={`${secret.webhook.url} 的签名密钥（signing secret）`}
          secret={secret.secret}
          testId="webhook-secret"
          onClose={() => setSecret(undefined)}
        >
          <p className="muted" style={{ margin: 0 }}>
            接收方用它校验请求头 <code>{WEBHOOK_HEADERS.signature}</code>：对「时间戳.原始请求体」计算 HMAC-SHA256 并与 v1 比对，详见「接口文档 → 事件推送」。
          </p>
        </SecretOnceModal>
      )}
      {drawer && <DeliveriesDrawer key={`${drawer.webhook.id}:${drawer.initial?.id ?? ''}`} webhook={drawer.webhook} {...(drawer.initial ? { initial: drawer.initial } : {})} onClose={() => setDrawer(undefined)} onChanged={() => void load()} />}
    </Panel>
  );
}
