'use client';

import dynamic from 'next/dynamic';
import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { Button, Radio, Tag } from 'antd';
import { assessmentPeriodLabel } from '@beatlink/shared/assessment/periods';
import { APPEAL_STATUS_LABELS, APPEAL_STATUSES, type Appeal, type AppealStatus } from '@beatlink/shared/assessment/views';
import type { Page } from '@beatlink/shared/fields';
import { describeError } from '../../../lib/api-error';
import { outcomeText, pickAppealStatus } from '../../../lib/assessment/appeals';
import { indicatorName, pointsText } from '../../../lib/assessment/format';
import { formatDateTime } from '../../../lib/format';
import { Notice } from '../Notice';
import { Panel } from '../Panel';
import { LightTable } from '../matters/LightTable';
import { useSession } from '../session';
import '../matters/matters.css';
import './assessment.css';

// The drawer (antd Drawer and the decision inputs) loads when an appeal is opened.
const AppealDrawer = dynamic(() => import('./AppealDrawer'), { ssr: false });

const APPEAL_STATUS_COLORS: Record<AppealStatus, string> = { open: 'orange', accepted: 'green', rejected: 'default' };

/** 考核申诉 (/assessment/appeals?status=&id=): the appeals by status; one opens in a drawer, where the program office decides it. */
export function AppealsDesk() {
  const { api, can } = useSession();
  const router = useRouter();
  const params = useSearchParams();
  const status = pickAppealStatus(params.get('status'));
  const openId = params.get('id');
  const [rows, setRows] = useState<Appeal[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();

  const href = (next: { status?: AppealStatus; id?: string }) => {
    const search = new URLSearchParams();
    const s = next.status ?? status;
    if (s !== 'open') search.set('status', s);
    if (next.id) search.set('id', next.id);
    return `/assessment/appeals${search.size ? `?${search.toString()}` : ''}`;
  };

  const load = useCallback(
    async (after?: string) => {
      setLoading(true);
      try {
        const page = await api.get<Page<Appeal>>('/assessment/appeals', { status, limit: 50, cursor: after });
        setRows((list) => (after ? [...list, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setError(undefined);
      } catch (err) {
        setError(describeError(err));
      } finally {
        setLoading(false);
      }
    },
    [api, status],
  );

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Panel title="考核申诉" flush testId="appeals-desk">
      <div className="assess-toolbar">
        <Radio.Group optionType="button" buttonStyle="solid" value={status} onChange={(e) => router.replace(href({ status: e.target.value as AppealStatus }))} aria-label="申诉状态" data-testid="appeals-status">
          {APPEAL_STATUSES.map((s) => (
            <Radio.Button key={s} value={s}>
              {APPEAL_STATUS_LABELS[s]}
            </Radio.Button>
          ))}
        </Radio.Group>
        <Button onClick={() => void load()} loading={loading}>
          刷新
        </Button>
      </div>
      {error && <Notice kind="error" title="无法加载申诉">{error}</Notice>}
      <LightTable<Appeal>
        rows={rows}
        rowKey={(a) => a.id}
        loading={loading}
        minWidth={980}
        testId="appeals-table"
        empty={`暂无${APPEAL_STATUS_LABELS[status]}的申诉`}
        rowProps={(a) => ({ className: 'assess-row', onClick: () => router.replace(href({ id: a.id })), 'data-testid': 'appeal-row', 'data-appeal-id': a.id })}
        columns={[
          { key: 'period', title: '考核期', width: 120, render: (a) => assessmentPeriodLabel(a.period) },
          { key: 'officer', title: '民警', width: 100, render: (a) => a.officerName },
          { key: 'indicator', title: '申诉指标', width: 140, render: (a) => indicatorName(a.indicator) },
          { key: 'points', title: '原得分', width: 80, render: (a) => pointsText(a.itemPoints) },
          { key: 'reason', title: '申诉理由', render: (a) => a.reason },
          { key: 'status', title: '状态', width: 130, render: (a) => <Tag color={APPEAL_STATUS_COLORS[a.status]}>{outcomeText(a)}</Tag> },
          { key: 'createdAt', title: '提交时间', width: 150, render: (a) => formatDateTime(a.createdAt) },
        ]}
      />
      {cursor && (
        <div className="matters-more">
          <Button onClick={() => void load(cursor)} loading={loading} data-testid="appeals-more">
            加载更多
          </Button>
        </div>
      )}
      {openId && (
        <AppealDrawer
          key={openId}
          id={openId}
          mayDecide={can('assessment.manage')}
          onClose={() => router.replace(href({}))}
          onDecided={() => void load()}
        />
      )}
    </Panel>
  );
}
