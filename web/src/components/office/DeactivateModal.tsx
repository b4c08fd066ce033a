'use client';

import { useState } from 'react';
import { Input, Modal, Typography, type ButtonProps } from 'antd';
import type { RecordMeta } from '@beatlink/shared';
import { ApiError, describeError, isVersionConflict, VERSION_CONFLICT_MESSAGE } from '../../lib/api-error';
import type { ResourceDef } from '../../resources/model';
import { useMessage } from './feedback';
import { useSession } from './session';

/** Confirms deactivating a record (停用), with an optional reason; sends the version it was read at. */
export function DeactivateModal({
  def,
  record,
  onClose,
  onDone,
}: {
  def: ResourceDef<RecordMeta>;
  record: RecordMeta & { name?: string };
  onClose(): void;
  onDone(): void;
}) {
  const { api } = useSession();
  const message = useMessage();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    try {
      await api.post(`${def.itemPath(record.id)}/deactivate`, { version: record.version, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      message.success(`已停用${def.label}`);
      onDone();
    } catch (error) {
      if (isVersionConflict(error)) {
        message.error(VERSION_CONFLICT_MESSAGE);
        onDone();
        return;
      }
      const details = error instanceof ApiError ? error.details.map((d) => d.message).join('；') : '';
      message.error(details ? `${describeError(error)}：${details}` : describeError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`停用${def.label}`}
      okText="停用"
      okButtonProps={{ danger: true, loading: busy, 'data-testid': 'deactivate-confirm' } as ButtonProps}
      cancelText="取消"
      onOk={() => void confirm()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        确定停用「{record.name ?? record.id}」吗？停用后不再出现在选择列表中，历史记录保留。
      </Typography.Paragraph>
      <Input.TextArea rows={3} maxLength={200} showCount placeholder="停用原因（选填）" value={reason} onChange={(e) => setReason(e.target.value)} />
    </Modal>
  );
}
