'use client';

import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Space } from 'antd';
import type { RevealedPhone } from '@beatlink/shared/matters/views';
import { describeError } from '../../../lib/api-error';
import { useSession } from '../session';

export interface RevealDialogProps {
  matterId: string;
  /** `reporter` or `party.<i>`. */
  field: string;
  who: string;
  onClose(): void;
  onRevealed(phone: RevealedPhone): void;
}

/** 查看号码: the reason is required and every reveal is recorded by the API. */
export default function RevealDialog({ matterId, field, who, onClose, onRevealed }: RevealDialogProps) {
  const { api } = useSession();
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async () => {
    if (!reason.trim()) {
      setError('请填写查看原因');
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      onRevealed(await api.post<RevealedPhone>(`/matters/${encodeURIComponent(matterId)}/reveal`, { field, reason: reason.trim() }));
    } catch (err) {
      setError(describeError(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`查看${who}的号码`}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => void submit()} data-testid="reveal-submit">
            查看
          </Button>
        </Space>
      }
    >
      <div data-testid="reveal-dialog">
        <p className="muted">号码属个人信息，查看将被记录（查看人、时间、原因）。</p>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form layout="vertical" onFinish={() => void submit()}>
          <Form.Item label="查看原因" required>
            <Input.TextArea rows={3} maxLength={200} showCount value={reason} onChange={(e) => setReason(e.target.value)} data-testid="reveal-reason" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
