'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Tag } from 'antd';
import type { Absence } from '@beatlink/shared/duty/absence-rules';
import type { MakeUpState } from '@beatlink/shared/duty/compliance';
import type { DutyWeek } from '@beatlink/shared/duty/week';
import { ApiError, describeError } from '../../../lib/api-error';
import { doneText, reachesRequired } from '../../../lib/duty/compliance';
import { amountWithUnit, dutyRoleLabel } from '../../../lib/duty/labels';
import { visitRow, visitTotals, durationText, type VisitRow } from '../../../lib/duty/officer-week';
import { currentIsoWeek, dateLabel, lastIsoWeek, pickWeek, weekLabel } from '../../../lib/duty/weeks';
import { formatDateTime } from '../../../lib/format';
import { Notice } from '../Notice';
import { Panel } from '../Panel';
import { useSession } from '../session';
import { LightTable } from '../matters/LightTable';
import { useMatterSettings } from '../matters/settings';
import { AbsenceStatusTag, ComplianceTag, MakeUpProgress, MakeUpStatusTag, WeekPicker } from './DutyParts';
import '../matters/matters.css';
import './duty.css';

/** 民警周履职: one officer's week evaluated live (GET /duty/week): result, reasons, visits, absences, make-ups. */
export function OfficerWeekView() {
  const { api } = useSession();
  const settings = useMatterSettings();
  const router = useRouter();
  const params = useSearchParams();
  const tz = settings.timeZone;
  const [now] = useState(() => Date.now());
  const thisWeek = currentIsoWeek(now, tz);
  const officerId = params.get('officerId') ?? '';
  const week = pickWeek(params.get('week'), lastIsoWeek(now, tz));
  const [data, setData] = useState<DutyWeek>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    if (!officerId) return;
    setLoading(true);
    setError(undefined);
    try {
      setData(await api.get<DutyWeek>('/duty/week', { officerId, week }));
    } catch (err) {
      setData(undefined);
      setError(err instanceof ApiError && err.status === 404 ? '未找到该民警，或您无权查看其履职情况' : describeError(err));
    } finally {
      setLoading(false);
    }
  }, [api, officerId, week]);

  useEffect(() => {
    void load();
  }, [load]);

  const go = (next: string | undefined) => {
    if (!next) return;
    router.replace(`/duty/officer?officerId=${encodeURIComponent(officerId)}&week=${encodeURIComponent(next)}`);
  };

  const visits = useMemo(() => (data?.visits ?? []).map((v) => visitRow(v, data?.timeZone ?? tz)), [data, tz]);
  const totals = useMemo(() => visitTotals(data?.visits ?? []), [data]);
  const record = data?.record;
  const zone = data?.timeZone ?? tz;

  if (!officerId) {
    return (
      <Notice kind="warning" title="未指定民警">
        请从 <Link href="/duty/compliance">履职考核</Link> 中选择一名民警。
      </Notice>
    );
  }

  return (
    <div className="duty-stack" data-testid="officer-week">
      <Panel>
        <div className="duty-head">
          <Link href={`/duty/compliance?week=${encodeURIComponent(week)}`}>‹ 返回履职考核</Link>
        </div>
        <div className="duty-head">
          <h1 data-testid="officer-week-name">{data?.officerName ?? (loading ? '正在加载…' : '民警周履职')}</h1>
          {data && <Tag>{dutyRoleLabel(data.role)}</Tag>}
          {record && <ComplianceTag status={record.status} testId="officer-week-status" />}
          {record && !record.periodOver && <Tag color="processing">截至目前</Tag>}
          <span style={{ flex: 1 }} />
          <Button onClick={() => void load()} loading={loading}>
            刷新
          </Button>
        </div>
        <div className="duty-toolbar">
          <WeekPicker week={week} max={thisWeek} onChange={go} label="周次" />
        </div>
        {error && <Notice kind="error" title="无法加载">{error}</Notice>}
        {data && record && (
          <>
            <dl className="duty-facts" data-testid="officer-week-facts">
              <dt>周次</dt>
              <dd>{weekLabel(data.week)}</dd>
              <dt>所辖村（社区）</dt>
              <dd>{data.villages.length ? data.villages.map((v) => v.name).join('、') : <span className="duty-short">未分配</span>}</dd>
              <dt>完成 / 要求</dt>
              <dd className={reachesRequired(record) ? undefined : 'duty-short'}>{doneText(record)}</dd>
              {record.unit === 'days' && (
                <>
                  <dt>到村日期</dt>
                  <dd>{record.dates?.length ? record.dates.map(dateLabel).join('、') : '—'}</dd>
                  {record.excusedDates?.length ? (
                    <>
                      <dt>已报备日期</dt>
                      <dd>{record.excusedDates.map(dateLabel).join('、')}</dd>
                    </>
                  ) : null}
                </>
              )}
              {record.unit === 'hours' && record.sessionDate && (
                <>
                  <dt>驻村时段</dt>
                  <dd>
                    {dateLabel(record.sessionDate)}
                    {record.sessionStart && record.sessionEnd ? ` ${formatDateTime(record.sessionStart, zone).slice(11)}–${formatDateTime(record.sessionEnd, zone).slice(11)}` : ''}
                  </dd>
                </>
              )}
              <dt>评估时间</dt>
              <dd>{formatDateTime(data.evaluatedAt, zone)}</dd>
            </dl>
            <ul className="duty-reasons" data-testid="officer-week-reasons">
              {record.reasons.map((reason, i) => (
                <li key={i}>{reason}</li>
              ))}
            </ul>
          </>
        )}
      </Panel>

      {data && (
        <>
          <Panel
            title="本周走访"
            flush
            extra={
              <span className="muted">
                常规 {totals.regular} 次 · 补课 {totals.makeUp} 次 · 合计 {durationText(totals.minutes)}
                {totals.flagged ? ` · ${totals.flagged} 次签到位置异常` : ''}
              </span>
            }
          >
            <LightTable<VisitRow>
              rows={visits}
              rowKey={(v) => v.id}
              size="small"
              minWidth={820}
              testId="officer-week-visits"
              empty="本周暂无走访记录"
              rowProps={(v) => ({ 'data-testid': 'visit-row', 'data-make-up': v.makeUp ? 'true' : 'false' })}
              columns={[
                { key: 'village', title: '村（社区）', render: (v) => v.village },
                { key: 'in', title: '签到', width: 150, render: (v) => v.checkedIn },
                { key: 'out', title: '签退', width: 150, render: (v) => (v.open ? <span className="muted">{v.checkedOut}</span> : v.checkedOut) },
                { key: 'duration', title: '时长', width: 110, render: (v) => v.duration },
                { key: 'kind', title: '类型', width: 80, render: (v) => (v.makeUp ? <Tag color="purple">补课</Tag> : '常规') },
                { key: 'flag', title: '签到核验', width: 190, render: (v) => (v.flag ? <span className="duty-flag">{v.flag}</span> : <span className="muted">正常</span>) },
              ]}
            />
          </Panel>

          <Panel title="本周报备" flush>
            <LightTable<Absence>
              rows={data.absences}
              rowKey={(a) => a.id}
              size="small"
              minWidth={820}
              testId="officer-week-absences"
              empty="本周无报备"
              columns={[
                { key: 'date', title: '日期', width: 120, render: (a) => dateLabel(a.date) },
                { key: 'reason', title: '事由', render: (a) => a.reason },
                { key: 'status', title: '状态', width: 90, render: (a) => <AbsenceStatusTag status={a.status} /> },
                {
                  key: 'decided',
                  title: '审批',
                  width: 220,
                  render: (a) => (a.decidedByName ? `${a.decidedByName}${a.note ? `：${a.note}` : ''}` : <span className="muted">待活动办审批</span>),
                },
                {
                  key: 'makeUp',
                  title: '补课任务',
                  width: 200,
                  render: (a) =>
                    a.makeUp ? (
                      <span>
                        {amountWithUnit(a.makeUp.amount, a.makeUp.unit)} · 截止 {a.makeUp.dueDate} <MakeUpStatusTag status={a.makeUp.status} />
                      </span>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
          </Panel>

          <Panel title="补课任务" flush>
            <LightTable<MakeUpState>
              rows={data.makeUps}
              rowKey={(m) => `${m.week}-${m.absenceId}`}
              size="small"
              minWidth={820}
              testId="officer-week-make-ups"
              empty="暂无补课任务"
              rowProps={(m) => ({ 'data-testid': 'make-up-row', 'data-status': m.status })}
              columns={[
                { key: 'week', title: '所补周次', width: 110, render: (m) => m.week },
                { key: 'amount', title: '应补', width: 90, render: (m) => amountWithUnit(m.amount, m.unit) },
                { key: 'status', title: '状态', width: 100, render: (m) => <MakeUpStatusTag status={m.status} /> },
                { key: 'progress', title: '进度', render: (m) => <MakeUpProgress makeUp={m} /> },
                { key: 'visits', title: '补课走访', width: 100, render: (m) => `${m.visitIds.length} 次` },
              ]}
            />
          </Panel>
        </>
      )}
    </div>
  );
}
