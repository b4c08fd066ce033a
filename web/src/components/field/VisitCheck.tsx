'use client';

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { DutyWeek, Page, Visit } from '@beatlink/shared';
import type { Matter } from '@beatlink/shared/matters/views';
import { ApiError, describeError, isVersionConflict } from '../../lib/api-error';
import { durationText, flagText, localTime, minutesBetween, visitTimes } from '../../lib/field/duty';
import { accuracyText } from '../../lib/field/intake';
import { hasDutyWeek } from '../../lib/field/nav';
import { loadVillagesInReach, villageSourceFor, type VillageOption } from '../../lib/field/reach';
import {
  VISIT_LIMITS,
  checkInBody,
  checkOutBody,
  checkOutTime,
  emptyCheckOut,
  makeUpFromSearch,
  orderMattersForVisit,
  validateCheckIn,
  validateCheckOut,
  type CheckInDraft,
  type CheckInErrors,
  type CheckOutDraft,
  type CheckOutErrors,
} from '../../lib/field/visit';
import { newVisitKey, shouldQueue, type FlushResult, type QueuedCheckIn } from '../../lib/field/visit-queue';
import { formatDateTime } from '../../lib/format';
import { usePosition, type Position } from './position';
import { may, useFieldSession, type FieldSession } from './session';
import { Failure, FieldBar, FormRow, Loading } from './ui';
import { useLoad } from './use-load';
import { VisitQueueBanner, useVisitQueue, type VisitQueueState } from './VisitQueueBanner';
import './duty.css';

const ERR = 'm-visit-error-';

/** 入村签到 / 签退 (phone). */
export function VisitCheck() {
  const state = useFieldSession();
  return (
    <>
      <FieldBar title="入村签到" back="/m/duty" />
      <main className="f-page">
        {state.kind === 'loading' && <Loading />}
        {state.kind === 'failed' && <Failure message={state.message} retry={state.retry} />}
        {state.kind === 'ready' &&
          (may(state.session.me, 'duty.visit.write') ? <VisitDesk session={state.session} /> : <p className="f-hint">您的角色不能登记入村走访。</p>)}
      </main>
    </>
  );
}

/* ---------- the phone's position ---------- */

function PositionRow({ position, locate, testId }: { position: Position; locate: () => void; testId: string }) {
  return (
    <div className="f-field" data-field="position">
      <span className="f-label">当前位置</span>
      {position.kind === 'ok' && (
        <div className="f-row">
          <span data-testid={testId}>
            {position.fix.lat.toFixed(5)}, {position.fix.lng.toFixed(5)}
            <br />
            <span className="f-muted" data-testid={`${testId}-accuracy`}>
              {accuracyText(position.fix.accuracy)}
            </span>
          </span>
          <button type="button" className="f-button f-button-secondary f-button-small" onClick={locate}>
            重新定位
          </button>
        </div>
      )}
      {position.kind === 'locating' && <p className="f-hint">正在获取位置…</p>}
      {(position.kind === 'failed' || position.kind === 'idle') && (
        <>
          {position.kind === 'failed' && (
            <p className="f-field-error" data-testid={`${testId}-error`}>
              {position.message}
            </p>
          )}
          <button type="button" className="f-button f-button-secondary" onClick={locate} style={{ marginTop: 6 }} data-testid={`${testId}-locate`}>
            获取位置
          </button>
          <p className="f-muted">未获取位置也可继续，记录将标记待核查。</p>
        </>
      )}
    </div>
  );
}

/* ---------- the desk: what is running, the forms ---------- */


type Done = { visit?: Visit; queued: boolean; villageName: string };

const villagesCacheKey = (session: FieldSession) => `beatlink.field.villages.${session.me.tenantId ?? '-'}.${session.me.username}`;

/** The villages in reach; the last list seen is kept on the phone for a page loaded on a weak signal. */
async function villagesWithCache(session: FieldSession): Promise<VillageOption[]> {
  try {
    const villages = await loadVillagesInReach(session.api, villageSourceFor(session.me));
    try {
      localStorage.setItem(villagesCacheKey(session), JSON.stringify(villages));
    } catch {
      // Only a cache.
    }
    return villages;
  } catch (error) {
    try {
      const cached = JSON.parse(localStorage.getItem(villagesCacheKey(session)) ?? 'null') as VillageOption[] | null;
      if (cached) return cached;
    } catch {
      // No cache: the error below.
    }
    throw error;
  }
}

/** The visit still open on the server: GET /duty/week's `openVisit`, else the own latest visits. */
async function loadOpenVisit(session: FieldSession): Promise<Visit | undefined> {
  if (!hasDutyWeek(session.me)) return (await session.api.get<Page<Visit>>('/visits', { limit: 50 })).items.find((v) => v.status === 'open');
  try {
    return (await session.api.get<DutyWeek>('/duty/week')).openVisit;
  } catch (error) {
    if (error instanceof ApiError && error.status === 0) throw error;
    // Not a duty officer (a station chief), or the week not available: his own visits tell.
    const page = await session.api.get<Page<Visit>>('/visits', { limit: 50 });
    return page.items.find((v) => v.status === 'open');
  }
}

function VisitDesk({ session }: { session: FieldSession }) {
  const { state, reload, retry, update } = useLoad(async (): Promise<{ open?: Visit; villages: VillageOption[] }> => {
    const [open, villages] = await Promise.all([loadOpenVisit(session).catch(() => undefined), villagesWithCache(session)]);
    return { open, villages };
  }, [session]);
  const [notice, setNotice] = useState<{ text: string; flagged: boolean }>();
  const [done, setDone] = useState<Done>();

  const onSent = useCallback((result: FlushResult) => {
    // A queued check-in went: its visit is now the open one (without waiting for a reload).
    const opened = result.sent.filter((s) => s.item.kind === 'check-in' && s.visit.status === 'open').pop()?.visit;
    if (opened) update((d) => ({ ...d, open: opened }));
    reload();
  }, [update, reload]);
  const queue = useVisitQueue(session, onSent);

  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'failed') return <Failure message={state.message} retry={retry} />;
  const load = state.data;

  const pending = queue.queue.pendingCheckIn();
  const serverOpen = load.open && !queue.items.some((i) => i.kind === 'check-out' && i.visitId === load.open!.id) ? load.open : undefined;

  const again = () => {
    setDone(undefined);
    setNotice(undefined);
    update((d) => ({ ...d, open: undefined }));
    reload();
  };

  return (
    <>
      <VisitQueueBanner state={queue} />
      {done ? (
        <CheckedOut done={done} onAgain={again} />
      ) : pending ? (
        <CheckOut session={session} queue={queue} running={{ kind: 'queued', item: pending }} notice={notice} onDone={setDone} />
      ) : serverOpen ? (
        <CheckOut
          session={session}
          queue={queue}
          running={{ kind: 'server', visit: serverOpen }}
          notice={notice}
          onDone={setDone}
          onStale={reload}
        />
      ) : (
        <CheckIn
          session={session}
          queue={queue}
          villages={load.villages}
          onCheckedIn={(visit) => {
            setNotice(flagText(visit.checkInFlag));
            update((d) => ({ ...d, open: visit }));
          }}
          onQueued={() => setNotice(undefined)}
        />
      )}
    </>
  );
}

/* ---------- check-in ---------- */

function CheckIn({
  session,
  queue,
  villages,
  onCheckedIn,
  onQueued,
}: {
  session: FieldSession;
  queue: VisitQueueState;
  villages: VillageOption[];
  onCheckedIn: (visit: Visit) => void;
  onQueued: () => void;
}) {
  const [draft, setDraft] = useState<CheckInDraft>(() => ({
    villageId: villages.length === 1 ? villages[0]!.id : '',
    note: '',
    makeUp: makeUpFromSearch(window.location.search),
  }));
  const [errors, setErrors] = useState<CheckInErrors>({});
  const [general, setGeneral] = useState<string>();
  const [sending, setSending] = useState(false);
  const { position, locate, fix } = usePosition(true);

  if (villages.length === 0) return <p className="f-hint">您的责任区内没有可选的村（社区），请联系活动办。</p>;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const found = validateCheckIn(draft);
    setErrors(found);
    setGeneral(undefined);
    if (Object.keys(found).length > 0) return;
    const villageName = villages.find((v) => v.id === draft.villageId)?.name ?? '';
    // One key from the first attempt on: if this one arrives and its answer is lost, the queued resend is the same request.
    const key = newVisitKey();
    const body = checkInBody(draft, new Date(), fix);
    const toQueue = () => {
      try {
        queue.queue.enqueueCheckIn(body, villageName, key);
        queue.refresh();
        onQueued();
      } catch (error) {
        setGeneral(describeError(error));
      }
    };
    if (!navigator.onLine) return toQueue();
    setSending(true);
    try {
      onCheckedIn(await session.api.post<Visit>('/visits', body, { idempotencyKey: key }));
    } catch (error) {
      if (shouldQueue(error, navigator.onLine)) toQueue();
      else setGeneral(describeError(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="m-visit-checkin-form">
      {general && (
        <p className="f-error" role="alert" data-testid="m-visit-error">
          {general}
        </p>
      )}
      <section className="f-section">
        <FormRow label="村（社区）" name="village" required error={errors.village} errorPrefix={ERR} htmlFor="m-visit-village">
          <select
            id="m-visit-village"
            className={errors.village ? 'f-input f-invalid' : 'f-input'}
            value={draft.villageId}
            onChange={(e) => {
              setDraft((d) => ({ ...d, villageId: e.target.value }));
              setErrors(({ village: _gone, ...rest }) => rest);
            }}
            data-testid="m-visit-village"
          >
            <option value="">请选择</option>
            {villages.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        </FormRow>
        <PositionRow position={position} locate={locate} testId="m-visit-position" />
        <FormRow label="备注（可选）" name="note" error={errors.note} errorPrefix={ERR} htmlFor="m-visit-note">
          <textarea
            id="m-visit-note"
            className={errors.note ? 'f-textarea f-invalid' : 'f-textarea'}
            style={{ minHeight: 70 }}
            value={draft.note}
            maxLength={VISIT_LIMITS.note * 2}
            onChange={(e) => setDraft((d) => ({ ...d, note: e.target.value }))}
            placeholder="如：到村委会报到"
            data-testid="m-visit-note"
          />
        </FormRow>
        <label className="f-check" htmlFor="m-visit-makeup">
          <input id="m-visit-makeup" type="checkbox" checked={draft.makeUp} onChange={(e) => setDraft((d) => ({ ...d, makeUp: e.target.checked }))} data-testid="m-visit-makeup" />
          补课走访（用于完成报备后的补课任务）
        </label>
      </section>
      <button className="f-button f-button-big" type="submit" disabled={sending || position.kind === 'locating'} data-testid="m-visit-checkin">
        {sending ? '正在签到…' : position.kind === 'locating' ? '正在定位…' : '签到'}
      </button>
      {position.kind === 'locating' && (
        <button type="button" className="f-linkbutton" onClick={() => void submit({ preventDefault: () => undefined } as FormEvent)} data-testid="m-visit-checkin-now">
          不等定位，直接签到
        </button>
      )}
    </form>
  );
}

/* ---------- the running visit and check-out ---------- */

type Running = { kind: 'server'; visit: Visit } | { kind: 'queued'; item: QueuedCheckIn };

function runningFacts(running: Running) {
  return running.kind === 'server'
    ? { villageId: running.visit.villageId, villageName: running.visit.villageName, at: running.visit.checkedInAt, makeUp: running.visit.makeUp }
    : { villageId: running.item.body.villageId, villageName: running.item.villageName, at: running.item.body.at, makeUp: running.item.body.makeUp };
}

function useNow(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

function CheckOut({
  session,
  queue,
  running,
  notice,
  onDone,
  onStale,
}: {
  session: FieldSession;
  queue: VisitQueueState;
  running: Running;
  notice?: { text: string; flagged: boolean };
  onDone: (done: Done) => void;
  onStale?: () => void;
}) {
  const facts = runningFacts(running);
  const now = useNow(30_000);
  const [draft, setDraft] = useState<CheckOutDraft>(emptyCheckOut);
  const [errors, setErrors] = useState<CheckOutErrors>({});
  const [general, setGeneral] = useState<string>();
  const [sending, setSending] = useState(false);
  const { position, locate, fix } = usePosition(true);
  const flag = running.kind === 'server' ? (notice ?? flagText(running.visit.checkInFlag)) : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const found = validateCheckOut(draft);
    setErrors(found);
    setGeneral(undefined);
    if (Object.keys(found).length > 0) return;
    const at = checkOutTime(facts.at, new Date());
    const key = newVisitKey();
    const queueIt = (target: { visitId: string } | { afterId: string }, version: number) => {
      try {
        queue.queue.enqueueCheckOut(target, checkOutBody(draft, version, at, fix), facts.villageName, key);
        queue.refresh();
        onDone({ queued: true, villageName: facts.villageName });
      } catch (error) {
        setGeneral(describeError(error));
      }
    };
    if (running.kind === 'queued') return queueIt({ afterId: running.item.id }, 1);
    const body = checkOutBody(draft, running.visit.version, at, fix);
    if (!navigator.onLine) return queueIt({ visitId: running.visit.id }, running.visit.version);
    setSending(true);
    try {
      const visit = await session.api.post<Visit>(`/visits/${encodeURIComponent(running.visit.id)}/check-out`, body, { idempotencyKey: key });
      onDone({ visit, queued: false, villageName: facts.villageName });
    } catch (error) {
      if (shouldQueue(error, navigator.onLine)) queueIt({ visitId: running.visit.id }, running.visit.version);
      else {
        setGeneral(describeError(error));
        if (isVersionConflict(error) || (error instanceof ApiError && error.status === 409)) onStale?.();
      }
    } finally {
      setSending(false);
    }
  };

  const set = <K extends keyof CheckOutDraft>(key: K, value: CheckOutDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  return (
    <>
      <section className="f-section f-running" data-testid="m-visit-running" data-kind={running.kind}>
        <div className="f-item-head">
          <h2 style={{ margin: 0, fontSize: 18 }} data-testid="m-visit-running-village">
            {facts.villageName}
          </h2>
          <span>
            {facts.makeUp && <span className="f-badge f-badge-makeup">补课</span>}{' '}
            {running.kind === 'queued' ? <span className="f-badge f-badge-pending">待发送</span> : <span className="f-badge">走访中</span>}
          </span>
        </div>
        <p style={{ margin: '8px 0 0' }}>
          <span className="f-muted">签到于 {localTime(facts.at)} · 已在村</span> <span className="f-big-number">{durationText(minutesBetween(facts.at, now))}</span>
        </p>
        {running.kind === 'queued' && <p className="f-muted">签到已保存在本机，网络恢复后自动发送（按签到时的时间登记）。</p>}
        {flag && (
          <p className={flag.flagged ? 'f-flag' : 'f-flag f-flag-quiet'} role="status" data-testid="m-visit-flag">
            {flag.flagged ? '⚠ ' : ''}
            {flag.text}
          </p>
        )}
        {running.kind === 'server' && notice === undefined && <p className="f-muted">{visitTimes(running.visit)}</p>}
      </section>

      <form onSubmit={submit} noValidate data-testid="m-visit-checkout-form">
        {general && (
          <p className="f-error" role="alert" data-testid="m-visit-error">
            {general}
          </p>
        )}
        <section className="f-section">
          <h2>签退登记</h2>
          <div className="f-numbers">
            <FormRow label="入户走访（户）" name="households" error={errors.households} errorPrefix={ERR} htmlFor="m-visit-households">
              <input
                id="m-visit-households"
                className={errors.households ? 'f-input f-invalid' : 'f-input'}
                inputMode="numeric"
                pattern="[0-9]*"
                value={draft.households}
                onChange={(e) => set('households', e.target.value)}
                placeholder="0"
                data-testid="m-visit-households"
              />
            </FormRow>
            <FormRow label="走访群众（人）" name="people" error={errors.people} errorPrefix={ERR} htmlFor="m-visit-people">
              <input
                id="m-visit-people"
                className={errors.people ? 'f-input f-invalid' : 'f-input'}
                inputMode="numeric"
                pattern="[0-9]*"
                value={draft.people}
                onChange={(e) => set('people', e.target.value)}
                placeholder="0"
                data-testid="m-visit-people"
              />
            </FormRow>
          </div>
          <FormRow label="走访情况（可选）" name="notes" error={errors.notes} errorPrefix={ERR} htmlFor="m-visit-notes">
            <textarea
              id="m-visit-notes"
              className={errors.notes ? 'f-textarea f-invalid' : 'f-textarea'}
              value={draft.notes}
              onChange={(e) => set('notes', e.target.value)}
              placeholder="如：走访独居老人 3 户，调解邻里纠纷 1 起"
              data-testid="m-visit-notes"
            />
          </FormRow>
          <FormRow label="本次发现的事项（可选）" name="matters" error={errors.matters} errorPrefix={ERR}>
            <MatterPicker session={session} villageId={facts.villageId} since={facts.at} value={draft.matterIds} onChange={(ids) => set('matterIds', ids)} />
          </FormRow>
          <PositionRow position={position} locate={locate} testId="m-visit-checkout-position" />
        </section>
        <button className="f-button f-button-big f-button-checkout" type="submit" disabled={sending} data-testid="m-visit-checkout">
          {sending ? '正在签退…' : '签退'}
        </button>
      </form>
    </>
  );
}

type MatterList = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; items: Matter[] };

/** The officer's recent matters (我录入的), those of the visited village first, to link to the visit. */
function MatterPicker({ session, villageId, since, value, onChange }: { session: FieldSession; villageId: string; since: string; value: string[]; onChange: (ids: string[]) => void }) {
  const [list, setList] = useState<MatterList>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    session.api
      .get<Page<Matter>>('/matters', { inbox: 'reported', limit: 20 })
      .then((page) => !cancelled && setList({ kind: 'ready', items: orderMattersForVisit(page.items, villageId) }))
      .catch((error: unknown) => !cancelled && setList({ kind: 'failed', message: describeError(error) }));
    return () => {
      cancelled = true;
    };
  }, [session, villageId, attempt]);

  if (list.kind === 'loading') return <Loading text="正在加载我录入的事项…" />;
  if (list.kind === 'failed')
    return (
      <p className="f-muted">
        无法加载事项列表（{list.message}），可不关联直接签退。{' '}
        <button type="button" className="f-linkbutton" onClick={() => setAttempt((n) => n + 1)}>
          重试
        </button>
      </p>
    );
  if (list.items.length === 0)
    return (
      <p className="f-muted">
        暂无我录入的事项。走访中发现的问题可先 <a href="/m/intake">录入事项</a>，再回来签退关联。
      </p>
    );
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id));
  return (
    <>
      <ul className="f-check-list" data-testid="m-visit-matters">
        {list.items.map((matter) => {
          const id = `m-visit-matter-${matter.id}`;
          return (
            <li key={matter.id}>
              <label htmlFor={id}>
                <input id={id} type="checkbox" checked={value.includes(matter.id)} onChange={(e) => toggle(matter.id, e.target.checked)} data-testid={id} />
                <span>
                  {matter.title}
                  <span className="f-meta">
                    <span>{matter.villageName}</span>
                    <span>{formatDateTime(matter.createdAt)}</span>
                    {matter.villageId === villageId && matter.createdAt >= since && <span className="f-badge">本次走访</span>}
                  </span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      <p className="f-muted">
        还没录入？<a href="/m/intake">录入事项</a>后回到本页即可关联。
      </p>
    </>
  );
}

/* ---------- after check-out ---------- */

function CheckedOut({ done, onAgain }: { done: Done; onAgain: () => void }) {
  return (
    <div data-testid="m-visit-done" data-queued={done.queued ? 'true' : 'false'}>
      {done.queued ? (
        <p className="f-ok" role="status" style={{ background: '#fff4e0', color: '#9a5b00' }}>
          签退已保存在本机（待发送），网络恢复后自动发送，不会重复登记。
        </p>
      ) : (
        <p className="f-ok" role="status">
          已签退
        </p>
      )}
      <section className="f-section">
        <h2>{done.villageName}</h2>
        {done.visit && (
          <dl className="f-facts">
            <dt>时间</dt>
            <dd>{visitTimes(done.visit)}</dd>
            <dt>时长</dt>
            <dd data-testid="m-visit-done-duration">{durationText(done.visit.minutes)}</dd>
            <dt>入户</dt>
            <dd>{done.visit.householdsVisited} 户</dd>
            <dt>走访群众</dt>
            <dd>{done.visit.peopleTalkedTo} 人</dd>
            <dt>关联事项</dt>
            <dd>{done.visit.matterIds.length} 件</dd>
          </dl>
        )}
      </section>
      <div className="f-buttons">
        <a href="/m/duty" className="f-button f-button-secondary" data-testid="m-visit-to-week">
          查看我的本周
        </a>
        <button type="button" className="f-button" onClick={onAgain} data-testid="m-visit-again">
          再次签到
        </button>
      </div>
    </div>
  );
}
