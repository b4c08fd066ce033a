'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { Button, Tag } from 'antd';
import type { Report } from '@beatlink/shared/analysis/reports';
import { describeError } from '../../../lib/api-error';
import { changeTrend, periodLabel, reportTypeTitle, totalCards } from '../../../lib/analysis/reports';
import { formatDateTime } from '../../../lib/format';
import { fileNameOfDisposition } from '../../../lib/content-disposition';
import { saveFile } from '../../../lib/save-file';
import { Notice } from '../Notice';
import { useMessage } from '../feedback';
import { useSession } from '../session';
import { useMatterSettings } from '../matters/settings';
import { ReportActions } from './ReportActions';
import { ReportTables } from './ReportTables';
import '../matters/matters.css';
import './analysis.css';

// ECharts (echarts/core with the three charts used) is never in the first load.
const ReportCharts = dynamic(() => import('./ReportCharts'), { ssr: false, loading: () => <div className="report-charts-loading muted">正在加载图表…</div> });

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; report: Report };

/** 研判报告详情 (/reports/view?id=): header, figures, summary, charts, lists, action items; 打印, 导出 Excel. */
export function ReportView({ id }: { id: string }) {
  const { api } = useSession();
  const message = useMessage();
  const { timeZone } = useMatterSettings();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [exporting, setExporting] = useState(false);

  const load = useCallback(async () => {
    try {
      setState({ kind: 'ready', report: await api.get<Report>(`/analysis/reports/${encodeURIComponent(id)}`) });
    } catch (error) {
      setState({ kind: 'failed', message: describeError(error) });
    }
  }, [api, id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.kind === 'loading') return <p className="muted">正在加载报告…</p>;
  if (state.kind === 'failed') {
    return (
      <Notice kind="error" title="无法加载报告" action={<Button onClick={() => void load()}>重试</Button>}>
        {state.message}
      </Notice>
    );
  }
  const report = state.report;

  const exportExcel = async () => {
    setExporting(true);
    try {
      const file = await api.download(`/analysis/reports/${encodeURIComponent(report.id)}/export`);
      saveFile(file.blob, fileNameOfDisposition(file.disposition) ?? `${report.id}.xlsx`);
    } catch (error) {
      message.error(describeError(error));
    } finally {
      setExporting(false);
    }
  };

  return (
    <article className="report" data-testid="report-view" data-report-id={report.id}>
      <p className="no-print" style={{ margin: '0 0 12px' }}>
        <Link href="/reports">← 返回研判报告</Link>
      </p>
      <header className="report-head">
        <div>
          <h1 data-testid="report-title">
            {report.scope.name}
            {reportTypeTitle(report.type)}
          </h1>
          <div className="report-meta">
            <Tag color={report.type === 'weekly' ? 'blue' : 'orange'}>{reportTypeTitle(report.type)}</Tag>
            <span data-testid="report-period">{periodLabel(report)}</span>
            <span>范围：{report.scope.name}</span>
            {report.sensitivePeriod && <span data-testid="report-sensitive">敏感时期：{report.sensitivePeriod.name}</span>}
            <span className="muted">生成于 {formatDateTime(report.generatedAt, timeZone)}</span>
          </div>
        </div>
        <div className="report-buttons no-print">
          <Button onClick={() => window.print()} data-testid="report-print">
            打印
          </Button>
          <Button type="primary" onClick={() => void exportExcel()} loading={exporting} data-testid="report-export">
            导出 Excel
          </Button>
        </div>
      </header>

      <div className="report-cards" data-testid="report-totals">
        {totalCards(report).map((card) => (
          <div key={card.key} className={`report-card${card.key === 'change' ? ` report-change-${changeTrend(report.totals)}` : ''}`} data-testid={`report-total-${card.key}`}>
            <div className="report-card-label">{card.label}</div>
            <div className="report-card-value">{card.value}</div>
          </div>
        ))}
      </div>

      <section className="report-section" data-testid="report-summary">
        <h3>研判综述</h3>
        {report.summary.length ? report.summary.map((paragraph, i) => <p key={i}>{paragraph}</p>) : <p className="muted">本期无综述。</p>}
      </section>

      <ReportCharts report={report} />
      <ReportTables report={report} timeZone={timeZone} />
      <ReportActions report={report} timeZone={timeZone} onChanged={(next) => setState({ kind: 'ready', report: next })} onConflict={() => void load()} />
    </article>
  );
}
