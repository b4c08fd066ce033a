'use client';

import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Space } from 'antd';
import type { Absence, AbsenceDecision } from '@beatlink/shared/duty/absence-rules';
import type { DutyRules } from '@beatlink/shared/duty/compliance';
import { ApiError, chinesePart, describeError } from '../../../lib/api-error';
import { DECIDE_CONFLICT_MESSAGE, decisionBody, makeUpPreview, makeUpText, NOTE_MAX } from '../../../lib/duty/absences';
import { dutyRoleLabel } from '../../../lib/duty/labels';
import { dateLabel } from '../../../lib/duty/weeks';
import { useMessage } from '../feedback';
import { useSession } from '../session';

export interface DecideDialogProps {
  absence: Absence;
  decision: AbsenceDecision;
  /** The county's duty rules (the make-up an approval creates); absent while not read. */
  rules?: Pick<DutyRules, 'contactOfficerMinHours' | 'makeUpDueDays'>;
  onClose(): void;
  onDone(updated: Absence): void;
  /** The report was decided or changed by someone else (409): the page reloads. */
  onConflict(): void;
}

/** 批准 / 驳回 one absence report, with the version the page read; approving shows the make-up it creates. */
export default function DecideDialog({ absence, decision, rules, onClose, onDone, onConflict }: DecideDialogProps) {
  const { api } = useSession();
  const message = useMessage();
  const [form] = Form.useForm<{ note?: string }>();
  const [saving, setSaving] = useState(false);
  const [general, setGeneral] = useState<string>();
  const approve = decision === 'approve';
  const preview = approve && rules ? makeUpPreview(absence.role, absence.date, rules) : undefined;

  const submit = async () => {
    const result = decisionBody(absence, decision, form.getFieldValue('note') as string | undefined);
    if ('error' in result) {
      form.setFields([{ name: 'note', errors: [result.error] }]);
      return;
    }
    form.setFields([{ name: 'note', errors: [] }]);
    setGeneral(undefined);
    setSaving(true);
    try {
      const updated = await api.post<Absence>(`/absences/${encodeURIComponent(absence.id)}/decide`, result.body);
      message.success(approve ? `已批准 ${absence.officerName} 的报备` : `已驳回 ${absence.officerName} 的报备`);
      onDone(updated);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        message.error(DECIDE_CONFLICT_MESSAGE);
        onConflict();
        return;
      }
      if (error instanceof ApiError && error.status === 400 && error.details.some((d) => d.path === 'note')) {
        form.setFields([{ name: 'note', errors: error.details.filter((d) => d.path === 'note').map((d) => chinesePart(d.message)) }]);
        return;
      }
      setGeneral(error instanceof ApiError && error.status === 422 ? chinesePart(error.message) : describeError(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`${approve ? '批准' : '驳回'}报备：${absence.officerName}`}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Space>
          <Button autoInsertSpace={false} onClick={onClose}>
            取消
          </Button>
          <Button autoInsertSpace={false} type="primary" danger={!approve} loading={saving} onClick={() => void submit()} data-testid="decide-submit">
            确定
          </Button>
        </Space>
      }
    >
      <div data-testid="decide-dialog" data-decision={decision}>
        {general && <Alert type="error" showIcon title={general} style={{ marginBottom: 16 }} data-testid="decide-error" />}
        <div className="duty-summary">
          <p>
            {absence.officerName}（{dutyRoleLabel(absence.role)}） · {absence.week} · {dateLabel(absence.date)}
          </p>
          <p>事由：{absence.reason}</p>
        </div>
        {approve && (
          <div className="duty-preview" data-testid="decide-make-up">
            {preview ? `批准后将生成补课任务：${makeUpText(preview)}` : '批准后将按本县规则生成补课任务'}
          </div>
        )}
        <Form form={form} layout="vertical" onFinish={() => void submit()}>
          <Form.Item
            label={approve ? '审批意见（可选）' : '驳回理由'}
            name="note"
            required={!approve}
            extra={approve ? undefined : '驳回理由将告知民警'}
          >
            <Input.TextArea rows={3} maxLength={NOTE_MAX} showCount data-testid="decide-note" />
          </Form.Item>
          <button type="submit" hidden aria-hidden />
        </Form>
      </div>
    </Modal>
  );
}
