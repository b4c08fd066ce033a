'use client';

import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Drawer, Input, InputNumber, Radio, Space, Tag } from 'antd';
import { assessmentPeriodLabel } from '@beatlink/shared/assessment/periods';
import type { Appeal } from '@beatlink/shared/assessment/views';
import { ApiError, describeError, isVersionConflict } from '../../../lib/api-error';
import { decisionBody, decisionFieldOfPath, outcomeText, validateDecision, type DecisionDraft, type DecisionErrors } from '../../../lib/assessment/appeals';
import { indicatorBasis, indicatorName, pointsText, signedText } from '../../../lib/assessment/format';
import { scoresHref } from '../../../lib/assessment/runs';
import { formatDateTime } from '../../../lib/format';
import { Notice } from '../Notice';
import { useMessage } from '../feedback';
import { useSession } from '../session';
import { splitDetails } from '../../../lib/form-errors';

const STATUS_COLORS = { open: 'orange', accepted: 'green', rejected: 'default' } as const;

/** 采纳 (points, may be negative) or 驳回, with the reason; sends the version read. */
function DecideForm({ appeal, onDecided, onConflict }: { appeal: Appeal; onDecided(appeal: Appeal): void; onConflict(): void }) {
  const { api } = useSession();
  const message = useMessage();
  const [draft, setDraft] = useState<DecisionDraft>({ decision: 'accept', points: null, reason: '' });
  const [errors, setErrors] = useState<DecisionErrors>({});
  const [general, setGeneral] = useState<string>();
  const [sending, setSending] = useState(false);

  const submit = async () => {
    const found = validateDecision(draft);
    setErrors(found);
    setGeneral(undefined);
    if (Object.keys(found).length) return;
    setSending(true);
    try {
      const decided = await api.post<Appeal>(`/assessment/appeals/${encodeURIComponent(appeal.id)}/decide`, decisionBody(draft, appeal.version));
      message.success(draft.decision === 'accept' ? '已采纳，得分与排名已更新' : '已驳回');
      onDecided(decided);
    } catch (error) {
      if (isVersionConflict(error) || (error instanceof ApiError && error.status === 409)) {
        message.error('该申诉已被他人处理或修改，已重新加载');
        onConflict();
        return;
      }
      if (error instanceof ApiError && error.status === 400 && error.details.length) {
        const { fields, rest } = splitDetails(error.details, decisionFieldOfPath);
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
    <section className="assess-section" data-testid="appeal-decide">
      <h4>处理申诉</h4>
      {general && <Alert type="error" showIcon title={general} style={{ marginBottom: 16 }} />}
      <div className="assess-field">
        <Radio.Group value={draft.decision} onChange={(e) => setDraft((d) => ({ ...d, decision: e.target.value as DecisionDraft['decision'], points: e.target.value === 'accept' ? d.points : null }))} aria-label="处理结果" data-testid="appeal-decision">
          <Radio value="accept">采纳</Radio>
          <Radio value="reject">驳回</Radio>
        </Radio.Group>
      </div>
      {draft.decision === 'accept' && (
        <label className="assess-field">
          <span className="assess-label">调整分值（可为负数，如核减）</span>
          <InputNumber value={draft.points} min={-100} max={100} step={0.5} style={{ width: 160 }} onChange={(points) => setDraft((d) => ({ ...d, points }))} status={errors.points ? 'error' : undefined} data-testid="appeal-points" />
          {errors.points && (
            <span className="assess-error" role="alert">
              {errors.points}
            </span>
          )}
        </label>
      )}
      <label className="assess-field">
        <span className="assess-label">{draft.decision === 'accept' ? '采纳理由' : '驳回理由'}</span>
        <Input.TextArea rows={3} value={draft.reason} maxLength={1000} showCount onChange={(e) => setDraft((d) => ({ ...d, reason: e.target.value }))} status={errors.reason ? 'error' : undefined} data-testid="appeal-reason" />
        {errors.reason && (
          <span className="assess-error" role="alert">
            {errors.reason}
          </span>
        )}
      </label>
      <Space>
        <Button type="primary" danger={draft.decision === 'reject'} loading={sending} onClick={() => void submit()} data-testid="appeal-submit">
          {draft.decision === 'accept' ? '采纳' : '驳回'}
        </Button>
      </Space>
    </section>
  );
}

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; appeal: Appeal };

/** An appeal (GET /assessment/appeals/{id}) with its decision, or the form to decide it. */
export default function AppealDrawer({ id, mayDecide, onClose, onDecided }: { id: string; mayDecide: boolean; onClose(): void; onDecided(): void }) {
  const { api } = useSession();
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = useCallback(async () => {
    try {
      setState({ kind: 'ready', appeal: await api.get<Appeal>(`/assessment/appeals/${encodeURIComponent(id)}`) });
    } catch (error) {
      setState({ kind: 'failed', message: describeError(error) });
    }
  }, [api, id]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Drawer open size="min(720px, 92vw)" title="申诉详情" onClose={onClose} destroyOnHidden data-testid="appeal-drawer">
      {state.kind === 'loading' && <p className="muted">正在加载申诉…</p>}
      {state.kind === 'failed' && (
        <Notice kind="error" title="无法加载申诉" action={<Button onClick={() => void load()}>重试</Button>}>
          {state.message}
        </Notice>
      )}
      {state.kind === 'ready' && (
        <div data-testid="appeal-detail" data-appeal-id={state.appeal.id} data-status={state.appeal.status}>
          <dl className="assess-summary">
            <div>
              <dt>民警</dt>
              <dd>{state.appeal.officerName}</dd>
            </div>
            <div>
              <dt>考核期</dt>
              <dd>{assessmentPeriodLabel(state.appeal.period)}</dd>
            </div>
            <div>
              <dt>申诉指标</dt>
              <dd title={indicatorBasis(state.appeal.indicator)}>{indicatorName(state.appeal.indicator)}</dd>
            </div>
            <div>
              <dt>申诉时该项得分</dt>
              <dd>{pointsText(state.appeal.itemPoints)}</dd>
            </div>
            <div>
              <dt>状态</dt>
              <dd>
                <Tag color={STATUS_COLORS[state.appeal.status]}>{outcomeText(state.appeal)}</Tag>
              </dd>
            </div>
          </dl>
          <section className="assess-section">
            <h4>申诉理由</h4>
            <p style={{ whiteSpace: 'pre-wrap' }}>{state.appeal.reason}</p>
            <p className="muted">
              提交于 {formatDateTime(state.appeal.createdAt)} · 对应第 {state.appeal.runVersion} 次计算 · <Link href={scoresHref(state.appeal.period)}>查看该期排名</Link>
            </p>
          </section>
          {state.appeal.decision && (
            <section className="assess-section" data-testid="appeal-decision-record">
              <h4>处理结果</h4>
              <p>
                {state.appeal.status === 'accepted' ? '采纳' : '驳回'}
                {state.appeal.decision.points !== undefined && `，调整 ${signedText(state.appeal.decision.points)} 分`}
              </p>
              <p style={{ whiteSpace: 'pre-wrap' }}>{state.appeal.decision.reason}</p>
              <p className="muted">
                {state.appeal.decision.byName} 于 {formatDateTime(state.appeal.decision.at)}
              </p>
            </section>
          )}
          {mayDecide && state.appeal.status === 'open' && (
            <DecideForm
              key={state.appeal.version}
              appeal={state.appeal}
              onDecided={(appeal) => {
                setState({ kind: 'ready', appeal });
                onDecided();
              }}
              onConflict={() => {
                void load();
                onDecided();
              }}
            />
          )}
        </div>
      )}
    </Drawer>
  );
}
