'use client';

import dynamic from 'next/dynamic';
import { useEffect, useMemo, useState } from 'react';
import { Button, Select } from 'antd';
import type { ProvinceRollup, RollupTrend } from '@beatlink/shared/rollup/figures';
import { ApiError, describeError } from '../../../lib/api-error';
import { fileNameOfDisposition } from '../../../lib/content-disposition';
import { formatDateTime } from '../../../lib/format';
import { PERIOD_TYPE_LABELS, countyRows, exportFileName, kpiCards, periodChoices, rollupPeriodLabel, type CountyRow, type RollupPeriodType } from '../../../lib/province/rollup';
import { saveFile } from '../../../lib/save-file';
import { LightTable, type LightColumn } from '../matters/LightTable';
import { Notice } from '../Notice';
import { Panel } from '../Panel';
import { useMessage } from '../feedback';
import { useSession } from '../session';
import '../matters/matters.css';
import './province.css';

// ECharts (echarts/core with bar and line) is never in the first load.
const ProvinceCharts = dynamic(() => import('./ProvinceCharts'), { ssr: false, loading: () => <div className="province-charts-loading muted">正在加载图表…</div> });

const PERIOD_TYPES: readonly RollupPeriodType[] = ['week', 'month'];

type RollupState = { kind: 'loading' } | { kind: 'none' } | { kind: 'failed'; message: string } | { kind: 'ready'; rollup: ProvinceRollup };

const COLUMNS: ReadonlyArray<LightColumn<CountyRow>> = [
  { key: 'county', title: '县局', render: (r) => r.countyName },
  { key: 'coverage', title: '行政村覆盖率', width: 120, render: (r) => r.coverage },
  { key: 'duty', title: '履职达标率', width: 110, render: (r) => r.dutyRate },
  { key: 'matters', title: '受理事项', width: 100, render: (r) => r.matters },
  { key: 'onTime', title: '按期办结率', width: 110, render: (r) => r.onTimeRate },
  { key: 'disputes', title: '纠纷总数 / 就地化解', width: 150, render: (r) => r.disputes },
  { key: 'index', title: '综合指数', width: 100, render: (r) => r.index },
  { key: 'rank', title: '排名', width: 70, render: (r) => <strong>{r.rank}</strong> },
];

/**
 * 全省汇总 (/province): the provincial bureau's view of its counties for a week or a month —
 * headline figures, the county comparison and ranking, charts and the trend; 导出 Excel.
 * Aggregates only (the API never answers a person).
 */
export function ProvinceDashboard() {
  const { api, can } = useSession();
  const message = useMessage();
  const [periodType, setPeriodType] = useState<RollupPeriodType>('week');
  const [period, setPeriod] = useState<string>();
  const [state, setState] = useState<RollupState>({ kind: 'loading' });
  const [trend, setTrend] = useState<{ type: RollupPeriodType; trend?: RollupTrend; error?: string }>();
  const [attempt, setAttempt] = useState(0);
  const [exporting, setExporting] = useState(false);
  const mayRead = can('province.rollup.read');

  useEffect(() => {
    if (!mayRead) return;
    let cancelled = false;
    setState({ kind: 'loading' });
    api
      .get<ProvinceRollup>('/province/rollups', { periodType, period })
      .then((rollup) => !cancelled && setState({ kind: 'ready', rollup }))
      .catch((error: unknown) => {
        if (cancelled) return;
        // 404: no rollup of that kind yet (the job writes them at 05:00).
        setState(error instanceof ApiError && error.status === 404 ? { kind: 'none' } : { kind: 'failed', message: describeError(error) });
      });
    return () => {
      cancelled = true;
    };
  }, [api, mayRead, periodType, period, attempt]);

  useEffect(() => {
    if (!mayRead) return;
    let cancelled = false;
    api
      .get<RollupTrend>('/province/rollups/trend', { periodType, count: 8 })
      .then((next) => !cancelled && setTrend({ type: periodType, trend: next }))
      .catch((error: unknown) => !cancelled && setTrend({ type: periodType, error: describeError(error) }));
    return () => {
      cancelled = true;
    };
  }, [api, mayRead, periodType, attempt]);

  const rollup = state.kind === 'ready' ? state.rollup : undefined;
  const currentTrend = trend?.type === periodType ? trend : undefined;
  const choices = useMemo(() => periodChoices(currentTrend?.trend, rollup?.period ?? period), [currentTrend, rollup, period]);
  const rows = useMemo(() => (rollup ? countyRows(rollup.counties) : []), [rollup]);

  if (!mayRead) {
    return (
      <Notice kind="warning" title="没有权限">
        全省汇总仅供省厅查看。
      </Notice>
    );
  }

  const exportExcel = async () => {
    if (!rollup) return;
    setExporting(true);
    try {
      const file = await api.download('/province/rollups/export', { periodType: rollup.periodType, period: rollup.period });
      saveFile(file.blob, fileNameOfDisposition(file.disposition) ?? exportFileName(rollup));
    } catch (error) {
      message.error(describeError(error));
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="province" data-testid="province-dashboard" data-period={rollup?.period}>
      <Panel
        title="全省汇总"
        testId="province-head"
        extra={
          <div className="province-controls">
            <span className="province-switch" role="tablist" aria-label="汇总周期">
              {PERIOD_TYPES.map((type) => (
                <button
                  key={type}
                  type="button"
                  role="tab"
                  aria-selected={type === periodType}
                  className={type === periodType ? 'on' : undefined}
                  onClick={() => {
                    setPeriodType(type);
                    setPeriod(undefined);
                  }}
                  data-testid={`province-type-${type}`}
                >
                  {PERIOD_TYPE_LABELS[type]}
                </button>
              ))}
            </span>
            <Select
              style={{ width: 240 }}
              value={rollup?.period ?? period}
              placeholder="最近一期"
              aria-label="汇总期"
              options={choices}
              onChange={(value: string) => setPeriod(value)}
              disabled={choices.length === 0}
              data-testid="province-period"
            />
            <Button type="primary" onClick={() => void exportExcel()} loading={exporting} disabled={!rollup} data-testid="province-export">
              导出 Excel
            </Button>
          </div>
        }
      >
        {state.kind === 'loading' && <p className="muted">正在加载汇总…</p>}
        {state.kind === 'none' && (
          <div className="province-empty" data-testid="province-empty">
            <strong>暂无汇总数据（每日 05:00 生成上周及上月汇总）</strong>
            {period && <div className="muted">所选{PERIOD_TYPE_LABELS[periodType]}（{rollupPeriodLabel(period)}）没有汇总。</div>}
          </div>
        )}
        {state.kind === 'failed' && (
          <Notice kind="error" title="无法加载汇总" action={<Button onClick={() => setAttempt((n) => n + 1)}>重试</Button>}>
            {state.message}
          </Notice>
        )}
        {rollup && (
          <>
            <div className="province-meta muted">
              <span data-testid="province-period-label">{rollupPeriodLabel(rollup.period)}</span>
              <span>{rollup.counties.length} 个县局</span>
              <span>生成于 {formatDateTime(rollup.generatedAt)}</span>
            </div>
            <div className="province-cards" data-testid="province-kpis">
              {kpiCards(rollup.total).map((card) => (
                <div key={card.key} className="province-card" data-testid={`province-kpi-${card.key}`}>
                  <div className="province-card-label">{card.label}</div>
                  <div className="province-card-value">{card.value}</div>
                  <div className="province-card-detail muted">{card.detail}</div>
                </div>
              ))}
            </div>
          </>
        )}
      </Panel>
      {rollup && (
        <>
          <Panel title="县局对比" flush testId="province-counties">
            <LightTable
              columns={COLUMNS}
              rows={rows}
              rowKey={(r) => r.countyId}
              rowProps={(r) => ({ 'data-testid': 'province-county', 'data-county-id': r.countyId })}
              minWidth={900}
              empty="本期没有县局汇总"
              testId="province-county-table"
            />
            <p className="muted province-note">综合指数 = 行政村覆盖率 × 40 + 履职达标率 × 30 + 按期办结率 × 30（缺项按 0 计）；指数相同名次并列。</p>
          </Panel>
          <Panel title="图表分析" testId="province-chart-panel">
            <ProvinceCharts counties={rollup.counties} trend={currentTrend?.trend} trendError={currentTrend?.error} />
          </Panel>
        </>
      )}
    </div>
  );
}
