'use client';

import { useCallback, useEffect, useState } from 'react';
import type { DutyWeek, Visit } from '@beatlink/shared';
import { describeError } from '../../lib/api-error';
import {
  STATUS_CLASS,
  addWeeks,
  currentWeek,
  dateLabel,
  durationText,
  dutyRoleOf,
  flagText,
  requirementLine,
  statusText,
  visitTimes,
  weekFromSearch,
  weekRange,
  weekTitle,
} from '../../lib/field/duty';
import { AbsenceList, MakeUpList } from './DutyLists';
import { may, useFieldSession, type FieldSession } from './session';
import { Failure, FieldBar, Loading } from './ui';
import { VisitQueueBanner, useVisitQueue } from './VisitQueueBanner';
import './duty.css';

/** 我的本周 (phone): the week's duty status so far, its visits, absence reports and make-ups. */
export function MyWeek() {
  const state = useFieldSession();
  return (
    <>
      <FieldBar title="我的本周" />
      <main className="f-page">
        {state.kind === 'loading' && <Loading />}
        {state.kind === 'failed' && <Failure message={state.message} retry={state.retry} />}
        {state.kind === 'ready' &&
          (may(state.session.me, 'duty.read') && dutyRoleOf(state.session.me.roles) ? (
            <Week session={state.session} />
          ) : (
            <p className="f-hint">您的角色没有入村值守任务。</p>
          ))}
      </main>
    </>
  );
}

type Load = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; data: DutyWeek };

function Week({ session }: { session: FieldSession }) {
  const [week, setWeek] = useState<string | undefined>(() => weekFromSearch(window.location.search));
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const queue = useVisitQueue(session, reload);

  useEffect(() => {
    let cancelled = false;
    session.api
      .get<DutyWeek>('/duty/week', { week })
      .then((data) => !cancelled && setLoad({ kind: 'ready', data }))
      .catch((error: unknown) => !cancelled && setLoad({ kind: 'failed', message: describeError(error) }));
    return () => {
      cancelled = true;
    };
  }, [session, week, attempt]);

  const shown = load.kind === 'ready' ? load.data.week : week;
  const thisWeek = load.kind === 'ready' ? currentWeek(new Date(), load.data.timeZone) : undefined;
  const go = (step: number) => {
    if (!shown) return;
    const next = addWeeks(shown, step);
    setLoad({ kind: 'loading' });
    setWeek(next);
    window.history.replaceState(null, '', `/m/duty?week=${next}`);
  };

  const pendingCheckIn = queue.queue.pendingCheckIn();
  const running = load.kind === 'ready' ? load.data.openVisit : undefined;
  // A check-out of the open visit already waiting in the queue: the visit is over on this phone.
  const runningHere = (running && !queue.items.some((i) => i.kind === 'check-out' && i.visitId === running.id)) || pendingCheckIn;

  return (
    <>
      <VisitQueueBanner state={queue} />
      <div className="f-weeknav">
        <button type="button" onClick={() => go(-1)} disabled={!shown} data-testid="duty-prev-week">
          ‹ 上一周
        </button>
        <div data-testid="duty-week" data-week={shown}>
          <strong>{shown ? weekTitle(shown) : '本周'}</strong>
          {shown && <span>{weekRange(shown)}</span>}
        </div>
        <button type="button" onClick={() => go(1)} disabled={!shown || !thisWeek || shown >= thisWeek} data-testid="duty-next-week">
          下一周 ›
        </button>
      </div>

      <a
        href="/m/visit"
        className={runningHere ? 'f-button f-button-big f-button-checkout' : 'f-button f-button-big'}
        data-testid="duty-visit-button"
      >
        {runningHere ? '签退' : '入村签到'}
      </a>

      {load.kind === 'loading' && <Loading />}
      {load.kind === 'failed' && (
        <Failure
          message={load.message}
          retry={() => {
            setLoad({ kind: 'loading' });
            reload();
          }}
        />
      )}
      {load.kind === 'ready' && <WeekBody data={load.data} />}
    </>
  );
}

function WeekBody({ data }: { data: DutyWeek }) {
  const { record } = data;
  const status = statusText(record);
  const line = requirementLine(record, data.timeZone);
  return (
    <>
      <section className="f-section" data-testid="duty-card">
        <div className="f-duty-head">
          <span className={`f-duty-badge ${STATUS_CLASS[record.status] ?? ''}`} data-testid="duty-status" data-status={record.status}>
            {status.label}
          </span>
          {status.soFar && (
            <span className="f-muted" data-testid="duty-so-far">
              截至目前
            </span>
          )}
        </div>
        <p className="f-duty-line" data-testid="duty-requirement">
          {line.text}
        </p>
        <div className={line.percent >= 100 ? 'f-progress f-progress-big f-progress-done' : 'f-progress f-progress-big'} aria-hidden="true">
          <span style={{ width: `${line.percent}%` }} />
        </div>
        {record.unit === 'days' && (record.dates?.length ?? 0) > 0 && <p className="f-muted">入村日期：{record.dates!.map(dateLabel).join('、')}</p>}
        {(record.excusedDates?.length ?? 0) > 0 && <p className="f-muted">已报备日期：{record.excusedDates!.map(dateLabel).join('、')}</p>}
        {data.villages.length > 0 && <p className="f-muted">责任村（社区）：{data.villages.map((v) => v.name).join('、')}</p>}
        {record.reasons.length > 0 && (
          <ul className="f-reasons" data-testid="duty-reasons">
            {record.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        )}
      </section>

      <section className="f-section" data-testid="duty-visits">
        <h2>本周走访（{data.visits.length}）</h2>
        {data.visits.length === 0 ? <p className="f-hint">本周还没有走访记录。</p> : <VisitList visits={data.visits} timeZone={data.timeZone} />}
      </section>

      <section className="f-section" data-testid="duty-absences">
        <div className="f-row">
          <h2 className="f-h2">报备</h2>
          <a href={`/m/absence?week=${data.week}`} className="f-button f-button-secondary f-button-small" data-testid="duty-absence-link">
            报备缺勤
          </a>
        </div>
        {data.absences.length === 0 ? (
          <p className="f-hint" style={{ marginTop: 12 }}>
            本周没有报备。
          </p>
        ) : (
          <AbsenceList absences={data.absences} />
        )}
      </section>

      <section className="f-section" data-testid="duty-makeups">
        <h2>补课任务</h2>
        {data.makeUps.length === 0 ? <p className="f-hint">没有待完成的补课。</p> : <MakeUpList makeUps={data.makeUps} />}
      </section>
    </>
  );
}

function VisitList({ visits, timeZone }: { visits: Visit[]; timeZone: string }) {
  return (
    <ul className="f-items">
      {visits.map((visit) => {
        const flag = flagText(visit.checkInFlag);
        return (
          <li key={visit.id} data-testid="duty-visit" data-visit-id={visit.id} data-flagged={visit.checkInFlag?.flagged ? 'true' : 'false'}>
            <div className="f-item-head">
              <span>{visit.villageName}</span>
              <span>
                {visit.makeUp && <span className="f-badge f-badge-makeup">补课</span>}{' '}
                <span className="f-badge">{visit.status === 'open' ? '进行中' : durationText(visit.minutes)}</span>
              </span>
            </div>
            <div className="f-meta">
              <span>{visitTimes(visit, timeZone)}</span>
              {visit.status === 'closed' && (
                <span>
                  入户 {visit.householdsVisited} 户 · 走访 {visit.peopleTalkedTo} 人
                  {visit.matterIds.length > 0 ? ` · 事项 ${visit.matterIds.length} 件` : ''}
                </span>
              )}
            </div>
            {flag && (
              <p className={flag.flagged ? 'f-flag' : 'f-flag f-flag-quiet'} data-testid="duty-visit-flag">
                {flag.flagged ? '⚠ ' : ''}
                {flag.text}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
