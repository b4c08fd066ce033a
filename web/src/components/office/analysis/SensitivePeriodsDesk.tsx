'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { Button, Tag } from 'antd';
import type { SensitivePeriod } from '@beatlink/shared/analysis/sensitive-periods';
import type { Page } from '@beatlink/shared/fields';
import { zonedDate } from '@beatlink/shared/time-zone';
import { describeError } from '../../../lib/api-error';
import { PHASE_LABELS, periodPhase, periodRangeText, type SensitivePeriodDetail } from '../../../lib/analysis/sensitive-periods';
import { reportHref } from '../../../lib/analysis/reports';
import { formatDateTime } from '../../../lib/format';
import { listAll } from '../../../lib/list-all';
import { Notice } from '../Notice';
import { Panel } from '../Panel';
import { LightTable } from '../matters/LightTable';
import { useMatterSettings } from '../matters/settings';
import { useSession } from '../session';
import '../matters/matters.css';
import './analysis.css';

// The dialogs (antd Modal and inputs) load when opened.
const SensitivePeriodDialog = dynamic(() => import('./SensitivePeriodDialog'), { ssr: false });
const CancelPeriodDialog = dynamic(() => import('./CancelPeriodDialog'), { ssr: false });

const PHASE_COLORS = { running: 'red', upcoming: 'blue', ended: 'default', cancelled: 'default' } as const;

type Editing = { kind: 'create' } | { kind: 'edit'; period: SensitivePeriod } | { kind: 'cancel'; period: SensitivePeriod };

/** A period's daily dispatches as links, read when asked (GET /analysis/sensitive-periods/{id}). */
function Dispatches({ period }: { period: SensitivePeriod }) {
  const { api } = useSession();
  const [detail, setDetail] = useState<SensitivePeriodDetail>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const show = async () => {
    setLoading(true);
    try {
      setDetail(await api.get<SensitivePeriodDetail>(`/analysis/sensitive-periods/${encodeURIComponent(period.id)}`));
      setError(undefined);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setLoading(false);
    }
  };
  if (error) return <span className="matters-hint">{error}</span>;
  if (!detail) {
    return (
      <Button size="small" type="link" loading={loading} onClick={() => void show()} data-testid="period-dispatches-show">
        查看日调度
      </Button>
    );
  }
  if (detail.dispatches.length === 0) return <span className="muted">尚无日调度</span>;
  return (
    <span className="period-dispatches" data-testid="period-dispatches">
      {[...detail.dispatches]
        .sort((a, b) => a.period.localeCompare(b.period))
        .map((d) => (
          <Link key={d.id} href={reportHref(d.id)}>
            {d.period.slice(5)}
          </Link>
        ))}
    </span>
  );
}

/** 敏感时期 (/sensitive-periods): the county's declared periods; 设立、修改、取消 for those who manage. */
export function SensitivePeriodsDesk() {
  const { api, can } = useSession();
  const { timeZone } = useMatterSettings();
  const [today] = useState(() => zonedDate(Date.now(), timeZone));
  const [periods, setPeriods] = useState<SensitivePeriod[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState<Editing>();
  const mayManage = can('analysis.manage');

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setPeriods(await listAll<SensitivePeriod>((cursor) => api.get<Page<SensitivePeriod>>('/analysis/sensitive-periods', { limit: 100, status: 'all', cursor })));
      setError(undefined);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setLoading(false);
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const close = () => setEditing(undefined);
  const saved = () => {
    close();
    void load();
  };

  return (
    <Panel
      title="敏感时期"
      flush
      testId="sensitive-periods"
      extra={
        <>
          <Button onClick={() => void load()} loading={loading}>
            刷新
          </Button>
          {mayManage && (
            <Button type="primary" onClick={() => setEditing({ kind: 'create' })} data-testid="period-create">
              设立敏感时期
            </Button>
          )}
        </>
      }
    >
      <p className="muted" style={{ marginTop: 0 }}>
        特殊敏感时期、节点（如国庆安保）期间，每天自动生成全县及各派出所的日调度报告。
      </p>
      {error && <Notice kind="error" title="无法加载敏感时期">{error}</Notice>}
      <LightTable<SensitivePeriod>
        rows={periods}
        rowKey={(p) => p.id}
        loading={loading}
        minWidth={980}
        testId="periods-table"
        empty="尚未设立敏感时期"
        rowProps={(p) => ({ 'data-testid': 'period-row', 'data-period-id': p.id, 'data-status': p.status })}
        columns={[
          { key: 'name', title: '名称', width: 150, render: (p) => <strong>{p.name}</strong> },
          { key: 'range', title: '起止日期', width: 250, render: (p) => periodRangeText(p) },
          {
            key: 'phase',
            title: '状态',
            width: 80,
            render: (p) => {
              const phase = periodPhase(p, today);
              return <Tag color={PHASE_COLORS[phase]}>{PHASE_LABELS[phase]}</Tag>;
            },
          },
          { key: 'note', title: '备注', render: (p) => p.note ?? <span className="muted">—</span> },
          { key: 'dispatches', title: '日调度', width: 200, render: (p) => <Dispatches period={p} /> },
          { key: 'updated', title: '更新时间', width: 140, render: (p) => formatDateTime(p.updatedAt, timeZone) },
          ...(mayManage
            ? [
                {
                  key: 'ops',
                  title: '操作',
                  width: 130,
                  render: (p: SensitivePeriod) =>
                    p.status === 'active' ? (
                      <span>
                        <Button size="small" type="link" onClick={() => setEditing({ kind: 'edit', period: p })} data-testid="period-edit">
                          修改
                        </Button>
                        <Button size="small" type="link" danger onClick={() => setEditing({ kind: 'cancel', period: p })} data-testid="period-cancel">
                          取消
                        </Button>
                      </span>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {editing?.kind === 'create' && <SensitivePeriodDialog onClose={close} onSaved={saved} onConflict={saved} />}
      {editing?.kind === 'edit' && <SensitivePeriodDialog period={editing.period} onClose={close} onSaved={saved} onConflict={saved} />}
      {editing?.kind === 'cancel' && <CancelPeriodDialog period={editing.period} onClose={close} onDone={saved} onConflict={saved} />}
    </Panel>
  );
}
