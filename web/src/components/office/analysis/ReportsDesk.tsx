'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Select, Tag } from 'antd';
import type { ReportSummary, ReportType } from '@beatlink/shared/analysis/reports';
import type { Station } from '@beatlink/shared/directory/units';
import type { Page } from '@beatlink/shared/fields';
import { describeError } from '../../../lib/api-error';
import { REPORT_TYPE_OPTIONS, changeText, changeTrend, periodLabel, pickReportType, reportHref, reportListQuery, reportTypeLabel, type ReportListFilters } from '../../../lib/analysis/reports';
import { formatDateTime } from '../../../lib/format';
import { listAll } from '../../../lib/list-all';
import { Notice } from '../Notice';
import { Panel } from '../Panel';
import { LightTable } from '../matters/LightTable';
import { useSession } from '../session';
import { GenerateReport } from './GenerateReport';
import '../matters/matters.css';
import './analysis.css';

/** 研判报告 (/reports?type=&scope=): the weekly analyses and daily dispatches, newest first; 生成报告 for those who manage. */
export function ReportsDesk() {
  const { api, me, can } = useSession();
  const router = useRouter();
  const params = useSearchParams();
  const countyWide = me.permissions['analysis.read'] === 'tenant';
  const filters: ReportListFilters = useMemo(
    () => ({ type: pickReportType(params.get('type')), scope: countyWide ? (params.get('scope') ?? undefined) : undefined }),
    [params, countyWide],
  );
  const [rows, setRows] = useState<ReportSummary[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [stations, setStations] = useState<Station[]>([]);

  const go = (next: ReportListFilters) => {
    const merged = { ...filters, ...next };
    const search = new URLSearchParams(Object.entries(merged).filter((e): e is [string, string] => !!e[1]));
    router.replace(`/reports${search.size ? `?${search.toString()}` : ''}`);
  };

  useEffect(() => {
    if (!countyWide || !can('directory.read')) return;
    let cancelled = false;
    listAll<Station>((c) => api.get('/directory/stations', { limit: 200, cursor: c }))
      .then((list) => !cancelled && setStations(list))
      .catch(() => !cancelled && setStations([]));
    return () => {
      cancelled = true;
    };
  }, [api, can, countyWide]);

  const load = useCallback(
    async (after?: string) => {
      setLoading(true);
      try {
        const page = await api.get<Page<ReportSummary>>('/analysis/reports', reportListQuery(filters, after));
        setRows((list) => (after ? [...list, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setError(undefined);
      } catch (err) {
        setError(describeError(err));
      } finally {
        setLoading(false);
      }
    },
    [api, filters],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const scopeOptions = useMemo(() => [{ value: 'county', label: '全县' }, ...stations.filter((s) => s.status === 'active').map((s) => ({ value: s.id, label: s.name }))], [stations]);

  return (
    <Panel title="研判报告" flush testId="reports-desk" extra={can('analysis.manage') ? <GenerateReport /> : undefined}>
      <div className="report-toolbar">
        <Select<ReportType>
          allowClear
          style={{ width: 140 }}
          placeholder="全部类型"
          aria-label="报告类型"
          options={REPORT_TYPE_OPTIONS}
          value={filters.type}
          onChange={(type) => go({ type })}
          data-testid="reports-filter-type"
        />
        {countyWide && (
          <Select<string>
            allowClear
            showSearch={{ filterOption: (input, option) => String(option?.label ?? '').includes(input.trim()) }}
            style={{ width: 200 }}
            placeholder="全部范围"
            aria-label="范围"
            options={scopeOptions}
            value={filters.scope}
            onChange={(scope) => go({ scope })}
            data-testid="reports-filter-scope"
          />
        )}
        <Button onClick={() => void load()} loading={loading}>
          刷新
        </Button>
      </div>
      {error && <Notice kind="error" title="无法加载研判报告">{error}</Notice>}
      <LightTable<ReportSummary>
        rows={rows}
        rowKey={(r) => r.id}
        loading={loading}
        minWidth={1080}
        testId="reports-table"
        empty="暂无研判报告（每周一自动生成上周研判，敏感时期每日生成日调度）"
        rowProps={(r) => ({ className: 'matter-row', onClick: () => router.push(reportHref(r.id)), 'data-testid': 'report-row', 'data-report-id': r.id, 'data-type': r.type })}
        columns={[
          { key: 'type', title: '类型', width: 100, render: (r) => <Tag color={r.type === 'weekly' ? 'blue' : 'orange'}>{reportTypeLabel(r.type)}</Tag> },
          {
            key: 'period',
            title: '周期',
            width: 280,
            render: (r) => (
              <Link href={reportHref(r.id)} onClick={(e) => e.stopPropagation()} data-testid="report-link">
                {periodLabel(r)}
              </Link>
            ),
          },
          { key: 'scope', title: '范围', width: 130, render: (r) => r.scope.name },
          { key: 'matters', title: '事项', width: 70, render: (r) => r.totals.matters },
          { key: 'change', title: '环比', width: 120, render: (r) => <span className={`report-change-${changeTrend(r.totals)}`}>{changeText(r.totals)}</span> },
          { key: 'hot', title: '热点村', width: 70, render: (r) => r.totals.hotSpots },
          { key: 'disputes', title: '高风险纠纷', width: 90, render: (r) => r.totals.highRiskDisputes },
          { key: 'overdue', title: '超期', width: 60, render: (r) => r.totals.overdue },
          { key: 'sensitive', title: '敏感时期', width: 110, render: (r) => r.sensitivePeriod?.name ?? <span className="muted">—</span> },
          { key: 'generatedAt', title: '生成时间', render: (r) => formatDateTime(r.generatedAt) },
        ]}
      />
      {cursor && (
        <div className="matters-more">
          <Button onClick={() => void load(cursor)} loading={loading} data-testid="reports-more">
            加载更多
          </Button>
        </div>
      )}
    </Panel>
  );
}
