'use client';

import { useState } from 'react';
import { Button, Input, Modal, Space } from 'antd';
import type { SensitivePeriod } from '@beatlink/shared/analysis/sensitive-periods';
import { ApiError, describeError, isVersionConflict } from '../../../lib/api-error';
import { NOTE_MAX, cancelBody, periodRangeText } from '../../../lib/analysis/sensitive-periods';
import { useMessage } from '../feedback';
import { useSession } from '../session';

/** 取消敏感时期, with a reason; its dispatches stay. */
export default function CancelPeriodDialog({ period, onClose, onDone, onConflict }: { period: SensitivePeriod; onClose(): void; onDone(period: SensitivePeriod): void; onConflict(): void }) {
  const { api } = useSession();
  const message = useMessage();
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);

  const cancel = async () => {
    setSaving(true);
    try {
      const done = await api.post<SensitivePeriod>(`/analysis/sensitive-periods/${encodeURIComponent(period.id)}/cancel`, cancelBody(period.version, reason));
      message.success('敏感时期已取消');
      onDone(done);
    } catch (error) {
      if (isVersionConflict(error) || (error instanceof ApiError && error.status === 409)) {
        message.error('该敏感时期已被他人修改，已重新加载');
        onConflict();
        return;
      }
      message.error(describeError(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`取消敏感时期：${period.name}`}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Space>
          <Button onClick={onClose}>返回</Button>
          <Button danger type="primary" loading={saving} onClick={() => void cancel()} data-testid="period-cancel-confirm">
            确定取消
          </Button>
        </Space>
      }
    >
      <p>
        {periodRangeText(period)}。取消后不再生成日调度，已生成的日调度保留。
      </p>
      <Input.TextArea rows={3} placeholder="取消原因（可选）" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={NOTE_MAX} showCount data-testid="period-cancel-reason" />
    </Modal>
  );
}
