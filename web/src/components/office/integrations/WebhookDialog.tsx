'use client';

import { useState } from 'react';
import { Alert, Button, Checkbox, Input, Modal, Space, Switch } from 'antd';
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS, type WebhookCreated, type WebhookEventType, type WebhookStatus, type WebhookView } from '@beatlink/shared/integrations/webhooks';
import { ApiError, describeError, isVersionConflict } from '../../../lib/api-error';
import { webhookErrorsOf, type WebhookField } from '../../../lib/integrations/labels';
import { useMessage } from '../feedback';
import { useSession } from '../session';
import { Field } from './Field';

export interface WebhookDialogProps {
  /** The endpoint to edit; absent → a new one. */
  webhook?: WebhookView;
  onClose(): void;
  /** A new endpoint (with its secret, shown once) or the edited one. */
  onSaved(webhook: WebhookView | WebhookCreated): void;
  /** Someone else changed it first (409): the page reloads. */
  onConflict(): void;
}

/** 新建 / 修改事件推送地址: URL, description, events; an edit also enables/disables, with the version read. */
export default function WebhookDialog({ webhook, onClose, onSaved, onConflict }: WebhookDialogProps) {
  const { api } = useSession();
  const message = useMessage();
  const [url, setUrl] = useState(webhook?.url ?? '');
  const [description, setDescription] = useState(webhook?.description ?? '');
  const [events, setEvents] = useState<WebhookEventType[]>(webhook?.events ?? ['matter.created', 'matter.status_changed']);
  const [status, setStatus] = useState<WebhookStatus>(webhook?.status ?? 'active');
  const [errors, setErrors] = useState<Partial<Record<WebhookField, string>>>({});
  const [general, setGeneral] = useState<string>();
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const found: Partial<Record<WebhookField, string>> = {};
    if (!url.trim()) found.url = '请填写接收地址';
    if (events.length === 0) found.events = '至少选择一个事件';
    setErrors(found);
    setGeneral(undefined);
    if (Object.keys(found).length) return;
    setSaving(true);
    try {
      const body = { url: url.trim(), description: description.trim(), events };
      const saved = webhook
        ? await api.put<WebhookView>(`/integrations/webhooks/${encodeURIComponent(webhook.id)}`, { version: webhook.version, ...body, status })
        : await api.post<WebhookCreated>('/integrations/webhooks', { url: body.url, events, ...(body.description ? { description: body.description } : {}) });
      if (webhook) message.success('推送地址已保存');
      onSaved(saved);
    } catch (error) {
      if (webhook && (isVersionConflict(error) || (error instanceof ApiError && error.status === 409))) {
        message.error('该推送地址已被他人修改，已重新加载，请核对后再改');
        onConflict();
        return;
      }
      if (error instanceof ApiError && error.status === 400 && error.details.length) {
        const { fields, rest } = webhookErrorsOf(error.details);
        setErrors(fields);
        if (rest.length) setGeneral(rest.join('；'));
        return;
      }
      setGeneral(describeError(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={webhook ? '修改推送地址' : '新建推送地址'}
      width={620}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="webhook-save">
            {webhook ? '保存' : '创建'}
          </Button>
        </Space>
      }
    >
      <div data-testid="webhook-dialog">
        {general && <Alert type="error" showIcon title={general} style={{ marginBottom: 16 }} />}
        <Field label="接收地址（URL）" error={errors.url} hint="须为 https 网址；本地联调可用 http://127.0.0.1" testId="webhook-url-field">
          <Input value={url} maxLength={500} placeholder="https://grid.example.gov.cn/hooks/beatlink" onChange={(e) => setUrl(e.target.value)} status={errors.url ? 'error' : undefined} data-testid="webhook-url" />
        </Field>
        <Field label="说明" error={errors.description} testId="webhook-description-field">
          <Input value={description} maxLength={100} placeholder="如「网格化平台」" onChange={(e) => setDescription(e.target.value)} data-testid="webhook-description" />
        </Field>
        <Field label="推送事件" error={errors.events} testId="webhook-events-field">
          <Checkbox.Group value={events} onChange={(values) => setEvents(values as WebhookEventType[])} data-testid="webhook-events">
            <div className="integ-checks">
              {WEBHOOK_EVENTS.map((event) => (
                <Checkbox key={event} value={event} data-testid={`webhook-event-${event}`}>
                  {WEBHOOK_EVENT_LABELS[event].zh} <span className="integ-code muted">{event}</span>
                </Checkbox>
              ))}
            </div>
          </Checkbox.Group>
        </Field>
        {webhook && (
          <Field label="启用" error={errors.status} hint="停用后不再向该地址推送新的事件" testId="webhook-status-field">
            <Switch checked={status === 'active'} onChange={(on) => setStatus(on ? 'active' : 'disabled')} checkedChildren="启用" unCheckedChildren="停用" data-testid="webhook-status" />
          </Field>
        )}
      </div>
    </Modal>
  );
}
