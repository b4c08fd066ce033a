'use client';

import { useMemo, useState } from 'react';
import { Alert, Button, Form, Input, Modal, Radio, Select, Space } from 'antd';
import type { Report, ReportAction } from '@beatlink/shared/analysis/reports';
import { MATTER_KINDS, MATTER_KIND_LABELS, SEVERITIES, SEVERITY_LABELS, type Severity } from '@beatlink/shared/matters/kinds';
import type { Matter } from '@beatlink/shared/matters/views';
import { ApiError, chinesePart, describeError } from '../../../lib/api-error';
import { DESCRIPTION_MAX, TITLE_MAX, actionAssignBody, actionDefaults, actionFieldOfPath, missingActionFields, type ActionAssignValues } from '../../../lib/analysis/action-assign';
import { actionKindLabel } from '../../../lib/analysis/reports';
import { deadlineOverrides, slaPreview } from '../../../lib/matters/sla';
import { useMessage } from '../feedback';
import { AssigneeFields, withSearch } from '../matters/AssigneeFields';
import { useMatterSettings } from '../matters/settings';
import { useSession } from '../session';

type FormState = ActionAssignValues & { acceptByLocal?: string; feedbackByLocal?: string };

export interface AssignActionDialogProps {
  report: Pick<Report, 'id'>;
  action: ReportAction;
  onClose(): void;
  /** The action as it is now (it records its matter), and the matter. */
  onDone(action: ReportAction, matter: Matter): void;
  /** The action was turned into a matter meanwhile (409): the page reloads the report. */
  onConflict(): void;
}

/** 转为交办: take an action item in as a matter and assign it, in one step (analysis.manage). */
export default function AssignActionDialog({ report, action, onClose, onDone, onConflict }: AssignActionDialogProps) {
  const { api } = useSession();
  const message = useMessage();
  const settings = useMatterSettings();
  const [form] = Form.useForm<FormState>();
  const [saving, setSaving] = useState(false);
  const [general, setGeneral] = useState<string>();
  const initialValues = useMemo(() => actionDefaults(action), [action]);
  const categoryId = Form.useWatch('categoryId', form) as string | undefined;
  const severity = Form.useWatch('severity', form) as Severity | undefined;

  const submit = async () => {
    const { acceptByLocal, feedbackByLocal, ...values } = form.getFieldsValue(true) as FormState;
    const missing = missingActionFields(values);
    form.setFields(Object.keys(form.getFieldsValue(true) as object).map((name) => ({ name: name as keyof FormState, errors: [] })));
    if (Object.keys(missing).length) {
      form.setFields(Object.entries(missing).map(([name, error]) => ({ name: name as keyof FormState, errors: [error] })));
      return;
    }
    const preview = slaPreview(settings.config?.sla, values.categoryId!, values.severity!, new Date().toISOString());
    const deadlines = deadlineOverrides(preview, { acceptBy: acceptByLocal, feedbackBy: feedbackByLocal }, settings.timeZone);
    if (deadlines.acceptBy && deadlines.feedbackBy && deadlines.feedbackBy < deadlines.acceptBy) {
      form.setFields([{ name: 'feedbackByLocal', errors: ['反馈时限不能早于签收时限'] }]);
      return;
    }
    setGeneral(undefined);
    setSaving(true);
    try {
      const path = `/analysis/reports/${encodeURIComponent(report.id)}/actions/${encodeURIComponent(action.id)}/assign`;
      const result = await api.post<{ action: ReportAction; matter: Matter }>(path, actionAssignBody(action, values, deadlines));
      message.success('已转为交办事项');
      onDone(result.action, result.matter);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        message.error('该研判事项已被他人转为交办，已重新加载报告');
        onConflict();
        return;
      }
      if (error instanceof ApiError && error.status === 400 && error.details.length) {
        const fields: Array<{ name: keyof FormState; errors: string[] }> = [];
        const rest: string[] = [];
        for (const detail of error.details) {
          const field = actionFieldOfPath(detail.path, values);
          if (field) fields.push({ name: field as keyof FormState, errors: [chinesePart(detail.message)] });
          else rest.push(chinesePart(detail.message));
        }
        form.setFields(fields);
        setGeneral(rest.length ? rest.join('；') : fields.length ? undefined : describeError(error));
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
      title={`转为交办：${actionKindLabel(action.kind)}`}
      width={680}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => void submit()} data-testid="assign-action-submit">
            确定交办
          </Button>
        </Space>
      }
    >
      <div data-testid="assign-action-dialog" data-action-id={action.id}>
        {general && <Alert type="error" showIcon title={general} style={{ marginBottom: 16 }} data-testid="assign-action-error" />}
        <p className="muted">
          村（社区）：{action.villageName ?? '—'}。事项由活动办受理、分流并交办，承办单位按时限签收、反馈。
        </p>
        <Form
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onValuesChange={(changed: Partial<FormState>) => {
            // New category or severity: the deadlines follow the SLA table again.
            if ('categoryId' in changed || 'severity' in changed) form.setFieldsValue({ acceptByLocal: undefined, feedbackByLocal: undefined });
          }}
          onFinish={() => void submit()}
        >
          <Form.Item label="标题" name="title" required>
            <Input maxLength={TITLE_MAX} showCount data-testid="assign-action-title" />
          </Form.Item>
          <Form.Item label="情况描述" name="description">
            <Input.TextArea rows={3} maxLength={DESCRIPTION_MAX} data-testid="assign-action-description" />
          </Form.Item>
          <Space wrap size="large">
            <Form.Item label="事项类型" name="kind" required>
              <Select style={{ width: 160 }} options={MATTER_KINDS.map((k) => ({ value: k, label: MATTER_KIND_LABELS[k].zh }))} data-testid="assign-action-kind" />
            </Form.Item>
            <Form.Item label="分类" name="categoryId" required>
              <Select
                style={{ width: 220 }}
                showSearch={withSearch}
                loading={settings.loading}
                placeholder="选择分类"
                options={settings.activeCategories.map((c) => ({ value: c.id, label: c.name }))}
                data-testid="assign-action-category"
              />
            </Form.Item>
          </Space>
          <Space wrap size="large">
            <Form.Item label="严重程度" name="severity" required>
              <Radio.Group optionType="button" buttonStyle="solid" options={SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s].zh }))} />
            </Form.Item>
            <Form.Item label="是否属于公安职责" name="policeBusiness" required>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={[
                  { value: true, label: '是（公安办理）' },
                  { value: false, label: '否（综治联动）' },
                ]}
              />
            </Form.Item>
          </Space>
          <AssigneeFields form={form} categoryId={categoryId} severity={severity} />
          <Form.Item label="交办意见" name="note">
            <Input.TextArea rows={2} maxLength={1000} showCount data-testid="assign-action-note" />
          </Form.Item>
          <button type="submit" hidden aria-hidden />
        </Form>
      </div>
    </Modal>
  );
}
