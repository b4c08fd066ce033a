'use client';

import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Input, InputNumber, Modal, Select, Space } from 'antd';
import type { Agency } from '@beatlink/shared/directory/agencies';
import { API_SCOPE_LABELS, API_SCOPES, DEFAULT_RATE_LIMIT, RATE_PERIOD_LABELS, RATE_PERIODS, type ApiKeyCreated, type ApiScope, type RatePeriod } from '@beatlink/shared/integrations/api-keys';
import { ApiError, describeError } from '../../../lib/api-error';
import { apiKeyBody, apiKeyErrorsOf, validateApiKeyDraft, type ApiKeyDraft, type ApiKeyField } from '../../../lib/integrations/labels';
import { listAll } from '../../../lib/list-all';
import { useSession } from '../session';
import { Field } from './Field';

/** 新建密钥: name, scopes, the agency (for updates:write), rate limit, note. */
export default function ApiKeyCreateDialog({ onClose, onCreated }: { onClose(): void; onCreated(key: ApiKeyCreated): void }) {
  const { api } = useSession();
  const [draft, setDraft] = useState<ApiKeyDraft>({ name: '', scopes: [], limit: DEFAULT_RATE_LIMIT.limit, per: DEFAULT_RATE_LIMIT.per, note: '' });
  const [errors, setErrors] = useState<Partial<Record<ApiKeyField, string>>>({});
  const [general, setGeneral] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [agencies, setAgencies] = useState<Agency[]>();
  const needsAgency = draft.scopes.includes('updates:write');

  useEffect(() => {
    if (!needsAgency || agencies) return;
    let cancelled = false;
    listAll<Agency>((cursor) => api.get('/directory/agencies', { limit: 200, status: 'active', cursor }))
      .then((list) => !cancelled && setAgencies(list))
      .catch(() => !cancelled && setAgencies([]));
    return () => {
      cancelled = true;
    };
  }, [api, needsAgency, agencies]);

  const set = <K extends keyof ApiKeyDraft>(key: K, value: ApiKeyDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const save = async () => {
    const found = validateApiKeyDraft(draft);
    setErrors(found);
    setGeneral(undefined);
    if (Object.keys(found).length) return;
    setSaving(true);
    try {
      onCreated(await api.post<ApiKeyCreated>('/integrations/api-keys', apiKeyBody(draft)));
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.details.length) {
        const { fields, rest } = apiKeyErrorsOf(error.details);
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
      title="新建接口密钥"
      width={600}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="api-key-save">
            创建
          </Button>
        </Space>
      }
    >
      <div data-testid="api-key-dialog">
        {general && <Alert type="error" showIcon title={general} style={{ marginBottom: 16 }} />}
        <Field label="名称" error={errors.name} hint="对接系统的名称，如「12345 热线平台」" testId="api-key-name-field">
          <Input value={draft.name} maxLength={60} onChange={(e) => set('name', e.target.value)} status={errors.name ? 'error' : undefined} data-testid="api-key-name" />
        </Field>
        <Field label="权限范围（scopes）" error={errors.scopes} testId="api-key-scopes-field">
          <Checkbox.Group value={draft.scopes} onChange={(values) => set('scopes', values as ApiScope[])} data-testid="api-key-scopes">
            <div className="integ-checks">
              {API_SCOPES.map((scope) => (
                <Checkbox key={scope} value={scope} data-testid={`api-key-scope-${scope}`}>
                  {API_SCOPE_LABELS[scope].zh} <span className="integ-code muted">{scope}</span>
                </Checkbox>
              ))}
            </div>
          </Checkbox.Group>
        </Field>
        {needsAgency && (
          <Field label="成员单位" error={errors.agencyId} hint="回传办理结果（updates:write）以该成员单位的身份受理、反馈或退回交办给它的事项" testId="api-key-agency-field">
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: '100%' }}
              placeholder="选择成员单位"
              loading={!agencies}
              value={draft.agencyId}
              onChange={(value: string) => set('agencyId', value)}
              options={(agencies ?? []).map((a) => ({ value: a.id, label: a.name }))}
              status={errors.agencyId ? 'error' : undefined}
              data-testid="api-key-agency"
            />
          </Field>
        )}
        <Field label="限流" error={errors.rateLimit} hint="超出时接口返回 429，并在 Retry-After 中给出可重试的秒数" testId="api-key-rate-field">
          <div className="integ-rate">
            <InputNumber min={1} max={100_000} precision={0} value={draft.limit} onChange={(value) => set('limit', typeof value === 'number' ? value : null)} status={errors.rateLimit ? 'error' : undefined} data-testid="api-key-rate-limit" suffix="次" />
            <Select<RatePeriod>
              style={{ width: 120 }}
              value={draft.per}
              onChange={(value) => set('per', value)}
              options={RATE_PERIODS.map((p) => ({ value: p, label: RATE_PERIOD_LABELS[p].zh }))}
              data-testid="api-key-rate-period"
            />
          </div>
        </Field>
        <Field label="备注" error={errors.note} testId="api-key-note-field">
          <Input.TextArea rows={2} maxLength={200} showCount value={draft.note} onChange={(e) => set('note', e.target.value)} data-testid="api-key-note" />
        </Field>
      </div>
    </Modal>
  );
}
