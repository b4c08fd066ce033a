import { Tag } from 'antd';
import type { SupervisionState } from '@beatlink/shared/matters/deadlines';
import { SUPERVISION_STATE_LABELS } from '@beatlink/shared/matters/deadlines';
import type { MatterStatus } from '@beatlink/shared/matters/kinds';
import { STATUS_COLORS, SUPERVISION_COLORS, statusLabel } from '../../../lib/matters/labels';

export function StatusTag({ status, testId }: { status: MatterStatus; testId?: string }) {
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={testId} data-status={status}>
      {statusLabel(status)}
    </Tag>
  );
}

export function SupervisionTag({ state }: { state: SupervisionState }) {
  return <Tag color={SUPERVISION_COLORS[state]}>{SUPERVISION_STATE_LABELS[state].zh}</Tag>;
}
