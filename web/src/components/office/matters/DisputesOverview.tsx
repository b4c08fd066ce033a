'use client';

import { useEffect, useMemo, useState } from 'react';
import { Button, Input, Space } from 'antd';
import type { DisputeFigures } from '@beatlink/shared/matters/views';
import { describeError } from '../../../lib/api-error';
import { defaultPeriod, outcomeShares, riskShares, stageShares, typeShares, type FigureShare } from '../../../lib/matters/figures';
import { Notice } from '../Notice';
import { Panel } from '../Panel';
import { useSession } from '../session';
import { MattersTable } from './MattersTable';
import { useMatterSettings } from './settings';
import './matters.css';

function Bars({ shares, testId }: { shares: FigureShare[]; testId: string }) {
  return (
    <div className="figure-bars" data-testid={testId}>
      {shares.map((s) => (
        <div key={s.key} className="figure-bar" data-testid={`${testId}-${s.key}`}>
          <span>{s.label}</span>
          <span className="track">
            <span className="fill" style={{ width: `${s.percent}%`, display: 'block' }} />
          </span>
          <span className="value">
            {s.count} 件 · {s.percent}%
          </span>
        </div>
      ))}
    </div>
  );
}

/**
 * 矛盾纠纷: the dispute matters of a period and "矛盾不上交、不转化、不升级" in figures. Resolved at
 * village level, escalated and turned into a case are shown side by side, never added up.
 */
export function DisputesOverview() {
  const { api, can } = useSession();
  const settings = useMatterSettings();
  const initial = useMemo(() => defaultPeriod(new Date().toISOString(), settings.timeZone), [settings.timeZone]);
  const [period, setPeriod] = useState(initial);
  const [draft, setDraft] = useState(initial);
  const [figures, setFigures] = useState<DisputeFigures>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const mayReadFigures = can('matter.figures.read');
  const invalid = !draft.from || !draft.to || draft.from > draft.to;

  useEffect(() => {
    if (!mayReadFigures) return;
    let cancelled = false;
    setLoading(true);
    api
      .get<DisputeFigures>('/figures/disputes', period)
      .then((next) => {
        if (!cancelled) {
          setFigures(next);
          setError(undefined);
        }
      })
      .catch((err: unknown) => !cancelled && setError(describeError(err)))
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, [api, period, mayReadFigures]);

  const query = useMemo(() => ({ inbox: 'all' as const, kind: 'dispute' as const, from: period.from, to: period.to }), [period]);

  return (
    <div className="matter-stack">
      <Panel
        title="矛盾纠纷化解情况"
        testId="dispute-figures"
        extra={
          <Space wrap>
            <span className="muted">录入日期</span>
            <Input type="date" style={{ width: 150 }} value={draft.from} onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))} status={invalid ? 'error' : undefined} data-testid="disputes-from" />
            <span className="muted">至</span>
            <Input type="date" style={{ width: 150 }} value={draft.to} onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))} status={invalid ? 'error' : undefined} data-testid="disputes-to" />
            <Button type="primary" disabled={invalid} loading={loading} onClick={() => setPeriod(draft)} data-testid="disputes-apply">
              查询
            </Button>
          </Space>
        }
      >
        {!mayReadFigures && <p className="muted">您的角色不查看全县统计，仅列出可见的纠纷事项。</p>}
        {error && <Notice kind="error" title="无法加载统计">{error}</Notice>}
        {figures && (
          <>
            <div className="matters-counts">
              <div className="matters-count" data-testid="disputes-total">
                <div className="count-label">纠纷总数</div>
                <div className="count-value">{figures.total}</div>
              </div>
              {outcomeShares(figures).map((s) => (
                <div key={s.key} className="matters-count" data-testid={`disputes-${s.key}`}>
                  <div className="count-label">{s.label}</div>
                  <div className="count-value">{s.count}</div>
                  <div className="muted">占纠纷总数 {s.percent}%</div>
                </div>
              ))}
            </div>
            <p className="muted">村级化解、上交、转为案件分别统计，互不相加（一件纠纷可能不属于其中任何一项）。</p>
            <div className="figures-grid">
              <div>
                <h3>按发现阶段</h3>
                <Bars shares={stageShares(figures)} testId="disputes-by-stage" />
              </div>
              <div>
                <h3>按风险等级</h3>
                <Bars shares={riskShares(figures)} testId="disputes-by-risk" />
              </div>
              <div>
                <h3>按纠纷类型</h3>
                <Bars shares={typeShares(figures)} testId="disputes-by-type" />
              </div>
            </div>
          </>
        )}
      </Panel>
      <Panel title="纠纷事项" flush testId="disputes-list">
        <MattersTable query={query} testId="disputes-table" empty="该时段没有矛盾纠纷事项" />
      </Panel>
    </div>
  );
}
