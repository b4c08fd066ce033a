'use client';

import dynamic from 'next/dynamic';
import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { Button, Input } from 'antd';
import { assessmentPeriodLabel } from '@beatlink/shared/assessment/periods';
import type { AgencyScoreRow } from '@beatlink/shared/assessment/views';
import { ApiError, describeError } from '../../../lib/api-error';
import { indicatorCell, periodOfAnswer, pointsText, rowsOf } from '../../../lib/assessment/format';
import { Notice } from '../Notice';
import { Panel } from '../Panel';
import { LightTable } from '../matters/LightTable';
import { useSession } from '../session';
import '../matters/matters.css';
import './assessment.css';

// The breakdown drawer (the same as 考核排名's) loads when a row is opened.
const ScoreDrawer = dynamic(() => import('./ScoreDrawer'), { ssr: false });

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** 成员单位考核 (/assessment/agencies?period=): the agencies' monthly ranking; a row opens its breakdown. */
export function AgencyScoresDesk() {
  const { api } = useSession();
  const router = useRouter();
  const params = useSearchParams();
  const requested = params.get('period');
  const asked = requested && MONTH.test(requested) ? requested : undefined;
  const [rows, setRows] = useState<AgencyScoreRow[]>([]);
  const [period, setPeriod] = useState<string | undefined>(asked);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [open, setOpen] = useState<AgencyScoreRow>();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      // Without a period the API answers the latest computed month.
      const answer = await api.get<unknown>('/assessment/agency-scores', { period: asked });
      const list = rowsOf<AgencyScoreRow>(answer).sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'zh-CN'));
      setRows(list);
      setPeriod(asked ?? periodOfAnswer(answer) ?? list[0]?.score.period);
      setError(undefined);
    } catch (err) {
      setRows([]);
      setError(err instanceof ApiError && err.status === 404 ? undefined : describeError(err));
    } finally {
      setLoading(false);
    }
  }, [api, asked]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Panel title="成员单位考核" flush testId="agency-scores-desk">
      <div className="assess-toolbar">
        <Input
          type="month"
          style={{ width: 170 }}
          aria-label="考核月份"
          value={period && MONTH.test(period) ? period : ''}
          onChange={(e) => e.target.value && router.replace(`/assessment/agencies?period=${encodeURIComponent(e.target.value)}`)}
          data-testid="agency-scores-period"
        />
        <Button onClick={() => void load()} loading={loading}>
          刷新
        </Button>
        {period && <span className="muted">{assessmentPeriodLabel(period)}，按总分排名；点击单位查看得分明细。</span>}
      </div>
      {error && <Notice kind="error" title="无法加载成员单位考核">{error}</Notice>}
      <LightTable<AgencyScoreRow>
        rows={rows}
        rowKey={(r) => r.agencyId}
        loading={loading}
        minWidth={980}
        testId="agency-scores-table"
        empty="该月尚无成员单位考核结果（每月初自动计算上月）"
        rowProps={(r) => ({ className: 'assess-row', onClick: () => setOpen(r), 'data-testid': 'agency-score-row', 'data-agency-id': r.agencyId })}
        columns={[
          { key: 'rank', title: '名次', width: 70, render: (r) => r.rank },
          { key: 'name', title: '单位', width: 200, render: (r) => r.name },
          { key: 'accept', title: '按时签收率', width: 140, render: (r) => indicatorCell(r.score.items, 'agency_accept_on_time') },
          { key: 'feedback', title: '按时反馈率', width: 140, render: (r) => indicatorCell(r.score.items, 'agency_feedback_on_time') },
          { key: 'satisfaction', title: '满意率', width: 140, render: (r) => indicatorCell(r.score.items, 'agency_satisfaction') },
          { key: 'returns', title: '退回次数', width: 90, render: (r) => indicatorCell(r.score.items, 'agency_returns') },
          { key: 'total', title: '总分', render: (r) => <strong>{pointsText(r.total)}</strong> },
        ]}
      />
      {open && <ScoreDrawer period={open.score.period} subjectId={open.agencyId} score={open.score} onClose={() => setOpen(undefined)} />}
    </Panel>
  );
}
