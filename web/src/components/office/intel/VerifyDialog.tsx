'use client';

import { useState } from 'react';
import { Alert, Button, Input, Modal, Radio, Space } from 'antd';
import type { IntelRecord } from '@beatlink/shared/intel/records';
import type { VerificationState } from '@beatlink/shared/intel/labels';
import { ApiError, chinesePart, describeError } from '../../../lib/api-error';
import { VERIFICATION_STATES, verificationLabel } from '../../../lib/intel/labels';
import { VERIFY_CONFLICT_MESSAGE, VERIFY_NOTE_MAX, verifyBody } from '../../../lib/intel/verify';
import { useMessage } from '../feedback';
import { useSession } from '../session';

export interface VerifyDialogProps {
  record: IntelRecord;
  onClose(): void;
  onDone(updated: IntelRecord): void;
  /** Changed by someone else since it was read (409): the page reloads. */
  onConflict(): void;
}

/** 核实: the verification state of a record and a note, with the version the page read. */
export default function VerifyDialog({ record, onClose, onDone, onConflict }: VerifyDialogProps) {
  const { api } = useSession();
  const message = useMessage();
  const [state, setState] = useState<VerificationState | undefined>(record.verification.state === 'unverified' ? 'verified' : record.verification.state);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<{ field: 'state' | 'note'; error: string }>();
  const [general, setGeneral] = useState<string>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const result = verifyBody(record, state, note);
    if ('error' in result) {
      setProblem(result);
      return;
    }
    setProblem(undefined);
    setGeneral(undefined);
    setSaving(true);
    try {
      const updated = await api.post<IntelRecord>(`/intel/records/${encodeURIComponent(record.id)}/verify`, result.body);
      message.success(`已将「${record.title}」标记为${verificationLabel(updated.verification.state)}`);
      onDone(updated);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        message.error(VERIFY_CONFLICT_MESSAGE);
        onConflict();
        return;
      }
      setGeneral(error instanceof ApiError && error.status === 400 && error.details.length ? error.details.map((d) => chinesePart(d.message)).join('；') : describeError(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`核实：${record.title}`}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Space>
          <Button autoInsertSpace={false} onClick={onClose}>
            取消
          </Button>
          <Button autoInsertSpace={false} type="primary" loading={saving} onClick={() => void submit()} data-testid="verify-submit">
            确定
          </Button>
        </Space>
      }
    >
      <div data-testid="verify-dialog">
        {general && <Alert type="error" showIcon title={general} style={{ marginBottom: 12 }} data-testid="verify-error" />}
        <p className="muted">当前状态：{verificationLabel(record.verification.state)}。核实结果将记入记录历史。</p>
        <div className="reveal-reason-label">
          <span className="reveal-required">*</span> 核实结果
        </div>
        <Radio.Group value={state} onChange={(e) => setState(e.target.value as VerificationState)} data-testid="verify-state">
          {VERIFICATION_STATES.map((s) => (
            <Radio key={s} value={s}>
              {verificationLabel(s)}
            </Radio>
          ))}
        </Radio.Group>
        {problem?.field === 'state' && <div className="reveal-reason-error">{problem.error}</div>}
        <label className="reveal-reason-label" htmlFor="verify-note" style={{ marginTop: 12 }}>
          核实说明{state === 'disputed' || state === 'obsolete' ? '' : '（可选）'}
        </label>
        <Input.TextArea
          id="verify-note"
          rows={3}
          maxLength={VERIFY_NOTE_MAX}
          showCount
          value={note}
          status={problem?.field === 'note' ? 'error' : undefined}
          onChange={(e) => setNote(e.target.value)}
          placeholder="例如：经村委会核实属实"
          data-testid="verify-note"
        />
        {problem?.field === 'note' && <div className="reveal-reason-error">{problem.error}</div>}
      </div>
    </Modal>
  );
}
