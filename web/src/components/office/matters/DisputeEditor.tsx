'use client';

import { useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Checkbox, Drawer, Form, Input, Select, Space } from 'antd';
import {
  DISPUTE_STAGES,
  DISPUTE_STAGE_LABELS,
  DISPUTE_TYPES,
  DISPUTE_TYPE_LABELS,
  MEDIATION_RESULTS,
  MEDIATION_RESULT_LABELS,
  PARTY_ROLES,
  PARTY_ROLE_LABELS,
  RISK_LEVELS,
  RISK_LEVEL_LABELS,
} from '@beatlink/shared/matters/kinds';
import type { DisputeRecord } from '@beatlink/shared/matters/views';
import { ApiError, describeError } from '../../../lib/api-error';
import { disputeBody, disputeFormValues, type DisputeFormValues } from '../../../lib/matters/dispute-form';
import { detailsToFieldErrors } from '../../../lib/form-errors';
import { useMessage } from '../feedback';
import { useSession } from '../session';

const options = <K extends string>(keys: readonly K[], labels: Record<K, { zh: string }>) => keys.map((k) => ({ value: k, label: labels[k].zh }));
const FIELDS = new Set(['parties', 'disputeType', 'riskLevel', 'stageFound', 'mediations', 'agreement', 'followUps', 'resolvedAtVillage', 'escalated', 'turnedIntoCase']);

export interface DisputeEditorProps {
  matterId: string;
  record: DisputeRecord;
  onClose(): void;
  onSaved(record: DisputeRecord): void;
  onConflict(): void;
}

/** Edits the whole dispute record (PUT /matters/{id}/dispute, versioned). A party's phone left empty keeps the stored one. */
export default function DisputeEditor({ matterId, record, onClose, onSaved, onConflict }: DisputeEditorProps) {
  const { api } = useSession();
  const message = useMessage();
  const [form] = Form.useForm<DisputeFormValues>();
  const [saving, setSaving] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const initialValues = useMemo(() => disputeFormValues(record), [record]);
  const hasAgreement = Form.useWatch('hasAgreement', form) as boolean | undefined;

  const submit = async () => {
    const values = form.getFieldsValue(true) as DisputeFormValues;
    setGeneral([]);
    setSaving(true);
    try {
      const saved = await api.put<DisputeRecord>(`/matters/${encodeURIComponent(matterId)}/dispute`, disputeBody(values, record.version));
      message.success('纠纷记录已保存');
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        message.error('纠纷记录已被他人更新，已重新加载');
        onConflict();
        return;
      }
      if (error instanceof ApiError && error.details.length) {
        const mapped = detailsToFieldErrors(error.details, (path) => FIELDS.has(String(path[0])));
        form.setFields(mapped.fields as Parameters<typeof form.setFields>[0]);
        setGeneral(mapped.general.length || mapped.fields.length ? mapped.general : [describeError(error)]);
        return;
      }
      setGeneral([describeError(error)]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open
      size={720}
      title="编辑纠纷记录"
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => void submit()} data-testid="dispute-submit">
            保存
          </Button>
        </Space>
      }
    >
      <div data-testid="dispute-editor">
        {general.length > 0 && <Alert type="error" showIcon title={general.join('；')} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" initialValues={initialValues} onFinish={() => void submit()}>
          <Space wrap size="large">
            <Form.Item label="纠纷类型" name="disputeType" required>
              <Select style={{ width: 160 }} options={options(DISPUTE_TYPES, DISPUTE_TYPE_LABELS)} />
            </Form.Item>
            <Form.Item label="风险等级" name="riskLevel" required>
              <Select style={{ width: 120 }} options={options(RISK_LEVELS, RISK_LEVEL_LABELS)} />
            </Form.Item>
            <Form.Item label="发现阶段" name="stageFound" required>
              <Select style={{ width: 140 }} options={options(DISPUTE_STAGES, DISPUTE_STAGE_LABELS)} />
            </Form.Item>
          </Space>

          <h3>当事人</h3>
          <RowList name="parties" addLabel="添加当事人" newRow={() => ({ name: '', role: 'respondent' })}>
            {(field) => (
              <>
                <Form.Item name={[field.name, 'name']} rules={[{ required: true, message: '必填' }]}>
                  <Input placeholder="姓名" style={{ width: 120 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'role']}>
                  <Select style={{ width: 120 }} options={options(PARTY_ROLES, PARTY_ROLE_LABELS)} />
                </Form.Item>
                <Form.Item name={[field.name, 'phone']} extra={form.getFieldValue(['parties', field.name, 'phoneMasked']) ? `已登记 ${form.getFieldValue(['parties', field.name, 'phoneMasked'])}，留空则保留` : undefined}>
                  <Input placeholder="电话（可选）" style={{ width: 160 }} />
                </Form.Item>
              </>
            )}
          </RowList>

          <h3 style={{ marginTop: 24 }}>调解记录</h3>
          <RowList name="mediations" addLabel="添加调解记录" newRow={() => ({ date: new Date().toISOString().slice(0, 10), mediator: '', result: 'continuing' })}>
            {(field) => (
              <>
                <Form.Item name={[field.name, 'date']}>
                  <Input type="date" style={{ width: 150 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'mediator']}>
                  <Input placeholder="调解人" style={{ width: 110 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'result']}>
                  <Select style={{ width: 120 }} options={options(MEDIATION_RESULTS, MEDIATION_RESULT_LABELS)} />
                </Form.Item>
                <Form.Item name={[field.name, 'note']}>
                  <Input placeholder="情况（可选）" style={{ width: 180 }} />
                </Form.Item>
              </>
            )}
          </RowList>

          <h3 style={{ marginTop: 24 }}>调解协议</h3>
          <Form.Item name="hasAgreement" valuePropName="checked">
            <Checkbox>已达成协议</Checkbox>
          </Form.Item>
          {hasAgreement && (
            <Space wrap align="start">
              <Form.Item label="日期" name={['agreement', 'date']}>
                <Input type="date" style={{ width: 150 }} />
              </Form.Item>
              <Form.Item label="形式" name={['agreement', 'form']}>
                <Select
                  style={{ width: 100 }}
                  options={[
                    { value: 'written', label: '书面' },
                    { value: 'oral', label: '口头' },
                  ]}
                />
              </Form.Item>
              <Form.Item label="内容" name={['agreement', 'summary']}>
                <Input.TextArea rows={2} style={{ width: 360 }} maxLength={2000} />
              </Form.Item>
            </Space>
          )}

          <h3 style={{ marginTop: 24 }}>回访</h3>
          <RowList name="followUps" addLabel="添加回访" newRow={() => ({ date: new Date().toISOString().slice(0, 10), by: '', stable: true })}>
            {(field) => (
              <>
                <Form.Item name={[field.name, 'date']}>
                  <Input type="date" style={{ width: 150 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'by']}>
                  <Input placeholder="回访人" style={{ width: 110 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'stable']} valuePropName="checked">
                  <Checkbox>稳定</Checkbox>
                </Form.Item>
                <Form.Item name={[field.name, 'note']}>
                  <Input placeholder="情况（可选）" style={{ width: 180 }} />
                </Form.Item>
              </>
            )}
          </RowList>

          <h3 style={{ marginTop: 24 }}>化解情况</h3>
          <Space wrap>
            <Form.Item name="resolvedAtVillage" valuePropName="checked">
              <Checkbox data-testid="dispute-resolved-at-village">村级化解</Checkbox>
            </Form.Item>
            <Form.Item name="escalated" valuePropName="checked">
              <Checkbox>上交</Checkbox>
            </Form.Item>
            <Form.Item name="turnedIntoCase" valuePropName="checked">
              <Checkbox>转为案件</Checkbox>
            </Form.Item>
          </Space>
          <button type="submit" hidden aria-hidden />
        </Form>
      </div>
    </Drawer>
  );
}

/** A repeatable row of fields (parties, mediation sessions, follow-ups): each deletable, one more on demand. */
function RowList(props: { name: string; addLabel: string; newRow: () => Record<string, unknown>; children: (field: { name: number }) => ReactNode }) {
  return (
    <Form.List name={props.name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Space key={field.key} wrap align="start" style={{ display: 'flex' }}>
              {props.children(field)}
              <Button type="link" danger onClick={() => remove(field.name)}>
                删除
              </Button>
            </Space>
          ))}
          <Button onClick={() => add(props.newRow())}>{props.addLabel}</Button>
        </>
      )}
    </Form.List>
  );
}
