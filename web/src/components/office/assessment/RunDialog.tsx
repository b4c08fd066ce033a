'use client';

import { useState } from 'react';
import { Alert, Button, Input, Modal, Space } from 'antd';
import type { ScoreRun } from '@beatlink/shared/assessment/views';
import { ApiError, describeError } from '../../../lib/api-error';
import { runBody, runProblems, type PeriodRuns } from '../../../lib/assessment/runs';
import { useMessage } from '../feedback';
import { useSession } from '../session';
import { splitDetails } from '../../../lib/form-errors';

/** 计算 / 重新计算 (assessment.manage): a finished period now; a period already computed needs the reason of the new version. */
export default function RunDialog({ initialPeriod, periods, onClose, onDone }: { initialPeriod: string; periods: readonly PeriodRuns[]; onClose(): void; onDone(run: ScoreRun): void }) {
  const { api } = useSession();
  const message = useMessage();
  const [period, setPeriod] = useState(initialPeriod);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ period?: string; reason?: string }>({});
  const [general, setGeneral] = useState<string>();
  const [sending, setSending] = useState(false);
  const recompute = periods.some((p) => p.period === period.trim());

  const submit = async () => {
    const found = runProblems(period, reason, periods);
    setErrors(found);
    setGeneral(undefined);
    if (Object.keys(found).length) return;
    setSending(true);
    try {
      const run = await api.post<ScoreRun>('/assessment/runs', runBody(period, reason));
      message.success(recompute ? '已重新计算，新版本已发布' : '考核结果已计算并发布');
      onDone(run);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.details.length) {
        const { fields, rest } = splitDetails(error.details, (path) => (path === 'period' || path === 'reason' ? path : undefined));
        setErrors(fields);
        if (rest.length) setGeneral(rest.join('；'));
        return;
      }
      setGeneral(describeError(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal
      open
      title={recompute ? '重新计算考核结果' : '计算考核结果'}
      width={520}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={sending} onClick={() => void submit()} data-testid="run-submit">
            {recompute ? '重新计算' : '计算'}
          </Button>
        </Space>
      }
    >
      <div data-testid="run-dialog">
        {general && <Alert type="error" showIcon title={general} style={{ marginBottom: 16 }} />}
        <label className="assess-field">
          <span className="assess-label">考核期（月份如 2026-10，季度如 2026-Q4）</span>
          <Input value={period} onChange={(e) => setPeriod(e.target.value)} maxLength={7} status={errors.period ? 'error' : undefined} data-testid="run-period" />
          {errors.period && (
            <span className="assess-error" role="alert">
              {errors.period}
            </span>
          )}
        </label>
        <label className="assess-field">
          <span className="assess-label">{recompute ? '重新计算原因（必填）' : '原因（选填）'}</span>
          <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} showCount status={errors.reason ? 'error' : undefined} data-testid="run-reason" />
          {errors.reason && (
            <span className="assess-error" role="alert">
              {errors.reason}
            </span>
          )}
        </label>
        <p className="muted">{recompute ? '重新计算生成该期的新版本，原版本保留在计算记录中。' : '只能计算已结束的月份或季度；每月初系统自动计算上月结果。'}</p>
      </div>
    </Modal>
  );
}
