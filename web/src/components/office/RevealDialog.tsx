'use client';

import { useState } from 'react';
import { Alert, Button, Input, Modal, Space } from 'antd';
import { REVEAL_REASON_MAX, REVEAL_REASON_PRESETS, revealErrorText, revealReasonProblem } from '../../lib/intel/reveal';
import { formatDateTime } from '../../lib/format';
import { useSession } from './session';
import './registry/registry.css';

export interface RevealDialogProps {
  /** The reveal route: `/households/{id}/reveal`, `/intel/records/{id}/reveal`. */
  path: string;
  /** The field sent to the API: `headPhone`, `idNumber`, `phone`, `contactPhone`. */
  field: string;
  /** 户主电话 / 身份证号码 / 联系电话 … */
  fieldLabel: string;
  /** Whose value it is (the head of household, the person, the organisation). */
  who: string;
  masked?: string;
  onClose(): void;
}

interface Revealed {
  value: string;
  reason: string;
  at: string;
}

/**
 * 查看 a masked ID number or phone (households and information records alike): the reason is
 * required; the API records who looked, when and why. The clear value is shown in the dialog
 * only, once: closing it forgets the value (another look is another recorded reveal).
 */
export default function RevealDialog({ path, field, fieldLabel, who, masked, onClose }: RevealDialogProps) {
  const { api } = useSession();
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const [reasonError, setReasonError] = useState<string>();
  const [revealed, setRevealed] = useState<Revealed>();

  const submit = async () => {
    const problem = revealReasonProblem(reason);
    setReasonError(problem);
    if (problem) return;
    setSaving(true);
    setError(undefined);
    try {
      const answer = await api.post<{ field: string; value: string }>(path, { field, reason: reason.trim() });
      setRevealed({ value: answer.value, reason: reason.trim(), at: new Date().toISOString() });
    } catch (err) {
      setError(revealErrorText(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`查看${who ? `${who}的` : ''}${fieldLabel}`}
      onCancel={onClose}
      mask={{ closable: !revealed && !saving }}
      destroyOnHidden
      footer={
        revealed ? (
          <Button autoInsertSpace={false} type="primary" onClick={onClose} data-testid="reveal-close">
            关闭
          </Button>
        ) : (
          <Space>
            <Button autoInsertSpace={false} onClick={onClose}>
              取消
            </Button>
            <Button autoInsertSpace={false} type="primary" loading={saving} onClick={() => void submit()} data-testid="reveal-submit">
              查看
            </Button>
          </Space>
        )
      }
    >
      <div data-testid="reveal-dialog" data-field={field}>
        {revealed ? (
          <div className="reveal-result">
            <div className="reveal-label">{fieldLabel}</div>
            <div className="reveal-value" data-testid="revealed-value">
              {revealed.value}
            </div>
            <p className="reveal-recorded" data-testid="reveal-recorded">
              已记录查看（{formatDateTime(revealed.at)}，原因：{revealed.reason}）。关闭后不再显示，再次查看将重新记录。
            </p>
          </div>
        ) : (
          <>
            <p className="muted">
              {fieldLabel}属个人信息{masked ? `（${masked}）` : ''}，查看将被记录（查看人、时间、原因）并纳入审计。
            </p>
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="reveal-error" />}
            <label className="reveal-reason-label" htmlFor="reveal-reason">
              <span className="reveal-required">*</span> 查看原因
            </label>
            <Input.TextArea
              id="reveal-reason"
              rows={3}
              maxLength={REVEAL_REASON_MAX}
              showCount
              value={reason}
              status={reasonError ? 'error' : undefined}
              onChange={(e) => {
                setReason(e.target.value);
                if (reasonError) setReasonError(undefined);
              }}
              placeholder="例如：回访核实"
              data-testid="reveal-reason"
            />
            {reasonError && (
              <div className="reveal-reason-error" role="alert">
                {reasonError}
              </div>
            )}
            <div className="reveal-presets">
              {REVEAL_REASON_PRESETS.map((preset) => (
                <Button key={preset} size="small" onClick={() => setReason(preset)}>
                  {preset}
                </Button>
              ))}
            </div>
          </>
        )}
      </div>
    </Modal>
  );
}
