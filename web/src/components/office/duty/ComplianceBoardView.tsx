'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Select } from 'antd';
import type { Station } from '@beatlink/shared/directory/units';
import { COMPLIANCE_STATUSES, type ComplianceStatus } from '@beatlink/shared/duty/labels';
import type { ComplianceBoard, ComplianceEntry, ComplianceEvaluation } from '@beatlink/shared/duty/week';
import { ApiError, describeError } from '../../../lib/api-error';
import { boardQuery, boardTotals, countCards, doneText, evaluationMessage, firstReason, officerWeekHref, reachesRequired, sortEntries } from '../../../lib/duty/compliance';
import { complianceLabel, dutyRoleLabel } from '../../../lib/duty/labels';
import { currentIsoWeek, lastIsoWeek, pickWeek, weekLabel } from '../../../lib/duty/weeks';
import { formatDateTime } from '../../../lib/format';
import { listAll } from '../../../lib/list-all';
import { Notice } from '../Notice';
import { Panel } from '../Panel';
import { useMessage } from '../feedback';
import { useSession } from '../session';
import { LightTable } from '../matters/LightTable';
import { useMatterSettings } from '../matters/settings';
import { ComplianceTag, MakeUpProgress, WeekPicker } from './DutyParts';
import '../matters/matters.css';
import './duty.css';

/** Rows drawn at first and per "显示更多" (a county has a few hundred duty officers; the API sends the whole week). */
const ROWS_PER_STEP = 100;
const STATUS_OPTIONS = COMPLIANCE_STATUSES.map((s) => ({ value: s, label: complianceLabel(s) }));
const pickStatus = (value: string | null): ComplianceStatus | undefined => ((COMPLIANCE_STATUSES as readonly string[]).includes(value ?? '') ? (value as ComplianceStatus) : undefined);

/** 履职考核: the county's officer-weeks of one ISO week (stored by the weekly evaluation), counts by status, filters. */
export function ComplianceBoardView() {
  const { api, me, can } = useSession();
  const message = useMessage();
  const settings = useMatterSettings();
  const router = useRouter();
  const params = useSearchParams();
  const tz = settings.timeZone;
  const [now] = useState(() => Date.now());
  const thisWeek = currentIsoWeek(now, tz);
  const week = pickWeek(params.get('week'), lastIsoWeek(now, tz));
  const status = pickStatus(params.get('status'));
  const stationParam = params.get('stationId') ?? undefined;
  const countyWide = me.permissions['duty.read'] === 'tenant';
  const stationId = countyWide ? stationParam : undefined;
  const mayEvaluate = can('duty.absence.decide');
  const [board, setBoard] = useState<ComplianceBoard>();
  const [loading, setLoading] = useState(false);
  const [evaluating, setEvaluating] = useState(false);
  const [stations, setStations] = useState<Station[]>([]);
  const [shown, setShown] = useState(ROWS_PER_STEP);

  const go = (next: { week?: string; status?: ComplianceStatus | undefined; stationId?: string | undefined }) => {
    const merged = { week, status, stationId, ...next };
    const search = new URLSearchParams(boardQuery(merged.week, { status: merged.status, stationId: merged.stationId }));
    router.replace(`/duty/compliance?${search.toString()}`);
  };

  useEffect(() => {
    if (!countyWide || !can('directory.read')) return;
    let cancelled = false;
    listAll<Station>((cursor) => api.get('/directory/stations', { limit: 200, cursor }))
      .then((list) => !cancelled && setStations(list))
      .catch(() => !cancelled && setStations([]));
    return () => {
      cancelled = true;
    };
  }, [api, can, countyWide]);

  const load = useCallback(async () => {
    setLoading(true);
    setShown(ROWS_PER_STEP);
    try {
      setBoard(await api.get<ComplianceBoard>('/duty/compliance', boardQuery(week, { status, stationId })));
    } catch (error) {
      setBoard(undefined);
      message.error(describeError(error));
    } finally {
      setLoading(false);
    }
  }, [api, week, status, stationId, message]);

  useEffect(() => {
    void load();
  }, [load]);

  const evaluate = async () => {
    setEvaluating(true);
    try {
      const result = await api.post<ComplianceEvaluation>('/duty/compliance/evaluate', { week });
      message.success(evaluationMessage(result));
      await load();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        message.error('本周考核记录正被他人或每周评估任务更新，已重新加载，请稍后再试');
        await load();
        return;
      }
      message.error(describeError(error));
    } finally {
      setEvaluating(false);
    }
  };

  const stationNames = useMemo(() => new Map(stations.map((s) => [s.id, s.name])), [stations]);
  const stationOptions = useMemo(() => stations.map((s) => ({ value: s.id, label: s.name })), [stations]);
  const rows = useMemo(() => sortEntries(board?.items ?? []), [board]);
  const cards = countCards(board);
  const totals = boardTotals(board);
  const finished = week < thisWeek;
  const lastEvaluated = rows.reduce<string | undefined>((latest, r) => (!latest || r.evaluatedAt > latest ? r.evaluatedAt : latest), undefined);

  return (
    <Panel
      title="履职考核"
      flush
      testId="compliance-board"
      extra={
        <>
          <Button onClick={() => void load()} loading={loading}>
            刷新
          </Button>
          {mayEvaluate && (
            <Button
              type="primary"
              onClick={() => void evaluate()}
              loading={evaluating}
              disabled={!finished}
              title={finished ? `按现有走访与报备记录重新评估 ${week}` : '本周尚未结束，结束后才能评估'}
              data-testid="compliance-evaluate"
            >
              重新评估本周
            </Button>
          )}
        </>
      }
    >
      <div className="duty-toolbar">
        <WeekPicker week={week} max={thisWeek} onChange={(next) => go({ week: next })} label="考核周次" />
        {countyWide && (
          <Select
            allowClear
            showSearch={{ filterOption: (input, option) => String(option?.label ?? '').includes(input.trim()) }}
            style={{ width: 200 }}
            placeholder="全部派出所"
            aria-label="派出所"
            options={stationOptions}
            value={stationId}
            onChange={(value: string | undefined) => go({ stationId: value })}
            data-testid="compliance-filter-station"
          />
        )}
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder="全部结果"
          aria-label="考核结果"
          options={STATUS_OPTIONS}
          value={status}
          onChange={(value: ComplianceStatus | undefined) => go({ status: value })}
          data-testid="compliance-filter-status"
        />
      </div>
      <p className="muted" style={{ marginTop: 0 }}>
        {weekLabel(week)}：已评估 {totals.evaluated} 名民警，共 {totals.total} 名承担驻村任务
        {lastEvaluated ? `；评估于 ${formatDateTime(lastEvaluated, tz)}` : ''}
        {!finished ? '（本周尚未结束，每周一自动评估上周）' : ''}
      </p>
      <div className="duty-counts" data-testid="compliance-counts">
        {cards.map((card) => {
          const clickable = card.key !== 'notEvaluated';
          return (
            <button
              key={card.key}
              type="button"
              className={`duty-count duty-count-${card.key}`}
              aria-pressed={clickable ? status === card.key : undefined}
              disabled={!clickable}
              onClick={() => clickable && go({ status: status === card.key ? undefined : (card.key as ComplianceStatus) })}
              data-testid={`compliance-count-${card.key}`}
              data-count={card.count}
            >
              <span className="duty-count-label">{card.label}</span>
              <span className="duty-count-value">{card.count}</span>
            </button>
          );
        })}
      </div>
      {!loading && board && totals.evaluated === 0 && (
        <div className="duty-notice">
          <Notice kind="warning" title="本周尚无考核记录">
            {finished
              ? mayEvaluate
                ? '每周一自动评估上周；也可点击“重新评估本周”立即评估。'
                : '每周一自动评估上周，评估后在此显示。'
              : '本周尚未结束，结束后评估。可在“民警周履职”中查看截至目前的情况。'}
          </Notice>
        </div>
      )}
      <LightTable<ComplianceEntry>
        rows={rows.length > shown ? rows.slice(0, shown) : rows}
        rowKey={(r) => r.officerId}
        loading={loading}
        minWidth={1080}
        testId="compliance-table"
        empty={status ? `暂无“${complianceLabel(status)}”的民警` : '暂无考核记录'}
        rowProps={(r) => ({
          className: 'duty-row',
          onClick: () => router.push(officerWeekHref(r.officerId, week)),
          'data-testid': 'compliance-row',
          'data-officer-id': r.officerId,
          'data-status': r.status,
        })}
        columns={[
          {
            key: 'name',
            title: '民警',
            width: 110,
            render: (r) => (
              <Link href={officerWeekHref(r.officerId, week)} onClick={(e) => e.stopPropagation()}>
                {r.officerName}
              </Link>
            ),
          },
          { key: 'role', title: '类别', width: 90, render: (r) => dutyRoleLabel(r.role) },
          ...(countyWide ? [{ key: 'station', title: '派出所', width: 130, render: (r: ComplianceEntry) => (r.stationId ? (stationNames.get(r.stationId) ?? '—') : '—') }] : []),
          { key: 'status', title: '结果', width: 80, render: (r) => <ComplianceTag status={r.status} /> },
          {
            key: 'done',
            title: '完成 / 要求',
            width: 120,
            render: (r) => <span className={reachesRequired(r) ? undefined : 'duty-short'}>{doneText(r)}</span>,
          },
          { key: 'makeUp', title: '补课', width: 230, render: (r) => (r.makeUp ? <MakeUpProgress makeUp={r.makeUp} /> : <span className="muted">—</span>) },
          { key: 'reason', title: '情况说明', render: (r) => firstReason(r) },
        ]}
      />
      {rows.length > shown && (
        <div className="matters-more">
          <span className="muted">
            已显示 {shown} / {rows.length} 名
          </span>
          <Button onClick={() => setShown((n) => n + ROWS_PER_STEP)} data-testid="compliance-more">
            显示更多
          </Button>
        </div>
      )}
    </Panel>
  );
}
