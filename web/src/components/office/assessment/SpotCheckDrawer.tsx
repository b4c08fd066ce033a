'use client';

import { useCallback, useEffect, useState } from 'react';
import { Button, Drawer, Input, Tag } from 'antd';
import { SPOT_CHECK_RESULT_LABELS, SPOT_CHECK_RESULTS, type SpotCheck, type SpotCheckItem, type SpotCheckResult } from '@beatlink/shared/assessment/spot-check';
import { ApiError, describeError, isVersionConflict } from '../../../lib/api-error';
import { SPOT_CHECK_KIND_LABELS, passRateText, progressText, resultBody } from '../../../lib/assessment/spot-checks';
import { formatDateTime } from '../../../lib/format';
import { Notice } from '../Notice';
import { useMessage } from '../feedback';
import { LightTable } from '../matters/LightTable';
import { useSession } from '../session';

const RESULT_COLORS: Record<SpotCheckResult, string> = { pass: 'green', fail: 'red', unreachable: 'default' };

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; check: SpotCheck };

/** One officer's sample (GET /assessment/spot-checks/{id}): the seed to redraw it, and each item's call-back result. */
export default function SpotCheckDrawer({ id, onClose, onChanged }: { id: string; onClose(): void; onChanged(check: SpotCheck): void }) {
  const { api } = useSession();
  const message = useMessage();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState<string>();

  const load = useCallback(async () => {
    try {
      setState({ kind: 'ready', check: await api.get<SpotCheck>(`/assessment/spot-checks/${encodeURIComponent(id)}`) });
    } catch (error) {
      setState({ kind: 'failed', message: describeError(error) });
    }
  }, [api, id]);

  useEffect(() => {
    void load();
  }, [load]);

  const record = async (check: SpotCheck, item: SpotCheckItem, result: SpotCheckResult) => {
    setSaving(`${item.itemId}:${result}`);
    try {
      const next = await api.post<SpotCheck>(`/assessment/spot-checks/${encodeURIComponent(check.id)}/results`, resultBody(check.version, item, result, notes[item.itemId] ?? ''));
      setState({ kind: 'ready', check: next });
      setNotes((n) => ({ ...n, [item.itemId]: '' }));
      onChanged(next);
      message.success(`已记录：${SPOT_CHECK_RESULT_LABELS[result]}`);
    } catch (error) {
      if (isVersionConflict(error) || (error instanceof ApiError && error.status === 409)) {
        message.error('该抽查已被他人更新，已重新加载，请核对后再记录');
        void load();
        return;
      }
      message.error(describeError(error));
    } finally {
      setSaving(undefined);
    }
  };

  return (
    <Drawer open size="min(1100px, 94vw)" title="抽查回访" onClose={onClose} destroyOnHidden data-testid="spot-check-drawer">
      {state.kind === 'loading' && <p className="muted">正在加载抽查…</p>}
      {state.kind === 'failed' && (
        <Notice kind="error" title="无法加载抽查" action={<Button onClick={() => void load()}>重试</Button>}>
          {state.message}
        </Notice>
      )}
      {state.kind === 'ready' && (
        <div data-testid="spot-check-detail" data-spot-check-id={state.check.id} data-status={state.check.status}>
          <dl className="assess-summary">
            <div>
              <dt>包村民警</dt>
              <dd>{state.check.officerName}</dd>
            </div>
            <div>
              <dt>抽查月份</dt>
              <dd>{state.check.month}</dd>
            </div>
            <div>
              <dt>回访进度</dt>
              <dd>{progressText(state.check)}</dd>
            </div>
            <div>
              <dt>属实 / 不属实 / 无法联系</dt>
              <dd data-testid="spot-check-counts">
                {state.check.passed} / {state.check.failed} / {state.check.unreachable}
              </dd>
            </div>
            <div>
              <dt>通过率</dt>
              <dd>{passRateText(state.check)}</dd>
            </div>
            <div>
              <dt>状态</dt>
              <dd>{state.check.status === 'done' ? <Tag color="green">已完成</Tag> : <Tag color="orange">回访中</Tag>}</dd>
            </div>
          </dl>
          <p className="muted" data-testid="spot-check-seed">
            随机种子（可复核）：<span className="assess-seed">{state.check.seed}</span>
            <br />
            从 {state.check.candidates.visits} 条走访、{state.check.candidates.households} 户入户记录中按编号排序后以该种子抽取；同一种子与候选记录必得同一样本。抽取于 {formatDateTime(state.check.drawnAt)}。
          </p>
          <LightTable<SpotCheckItem>
            rows={state.check.items}
            rowKey={(item) => item.itemId}
            minWidth={960}
            testId="spot-check-items"
            empty="该月没有可抽取的记录"
            rowProps={(item) => ({ 'data-testid': 'spot-check-item', 'data-item-id': item.itemId, 'data-result': item.result ?? '' })}
            columns={[
              { key: 'kind', title: '类型', width: 70, render: (item) => SPOT_CHECK_KIND_LABELS[item.kind] },
              { key: 'village', title: '村', width: 120, render: (item) => item.villageName },
              { key: 'label', title: '内容', render: (item) => item.label },
              {
                key: 'result',
                title: '结果',
                width: 160,
                render: (item) =>
                  item.result ? (
                    <span>
                      <Tag color={RESULT_COLORS[item.result]}>{SPOT_CHECK_RESULT_LABELS[item.result]}</Tag>
                      {item.note && <div className="muted">{item.note}</div>}
                      {item.recordedByName && (
                        <div className="muted">
                          {item.recordedByName} {formatDateTime(item.recordedAt)}
                        </div>
                      )}
                    </span>
                  ) : (
                    <span className="muted">未回访</span>
                  ),
              },
              {
                key: 'record',
                title: '记录回访',
                width: 330,
                render: (item) => (
                  <div className="assess-result-buttons">
                    <Input
                      size="small"
                      style={{ width: 130 }}
                      placeholder="备注（选填）"
                      aria-label={`${item.itemId} 备注`}
                      maxLength={500}
                      value={notes[item.itemId] ?? ''}
                      onChange={(e) => setNotes((n) => ({ ...n, [item.itemId]: e.target.value }))}
                      data-testid="spot-check-note"
                    />
                    {SPOT_CHECK_RESULTS.map((result) => (
                      <Button
                        key={result}
                        size="small"
                        type={item.result === result ? 'primary' : 'default'}
                        danger={result === 'fail'}
                        loading={saving === `${item.itemId}:${result}`}
                        disabled={!!saving}
                        onClick={() => void record(state.check, item, result)}
                        data-testid={`spot-check-${result}`}
                      >
                        {SPOT_CHECK_RESULT_LABELS[result]}
                      </Button>
                    ))}
                  </div>
                ),
              },
            ]}
          />
        </div>
      )}
    </Drawer>
  );
}
