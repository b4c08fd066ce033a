'use client';

import { useCallback, useMemo, useState } from 'react';
import { Alert, Button, Form, Input, Modal, Radio, Select, Space } from 'antd';
import type { RadioGroupProps } from 'antd';
import {
  MATTER_KINDS,
  MATTER_KIND_LABELS,
  MATTER_OUTCOMES,
  MATTER_OUTCOME_LABELS,
  SEVERITIES,
  SEVERITY_LABELS,
  VERIFY_METHODS,
  VERIFY_METHOD_LABELS,
} from '@beatlink/shared/matters/kinds';
import { TRANSITION_LABELS, type TransitionName } from '@beatlink/shared/matters/transitions';
import type { DuplicateCandidateView, Matter, MatterDetail } from '@beatlink/shared/matters/views';
import { ApiError, chinesePart, describeError } from '../../../lib/api-error';
import { routingSuggestionText } from '../../../lib/matters/labels';
import { deadlineOverrides, slaPreview } from '../../../lib/matters/sla';
import { formFieldOfPath, initialAssignee, missingFields, transitionBody, type TransitionFormValues } from '../../../lib/matters/transition-body';
import { useMessage } from '../feedback';
import { useSession } from '../session';
import { AssigneeFields, withSearch } from './AssigneeFields';
import { AttachmentUploader, type UploadsState } from './AttachmentUploader';
import { useMatterSettings } from './settings';

/** The matter a dialog acts on: a list item will do; the detail adds the routing suggestion. */
export type DialogMatter = Matter & Partial<Pick<MatterDetail, 'routing'>>;

export interface TransitionDialogProps {
  name: TransitionName;
  matter: DialogMatter;
  /** Values to start with (the overdue board's prefilled reason, a duplicate to merge into). */
  preset?: Partial<TransitionFormValues>;
  duplicates?: DuplicateCandidateView[];
  onClose(): void;
  onDone(updated: MatterDetail): void;
  /** Someone else changed the matter first (409): the page reloads it. */
  onConflict(): void;
}

/** What the form holds: the transition values, with deadlines as county wall-time input strings. */
type FormState = Omit<TransitionFormValues, 'acceptBy' | 'feedbackBy'> & { acceptByLocal?: string; feedbackByLocal?: string };

const TITLES: Partial<Record<TransitionName, string>> = {
  verify: '核实回访',
  escalate: '升级督办',
};

const REASON_LABELS: Partial<Record<TransitionName, string>> = {
  return: '退回原因',
  reassign: '改派原因',
  urge: '催办事由',
  escalate: '升级督办事由',
};



/** Form.Item hands its value and onChange to this component: they go on to the radio group. */
function OutcomeChoice({ prefix, ...group }: { prefix: 'feedback' | 'close' } & Pick<RadioGroupProps, 'value' | 'onChange' | 'id'>) {
  return (
    <Radio.Group {...group} optionType="button" buttonStyle="solid">
      {MATTER_OUTCOMES.map((outcome) => (
        <Radio.Button key={outcome} value={outcome}>
          <span data-testid={`${prefix}-outcome-${outcome}`}>{MATTER_OUTCOME_LABELS[outcome].zh}</span>
        </Radio.Button>
      ))}
    </Radio.Group>
  );
}

/** One dialog per transition of the table; every one sends the version the page read. */
export default function TransitionDialog({ name, matter, preset, duplicates, onClose, onDone, onConflict }: TransitionDialogProps) {
  const { api } = useSession();
  const message = useMessage();
  const settings = useMatterSettings();
  const [form] = Form.useForm<FormState>();
  const [saving, setSaving] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const [uploads, setUploads] = useState<UploadsState>({ ids: [], pending: false, failed: false });
  const onUploads = useCallback((state: UploadsState) => setUploads(state), []);
  const satisfied = Form.useWatch('satisfied', form) as boolean | undefined;
  const reasonLabel = REASON_LABELS[name];

  const initialValues = useMemo<FormState>(() => {
    const base: FormState = {};
    if (name === 'triage') Object.assign(base, { kind: matter.kind, categoryId: matter.categoryId, severity: matter.severity, policeBusiness: matter.policeBusiness });
    if (name === 'assign' || name === 'reassign') Object.assign(base, initialAssignee(matter));
    if (name === 'verify') base.method = 'phone';
    if (name === 'close') base.outcome = matter.feedback?.outcome;
    return { ...base, ...preset };
  }, [name, matter, preset]);

  const submit = async () => {
    const raw = form.getFieldsValue(true) as FormState;
    const { acceptByLocal, feedbackByLocal, ...rest } = raw;
    const values: TransitionFormValues = { ...rest, attachmentIds: uploads.ids };
    if (name === 'assign' || name === 'reassign') {
      const preview = slaPreview(settings.config?.sla, matter.categoryId, matter.severity, new Date().toISOString());
      Object.assign(values, deadlineOverrides(preview, { acceptBy: acceptByLocal, feedbackBy: feedbackByLocal }, settings.timeZone));
    }
    const missing = missingFields(name, values);
    const toField = (field: string) => (field === 'acceptBy' ? 'acceptByLocal' : field === 'feedbackBy' ? 'feedbackByLocal' : field);
    form.setFields(Object.keys(form.getFieldsValue(true) as object).map((field) => ({ name: field as keyof FormState, errors: [] })));
    if (Object.keys(missing).length) {
      form.setFields(Object.entries(missing).map(([field, error]) => ({ name: toField(field) as keyof FormState, errors: [error] })));
      return;
    }
    if (name === 'feedback' && uploads.pending) {
      setGeneral(['附件仍在上传，请稍候']);
      return;
    }
    if (name === 'feedback' && uploads.failed) {
      setGeneral(['有附件上传失败，请重试或移除后再提交']);
      return;
    }
    setGeneral([]);
    setSaving(true);
    try {
      const updated = await api.post<MatterDetail>(`/matters/${encodeURIComponent(matter.id)}/${name}`, transitionBody(name, values, matter.version));
      message.success(`已${TRANSITION_LABELS[name].zh}`);
      onDone(updated);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        message.error('事项已被他人更新，已重新加载，请核对后再操作');
        onConflict();
        return;
      }
      if (error instanceof ApiError && error.status === 422) {
        setGeneral([chinesePart(error.message)]);
        return;
      }
      if (error instanceof ApiError && error.status === 400 && error.details.length) {
        const fields: Array<{ name: keyof FormState; errors: string[] }> = [];
        const rest: string[] = [];
        for (const detail of error.details) {
          const field = formFieldOfPath(detail.path, values);
          const text = chinesePart(detail.message);
          if (field && field !== 'attachmentIds') fields.push({ name: toField(field) as keyof FormState, errors: [text] });
          else rest.push(detail.path ? `${detail.path}：${text}` : text);
        }
        form.setFields(fields);
        setGeneral(rest.length ? rest : fields.length ? [] : [describeError(error)]);
        return;
      }
      setGeneral([describeError(error)]);
    } finally {
      setSaving(false);
    }
  };

  const title = `${TITLES[name] ?? TRANSITION_LABELS[name].zh}：${matter.title}`;

  return (
    <Modal
      open
      title={title}
      width={name === 'assign' || name === 'reassign' ? 640 : 560}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} disabled={name === 'feedback' && uploads.pending} onClick={() => void submit()} data-testid="transition-submit">
            确定{TRANSITION_LABELS[name].zh}
          </Button>
        </Space>
      }
    >
      <div data-testid="transition-dialog" data-transition={name}>
        {general.length > 0 && <Alert type="error" showIcon title={general.join('；')} style={{ marginBottom: 16 }} data-testid="transition-error" />}
        <Form form={form} layout="vertical" initialValues={initialValues} onFinish={() => void submit()}>
          {name === 'triage' && (
            <>
              <Space wrap size="large">
                <Form.Item label="事项类型" name="kind">
                  <Select style={{ width: 160 }} options={MATTER_KINDS.map((k) => ({ value: k, label: MATTER_KIND_LABELS[k].zh }))} data-testid="triage-kind" />
                </Form.Item>
                <Form.Item label="分类" name="categoryId" extra="更改分类将按新分类重新给出分派建议">
                  <Select
                    style={{ width: 200 }}
                    showSearch={withSearch}
                    options={settings.activeCategories.map((c) => ({ value: c.id, label: c.name }))}
                    data-testid="triage-category"
                  />
                </Form.Item>
              </Space>
              <Form.Item label="严重程度" name="severity" required>
                <Radio.Group optionType="button" buttonStyle="solid">
                  {SEVERITIES.map((s) => (
                    <Radio.Button key={s} value={s}>
                      <span data-testid={`triage-severity-${s}`}>{SEVERITY_LABELS[s].zh}</span>
                    </Radio.Button>
                  ))}
                </Radio.Group>
              </Form.Item>
              <Form.Item label="是否属于公安职责" name="policeBusiness" required>
                <Radio.Group optionType="button" buttonStyle="solid">
                  <Radio.Button value>
                    <span data-testid="triage-police-yes">是（公安办理）</span>
                  </Radio.Button>
                  <Radio.Button value={false}>
                    <span data-testid="triage-police-no">否（综治联动）</span>
                  </Radio.Button>
                </Radio.Group>
              </Form.Item>
            </>
          )}
          {(name === 'assign' || name === 'reassign') && (
            <>
              {matter.routing && (
                <div className="matter-suggestion" data-testid="assign-suggestion">
                  {routingSuggestionText(settings.categoryName(matter.categoryId), matter.routing.route, matter.routing.suggested)}
                </div>
              )}
              {name === 'reassign' && matter.holder && <p className="muted">当前承办：{matter.holder.name}</p>}
              <AssigneeFields form={form} categoryId={matter.categoryId} severity={matter.severity} />
            </>
          )}
          {name === 'feedback' && (
            <>
              <Form.Item label="办理结果" name="outcome" required>
                <OutcomeChoice prefix="feedback" />
              </Form.Item>
              <Form.Item label="附件">
                <AttachmentUploader onChange={onUploads} />
              </Form.Item>
            </>
          )}
          {name === 'verify' && (
            <>
              <Form.Item label="回访结果" name="satisfied" required>
                <Radio.Group optionType="button" buttonStyle="solid">
                  <Radio.Button value>
                    <span data-testid="verify-satisfied-yes">满意</span>
                  </Radio.Button>
                  <Radio.Button value={false}>
                    <span data-testid="verify-satisfied-no">不满意</span>
                  </Radio.Button>
                </Radio.Group>
              </Form.Item>
              <Form.Item label="回访方式" name="method">
                <Radio.Group>
                  {VERIFY_METHODS.map((m) => (
                    <Radio key={m} value={m}>
                      <span data-testid={`verify-method-${m}`}>{VERIFY_METHOD_LABELS[m].zh}</span>
                    </Radio>
                  ))}
                </Radio.Group>
              </Form.Item>
            </>
          )}
          {name === 'close' && (
            <Form.Item label="办结结果" name="outcome" required extra="只有“已解决”计为已解决办结；其余均计为未解决办结">
              <OutcomeChoice prefix="close" />
            </Form.Item>
          )}
          {name === 'merge' && (
            <>
              <Form.Item label="并入事项编号" name="intoMatterId" required extra="本事项将标记为重复，并入所选事项">
                <Input placeholder="mat_…" data-testid="merge-into" />
              </Form.Item>
              {duplicates && duplicates.length > 0 && (
                <Form.Item label="疑似重复事项">
                  <Space wrap>
                    {duplicates.map((d) => (
                      <Button key={d.id} size="small" onClick={() => form.setFieldValue('intoMatterId', d.id)} data-testid={`merge-pick-${d.id}`}>
                        {d.title}（相似度 {Math.round(d.score * 100)}%）
                      </Button>
                    ))}
                  </Space>
                </Form.Item>
              )}
            </>
          )}
          {reasonLabel ? (
            <Form.Item label={reasonLabel} name="reason" required>
              <Input.TextArea rows={3} maxLength={500} showCount data-testid="transition-reason" />
            </Form.Item>
          ) : (
            <Form.Item
              label={name === 'feedback' ? '办理情况' : name === 'verify' ? (satisfied === false ? '不满意原因' : '回访记录') : '备注'}
              name="note"
              required={name === 'feedback' || (name === 'verify' && satisfied === false)}
            >
              <Input.TextArea rows={3} maxLength={name === 'feedback' ? 2000 : 1000} showCount data-testid="transition-note" />
            </Form.Item>
          )}
          <button type="submit" hidden aria-hidden />
        </Form>
      </div>
    </Modal>
  );
}
