'use client';

import dynamic from 'next/dynamic';
import { useCallback, useEffect, useState } from 'react';
import { Button, Input, Popconfirm, Radio, Tag, type ButtonProps } from 'antd';
import type { ApiKeyCreated, ApiKeyView } from '@beatlink/shared/integrations/api-keys';
import { ApiError, describeError, isVersionConflict } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { itemsOf, rateLimitText, scopeLabel } from '../../../lib/integrations/labels';
import { Notice } from '../Notice';
import { Panel } from '../Panel';
import { useMessage } from '../feedback';
import { LightTable } from '../matters/LightTable';
import { useSession } from '../session';
import { SecretOnceModal } from './SecretOnceModal';
import '../matters/matters.css';
import './integrations.css';

// The creation dialog (its inputs, the agencies list) loads when it is opened.
const ApiKeyCreateDialog = dynamic(() => import('./ApiKeyCreateDialog'), { ssr: false });

type StatusFilter = 'active' | 'revoked' | 'all';
const FILTERS: Array<{ value: StatusFilter; label: string }> = [
  { value: 'active', label: '有效' },
  { value: 'revoked', label: '已吊销' },
  { value: 'all', label: '全部' },
];

/** 接口密钥 (/integrations/api-keys): the county's keys; create one (shown once), revoke one. */
export function ApiKeysDesk() {
  const { api } = useSession();
  const message = useMessage();
  const [status, setStatus] = useState<StatusFilter>('active');
  const [rows, setRows] = useState<ApiKeyView[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [creating, setCreating] = useState(false);
  /** The key just created: the only place its secret lives, dropped when the modal closes. */
  const [created, setCreated] = useState<ApiKeyCreated>();
  const [reason, setReason] = useState('');
  const [revoking, setRevoking] = useState<string>();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setRows(itemsOf(await api.get<ApiKeyView[] | { items: ApiKeyView[] }>('/integrations/api-keys', { status })));
      setError(undefined);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setLoading(false);
    }
  }, [api, status]);

  useEffect(() => {
    void load();
  }, [load]);

  const revoke = async (key: ApiKeyView) => {
    setRevoking(key.id);
    try {
      const trimmed = reason.trim();
      await api.post<ApiKeyView>(`/integrations/api-keys/${encodeURIComponent(key.id)}/revoke`, { version: key.version, ...(trimmed ? { reason: trimmed } : {}) });
      message.success(`已吊销密钥「${key.name}」，使用它的调用将被拒绝`);
      setReason('');
      void load();
    } catch (err) {
      if (isVersionConflict(err) || (err instanceof ApiError && err.status === 409)) {
        message.error('该密钥已被他人修改（或已吊销），已重新加载，请核对后再操作');
        void load();
        return;
      }
      message.error(describeError(err));
    } finally {
      setRevoking(undefined);
    }
  };

  return (
    <Panel
      title="接口密钥"
      flush
      testId="api-keys-desk"
      extra={
        <Button type="primary" onClick={() => setCreating(true)} data-testid="create-api-key">
          新建密钥
        </Button>
      }
    >
      <p className="muted" style={{ marginTop: 0 }}>
        接口密钥（API key）供 12345 热线、网格化平台、成员单位业务系统等调用本县的开放接口（Open311 / REST v1）。密钥只在创建时显示一次，系统仅保存其摘要；不再使用的密钥请及时吊销。
      </p>
      <div className="integ-toolbar">
        <Radio.Group optionType="button" buttonStyle="solid" value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)} aria-label="密钥状态" data-testid="api-keys-status">
          {FILTERS.map((f) => (
            <Radio.Button key={f.value} value={f.value}>
              {f.label}
            </Radio.Button>
          ))}
        </Radio.Group>
        <Button onClick={() => void load()} loading={loading}>
          刷新
        </Button>
      </div>
      {error && (
        <Notice kind="error" title="无法加载接口密钥" action={<Button onClick={() => void load()}>重试</Button>}>
          {error}
        </Notice>
      )}
      <LightTable<ApiKeyView>
        rows={rows}
        rowKey={(k) => k.id}
        loading={loading}
        minWidth={1180}
        testId="api-keys-table"
        empty={status === 'revoked' ? '没有已吊销的密钥' : '还没有接口密钥，点击「新建密钥」为对接系统创建一个'}
        rowProps={(k) => ({ 'data-testid': 'api-key-row', 'data-api-key-id': k.id, 'data-status': k.status })}
        columns={[
          {
            key: 'name',
            title: '名称',
            width: 160,
            render: (k) => (
              <div>
                <div>{k.name}</div>
                {k.note && <div className="muted">{k.note}</div>}
              </div>
            ),
          },
          { key: 'prefix', title: '密钥前缀', width: 200, render: (k) => <span className="integ-code">{k.prefix}</span> },
          {
            key: 'scopes',
            title: '权限范围',
            width: 200,
            render: (k) => (
              <div className="integ-tags">
                {k.scopes.map((s) => (
                  <Tag key={s} title={s} color="blue">
                    {scopeLabel(s)}
                  </Tag>
                ))}
              </div>
            ),
          },
          { key: 'agency', title: '成员单位', width: 120, render: (k) => k.agencyName ?? (k.agencyId ? k.agencyId : <span className="muted">—</span>) },
          { key: 'rate', title: '限流', width: 110, render: (k) => rateLimitText(k.rateLimit) },
          {
            key: 'created',
            title: '创建',
            width: 150,
            render: (k) => (
              <div>
                <div>{formatDateTime(k.createdAt)}</div>
                <div className="muted">{k.createdByName || k.createdBy}</div>
              </div>
            ),
          },
          { key: 'lastUsed', title: '最近使用', width: 140, render: (k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt) : <span className="muted">未使用</span>) },
          {
            key: 'status',
            title: '状态',
            width: 150,
            render: (k) =>
              k.status === 'active' ? (
                <Tag color="green">有效</Tag>
              ) : (
                <div>
                  <Tag>已吊销</Tag>
                  <div className="muted">{formatDateTime(k.revokedAt)}</div>
                  {k.revokeReason && <div className="muted">{k.revokeReason}</div>}
                </div>
              ),
          },
          {
            key: 'actions',
            title: '操作',
            width: 90,
            render: (k) =>
              k.status === 'active' ? (
                <Popconfirm
                  title={`吊销密钥「${k.name}」？`}
                  description={
                    <div style={{ maxWidth: 280 }}>
                      <p style={{ margin: '0 0 8px' }}>吊销后，使用该密钥的调用立即被拒绝，且无法恢复。</p>
                      <Input size="small" placeholder="吊销原因（选填）" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="revoke-reason" />
                    </div>
                  }
                  okText="吊销"
                  cancelText="取消"
                  okButtonProps={{ danger: true, 'data-testid': 'revoke-confirm' } as ButtonProps}
                  onOpenChange={(open) => open && setReason('')}
                  onConfirm={() => revoke(k)}
                >
                  <Button size="small" danger loading={revoking === k.id} data-testid={`revoke-${k.id}`}>
                    吊销
                  </Button>
                </Popconfirm>
              ) : (
                <span className="muted">—</span>
              ),
          },
        ]}
      />
      {creating && (
        <ApiKeyCreateDialog
          onClose={() => setCreating(false)}
          onCreated={(key) => {
            setCreating(false);
            setCreated(key);
            void load();
          }}
        />
      )}
      {created && (
        <SecretOnceModal title="接口密钥已创建" label={`「${created.name}」的接口密钥（API key）`} secret={created.key} testId="api-key-secret" onClose={() => setCreated(undefined)}>
          <p className="muted" style={{ margin: 0 }}>
            调用时放在请求头 <code>X-Api-Key</code>（或 <code>Authorization: Bearer &lt;key&gt;</code>）中。权限范围：{created.scopes.map(scopeLabel).join('、')}；限流 {rateLimitText(created.rateLimit)}。
          </p>
        </SecretOnceModal>
      )}
    </Panel>
  );
}
