'use client';

import dynamic from 'next/dynamic';
import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { Button, Input, Tag } from 'antd';
import type { SpotCheck } from '@beatlink/shared/assessment/spot-check';
import { zonedDate } from '@beatlink/shared/time-zone';
import { describeError } from '../../../lib/api-error';
import { listEvery } from '../../../lib/assessment/list';
import { lastFinishedMonth, monthOfSpotCheckId, passRateText, pickMonth, progressText } from '../../../lib/assessment/spot-checks';
import { Notice } from '../Notice';
import { Panel } from '../Panel';
import { useMessage } from '../feedback';
import { LightTable } from '../matters/LightTable';
import { useMatterSettings } from '../matters/settings';
import { useSession } from '../session';
import '../matters/matters.css';
import './assessment.css';

// The drawer (antd Drawer and the result inputs) loads when a check is opened.
const SpotCheckDrawer = dynamic(() => import('./SpotCheckDrawer'), { ssr: false });

/** 月抽查 (/assessment/spot-checks?month=&id=): a month's samples of the contact officers' work, called back item by item. */
export function SpotChecksDesk() {
  const { api } = useSession();
  const router = useRouter();
  const params = useSearchParams();
  const message = useMessage();
  const { timeZone } = useMatterSettings();
  const [now] = useState(() => Date.now());
  const today = zonedDate(now, timeZone);
  const openId = params.get('id');
  const month = pickMonth(params.get('month') ?? (openId ? monthOfSpotCheckId(openId) : undefined), today);
  const [rows, setRows] = useState<SpotCheck[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [drawing, setDrawing] = useState(false);

  const href = (next: { month?: string; id?: string }) => {
    const search = new URLSearchParams({ month: next.month ?? month });
    if (next.id) search.set('id', next.id);
    return `/assessment/spot-checks?${search.toString()}`;
  };

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setRows(await listEvery<SpotCheck>((cursor) => api.get('/assessment/spot-checks', { month, cursor })));
      setError(undefined);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setLoading(false);
    }
  }, [api, month]);

  useEffect(() => {
    void load();
  }, [load]);

  const draw = async () => {
    setDrawing(true);
    try {
      await api.post('/assessment/spot-checks/draw', { month });
      message.success(`已抽取 ${month} 的样本`);
      await load();
    } catch (err) {
      message.error(describeError(err));
    } finally {
      setDrawing(false);
    }
  };

  const finished = month <= lastFinishedMonth(today);

  return (
    <Panel
      title="月抽查"
      flush
      testId="spot-checks-desk"
      extra={
        <Button type="primary" onClick={() => void draw()} loading={drawing} disabled={!finished} title={finished ? '为该月每位包村民警抽取样本（已抽取的不会重复）' : '只能抽取已结束月份的样本'} data-testid="spot-checks-draw">
          抽取样本
        </Button>
      }
    >
      <div className="assess-toolbar">
        <Input type="month" style={{ width: 170 }} aria-label="月份" max={lastFinishedMonth(today)} value={month} onChange={(e) => e.target.value && router.replace(href({ month: e.target.value }))} data-testid="spot-checks-month" />
        <Button onClick={() => void load()} loading={loading}>
          刷新
        </Button>
        <span className="muted">每月初系统自动为每位包村民警随机抽取上月的走访与入户记录，逐条电话回访核实。</span>
      </div>
      {error && <Notice kind="error" title="无法加载抽查">{error}</Notice>}
      <LightTable<SpotCheck>
        rows={rows}
        rowKey={(c) => c.id}
        loading={loading}
        minWidth={900}
        testId="spot-checks-table"
        empty="该月尚未抽取样本"
        rowProps={(c) => ({ className: 'assess-row', onClick: () => router.replace(href({ id: c.id })), 'data-testid': 'spot-check-row', 'data-spot-check-id': c.id })}
        columns={[
          { key: 'officer', title: '包村民警', width: 120, render: (c) => c.officerName },
          { key: 'candidates', title: '候选记录（走访/入户）', width: 170, render: (c) => `${c.candidates.visits} / ${c.candidates.households}` },
          { key: 'size', title: '样本数', width: 80, render: (c) => c.items.length },
          { key: 'passed', title: '属实', width: 70, render: (c) => c.passed },
          { key: 'failed', title: '不属实', width: 70, render: (c) => c.failed },
          { key: 'unreachable', title: '无法联系', width: 90, render: (c) => c.unreachable },
          { key: 'rate', title: '通过率', width: 90, render: (c) => passRateText(c) },
          { key: 'progress', title: '回访进度', width: 90, render: (c) => progressText(c) },
          { key: 'status', title: '状态', render: (c) => (c.status === 'done' ? <Tag color="green">已完成</Tag> : <Tag color="orange">回访中</Tag>) },
        ]}
      />
      {openId && <SpotCheckDrawer key={openId} id={openId} onClose={() => router.replace(href({}))} onChanged={(check) => setRows((list) => list.map((c) => (c.id === check.id ? check : c)))} />}
    </Panel>
  );
}
