'use client';

import dynamic from 'next/dynamic';
import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Radio, Select, Tag } from 'antd';
import type { AssessmentPeriodType } from '@beatlink/shared/assessment/periods';
import { assessmentPeriodLabel } from '@beatlink/shared/assessment/periods';
import { RULE_SET_LABELS } from '@beatlink/shared/assessment/rules';
import type { RankingRow, RankingsView, ScoreRun } from '@beatlink/shared/assessment/views';
import { zonedDate } from '@beatlink/shared/time-zone';
import { ApiError, describeError } from '../../../lib/api-error';
import { pointsText } from '../../../lib/assessment/format';
import { listEvery } from '../../../lib/assessment/list';
import { periodTypeOf, periodsOfRuns, pickPeriod, previousPeriod, scoresHref, supersededOf, type PeriodRuns } from '../../../lib/assessment/runs';
import { fileNameOfDisposition } from '../../../lib/content-disposition';
import { formatDateTime } from '../../../lib/format';
import { saveFile } from '../../../lib/save-file';
import { Notice } from '../Notice';
import { Panel } from '../Panel';
import { useMessage } from '../feedback';
import { LightTable } from '../matters/LightTable';
import { useMatterSettings } from '../matters/settings';
import { useSession } from '../session';
import '../matters/matters.css';
import './assessment.css';

// The drawer and the dialog (antd Drawer, Modal, inputs) load when opened.
const ScoreDrawer = dynamic(() => import('./ScoreDrawer'), { ssr: false });
const RunDialog = dynamic(() => import('./RunDialog'), { ssr: false });

type Rankings = { kind: 'none' } | { kind: 'loading' } | { kind: 'missing' } | { kind: 'failed'; message: string } | { kind: 'ready'; view: RankingsView };

/** 计算记录: every version of the period, the current one first. */
function RunHistory({ entry }: { entry: PeriodRuns }) {
  return (
    <LightTable<ScoreRun>
      rows={entry.versions}
      rowKey={(r) => r.version}
      size="small"
      testId="run-history"
      columns={[
        { key: 'version', title: '版本', width: 70, render: (r) => `第 ${r.version} 次` },
        { key: 'status', title: '状态', width: 90, render: (r) => (r.status === 'published' ? <Tag color="green">现行</Tag> : r.status === 'computing' ? <Tag color="blue">计算中</Tag> : <Tag>已替代</Tag>) },
        { key: 'rules', title: '规则版本', width: 90, render: (r) => `第 ${r.rulesVersion} 版` },
        { key: 'reason', title: '原因', render: (r) => r.reason },
        { key: 'by', title: '计算人', width: 100, render: (r) => r.computedByName },
        { key: 'at', title: '计算时间', width: 150, render: (r) => formatDateTime(r.computedAt) },
        { key: 'superseded', title: '替代时间', width: 150, render: (r) => formatDateTime(r.supersededAt) || '—' },
      ]}
    />
  );
}

/** 考核排名 (/assessment/scores?period=): a period's rankings per peer group, each score's breakdown; 计算 and 导出 for the program office. */
export function ScoresDesk() {
  const { api, me, can } = useSession();
  const router = useRouter();
  const params = useSearchParams();
  const message = useMessage();
  const { timeZone } = useMatterSettings();
  const manage = can('assessment.manage');
  const own = me.permissions['assessment.read'] === 'own';
  const requested = params.get('period');
  const [type, setType] = useState<AssessmentPeriodType>(periodTypeOf(requested) ?? 'month');
  const [periods, setPeriods] = useState<PeriodRuns[]>([]);
  const [runsError, setRunsError] = useState<string>();
  const [runsLoading, setRunsLoading] = useState(true);
  const [rankings, setRankings] = useState<Rankings>({ kind: 'none' });
  const [open, setOpen] = useState<{ subjectId: string }>();
  const [computing, setComputing] = useState(false);
  const [history, setHistory] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [now] = useState(() => Date.now());
  const period = pickPeriod(periods, requested, type);
  const entry = periods.find((p) => p.period === period);

  const loadRuns = useCallback(async () => {
    setRunsLoading(true);
    try {
      setPeriods(periodsOfRuns(await listEvery<ScoreRun>((cursor) => api.get('/assessment/runs', { cursor }))));
      setRunsError(undefined);
    } catch (error) {
      setRunsError(describeError(error));
    } finally {
      setRunsLoading(false);
    }
  }, [api]);

  useEffect(() => {
    void loadRuns();
  }, [loadRuns]);

  const loadRankings = useCallback(async () => {
    if (!period) {
      setRankings({ kind: 'none' });
      return;
    }
    setRankings({ kind: 'loading' });
    try {
      setRankings({ kind: 'ready', view: await api.get<RankingsView>(`/assessment/runs/${encodeURIComponent(period)}/rankings`) });
    } catch (error) {
      setRankings(error instanceof ApiError && error.status === 404 ? { kind: 'missing' } : { kind: 'failed', message: describeError(error) });
    }
  }, [api, period]);

  useEffect(() => {
    void loadRankings();
  }, [loadRankings]);

  const go = (next: string) => router.replace(scoresHref(next));
  const options = useMemo(() => {
    const list = periods.filter((p) => p.periodType === type).map((p) => ({ value: p.period, label: p.label }));
    if (period && periodTypeOf(period) === type && !list.some((o) => o.value === period)) list.unshift({ value: period, label: `${assessmentPeriodLabel(period)}（未计算）` });
    return list;
  }, [periods, period, type]);

  const exportExcel = async () => {
    if (!period) return;
    setExporting(true);
    try {
      const file = await api.download(`/assessment/runs/${encodeURIComponent(period)}/export`);
      saveFile(file.blob, fileNameOfDisposition(file.disposition) ?? `考核排名-${period}.xlsx`);
    } catch (error) {
      message.error(describeError(error));
    } finally {
      setExporting(false);
    }
  };

  const switchType = (next: AssessmentPeriodType) => {
    setType(next);
    setHistory(false);
    const first = periods.find((p) => p.periodType === next)?.period;
    router.replace(first ? scoresHref(first) : '/assessment/scores');
  };

  // An officer (own scope) reads his own breakdown only; the others' rows are not links.
  const openable = (r: RankingRow) => !own || r.subjectId === me.officerId;
  const superseded = supersededOf(entry);
  const run = rankings.kind === 'ready' ? rankings.view.run : entry?.current;

  return (
    <Panel
      title="考核排名"
      flush
      testId="scores-desk"
      extra={
        manage ? (
          <Button type="primary" onClick={() => setComputing(true)} data-testid="run-open">
            {entry ? '重新计算' : '计算'}
          </Button>
        ) : undefined
      }
    >
      <div className="assess-toolbar">
        <Radio.Group optionType="button" buttonStyle="solid" value={type} onChange={(e) => switchType(e.target.value as AssessmentPeriodType)} aria-label="考核期类型" data-testid="scores-type">
          <Radio.Button value="month">月度</Radio.Button>
          <Radio.Button value="quarter">季度</Radio.Button>
        </Radio.Group>
        <Select<string>
          style={{ width: 180 }}
          aria-label="考核期"
          placeholder={runsLoading ? '正在加载…' : '暂无考核期'}
          options={options}
          value={period && periodTypeOf(period) === type ? period : undefined}
          onChange={go}
          data-testid="scores-period"
        />
        <Button onClick={() => void Promise.all([loadRuns(), loadRankings()])} loading={runsLoading}>
          刷新
        </Button>
        {own && me.officerId && period && rankings.kind === 'ready' && (
          <Button onClick={() => setOpen({ subjectId: me.officerId! })} data-testid="scores-mine">
            我的得分
          </Button>
        )}
        {period && rankings.kind === 'ready' && (
          <Button onClick={() => void exportExcel()} loading={exporting} data-testid="scores-export">
            导出 Excel
          </Button>
        )}
      </div>
      {runsError && <Notice kind="error" title="无法加载考核期">{runsError}</Notice>}
      {run && (
        <div className="assess-run-meta" data-testid="run-meta" data-run-version={run.version}>
          <span>
            当前版本：<strong>第 {run.version} 次计算</strong>
          </span>
          <span>规则版本：第 {run.rulesVersion} 版</span>
          <span>原因：{run.reason}</span>
          <span className="muted">
            {run.computedByName} 于 {formatDateTime(run.computedAt, timeZone)}
          </span>
          {entry && (
            <Button size="small" type="link" onClick={() => setHistory((v) => !v)} data-testid="run-history-toggle">
              {history ? '收起计算记录' : `计算记录（${entry.versions.length}${superseded.length ? `，其中 ${superseded.length} 次已替代` : ''}）`}
            </Button>
          )}
        </div>
      )}
      {history && entry && (
        <div className="assess-section">
          <RunHistory entry={entry} />
        </div>
      )}
      {rankings.kind === 'none' && !runsLoading && <p className="muted">尚无考核结果（每月初自动计算上月{manage ? '，也可点“计算”立即计算已结束的考核期' : ''}）。</p>}
      {rankings.kind === 'loading' && <p className="muted">正在加载排名…</p>}
      {rankings.kind === 'missing' && <p className="muted" data-testid="scores-missing">{period ? assessmentPeriodLabel(period) : ''}尚无考核结果。</p>}
      {rankings.kind === 'failed' && (
        <Notice kind="error" title="无法加载排名" action={<Button onClick={() => void loadRankings()}>重试</Button>}>
          {rankings.message}
        </Notice>
      )}
      {rankings.kind === 'ready' && rankings.view.groups.length === 0 && <p className="muted">该期没有可显示的排名。</p>}
      {rankings.kind === 'ready' &&
        rankings.view.groups.map((group) => (
          <section key={group.group.key} className="assess-group" data-testid="ranking-group" data-group={group.group.key}>
            <h3>
              {group.group.label}
              <span className="muted">
                （{RULE_SET_LABELS[group.set]}，{group.rows.length} 人）
              </span>
            </h3>
            <LightTable<RankingRow>
              rows={group.rows}
              rowKey={(r) => r.subjectId}
              minWidth={720}
              empty="本组无人"
              rowProps={(r) => ({
                className: `${openable(r) ? 'assess-row' : ''}${r.subjectId === me.officerId ? ' assess-row-self' : ''}`,
                onClick: openable(r) ? () => setOpen({ subjectId: r.subjectId }) : undefined,
                'data-testid': 'ranking-row',
                'data-subject-id': r.subjectId,
              })}
              columns={[
                { key: 'rank', title: '名次', width: 70, render: (r) => r.rank },
                {
                  key: 'name',
                  title: '姓名',
                  width: 120,
                  render: (r) =>
                    openable(r) ? (
                      <Button
                        type="link"
                        size="small"
                        style={{ padding: 0 }}
                        onClick={(e) => {
                          e.stopPropagation();
                          setOpen({ subjectId: r.subjectId });
                        }}
                      >
                        {r.name}
                      </Button>
                    ) : (
                      r.name
                    ),
                },
                { key: 'police', title: '警号', width: 110, render: (r) => r.policeNumber ?? '—' },
                { key: 'station', title: '派出所', width: 160, render: (r) => r.stationName ?? '—' },
                { key: 'unit', title: '单位', render: (r) => r.unitName ?? '—' },
                { key: 'total', title: '总分', width: 90, render: (r) => <strong>{pointsText(r.total)}</strong> },
              ]}
            />
          </section>
        ))}
      {open && period && <ScoreDrawer period={period} subjectId={open.subjectId} onClose={() => setOpen(undefined)} />}
      {computing && (
        <RunDialog
          initialPeriod={period ?? previousPeriod(zonedDate(now, timeZone), type)}
          periods={periods}
          onClose={() => setComputing(false)}
          onDone={(next) => {
            setComputing(false);
            setType(next.periodType);
            void loadRuns();
            if (next.period === period) void loadRankings();
            else go(next.period);
          }}
        />
      )}
    </Panel>
  );
}
