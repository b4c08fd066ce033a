'use client';

import { useMemo, useState, type FormEvent } from 'react';
import type { Page, TenantConfigRecord } from '@beatlink/shared';
import type { Absence } from '@beatlink/shared/duty/absence-rules';
import { ApiError, describeError } from '../../lib/api-error';
import {
  ABSENCE_REASON_MAX,
  DEFAULT_TIME_ZONE,
  absenceBody,
  absenceFieldOfPath,
  addWeeks,
  currentWeek,
  dateLabel,
  defaultAbsenceDate,
  dutyRoleOf,
  localDate,
  validateAbsence,
  weekDates,
  weekFromSearch,
  weekRange,
  weekTitle,
  type AbsenceDraft,
  type AbsenceErrors,
} from '../../lib/field/duty';
import { AbsenceList } from './DutyLists';
import { loadConfig, may, useFieldSession, type FieldSession } from './session';
import { Failure, FieldBar, FormRow, Loading } from './ui';
import { useLoad } from './use-load';
import './duty.css';
import { splitDetails } from '../../lib/form-errors';

const ERR = 'm-absence-error-';
/** How many weeks ahead one may report (this week and the next three). */
const WEEKS_AHEAD = 4;
/** The default session day when the configuration cannot be read (Tuesday, 每周二下午). */
const DEFAULT_WEEKDAY = 2;

/** 报备 (phone): report beforehand that one cannot go to the villages; the own reports and their make-ups. */
export function AbsenceReports() {
  const state = useFieldSession();
  return (
    <>
      <FieldBar title="报备" back="/m/duty" />
      <main className="f-page">
        {state.kind === 'loading' && <Loading />}
        {state.kind === 'failed' && <Failure message={state.message} retry={state.retry} />}
        {state.kind === 'ready' &&
          (may(state.session.me, 'duty.absence.file') && dutyRoleOf(state.session.me.roles) ? (
            <AbsenceDesk session={state.session} />
          ) : (
            <p className="f-hint">您的角色不需要报备。</p>
          ))}
      </main>
    </>
  );
}

function AbsenceDesk({ session }: { session: FieldSession }) {
  const { state, retry, update } = useLoad(
    async () => {
      const [config, page] = await Promise.all([loadConfig(session).catch(() => undefined), session.api.get<Page<Absence>>('/absences', { limit: 50 })]);
      return { config, absences: page.items };
    },
    [session],
  );

  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'failed') return <Failure message={state.message} retry={retry} />;
  const load = state.data;
  const sorted = [...load.absences].sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
  return (
    <>
      <AbsenceForm session={session} config={load.config} onFiled={(absence) => update((d) => ({ ...d, absences: [absence, ...d.absences.filter((a) => a.id !== absence.id)] }))} />
      <section className="f-section" data-testid="m-absence-list">
        <h2>我的报备</h2>
        {sorted.length === 0 ? <p className="f-hint">还没有报备记录。</p> : <AbsenceList absences={sorted} showWeek />}
      </section>
    </>
  );
}

function AbsenceForm({ session, config, onFiled }: { session: FieldSession; config: TenantConfigRecord | undefined; onFiled: (absence: Absence) => void }) {
  const role = dutyRoleOf(session.me.roles);
  const timeZone = config?.timeZone ?? DEFAULT_TIME_ZONE;
  const weekday = config?.duty.contactOfficerWeekday ?? DEFAULT_WEEKDAY;
  const [today] = useState(() => localDate(new Date(), timeZone));
  const thisWeek = currentWeek(new Date(), timeZone);
  const weeks = useMemo(() => Array.from({ length: WEEKS_AHEAD }, (_, i) => addWeeks(thisWeek, i)), [thisWeek]);
  const [draft, setDraft] = useState<AbsenceDraft>(() => {
    const asked = weekFromSearch(window.location.search);
    const week = asked && weeks.includes(asked) ? asked : thisWeek;
    return { week, date: firstAllowed(defaultAbsenceDate(role, week, weekday), today), reason: '' };
  });
  const [errors, setErrors] = useState<AbsenceErrors>({});
  const [general, setGeneral] = useState<string>();
  const [filed, setFiled] = useState<Absence>();
  const [sending, setSending] = useState(false);
  /** One Idempotency-Key per draft: a retried submit of the same report is filed once. */
  const [key, setKey] = useState(() => `absence-${crypto.randomUUID()}`);

  const dates = weekDates(draft.week).filter((d) => d >= today);
  const sessionDate = role === 'contact_officer' ? defaultAbsenceDate(role, draft.week, weekday) : undefined;

  const setWeek = (week: string) => {
    setDraft((d) => ({ ...d, week, date: firstAllowed(defaultAbsenceDate(role, week, weekday), today) }));
    setErrors(({ week: _w, date: _d, ...rest }) => rest);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const found = validateAbsence(draft, role, today, sessionDate);
    setErrors(found);
    setGeneral(undefined);
    setFiled(undefined);
    if (Object.keys(found).length > 0) return;
    setSending(true);
    try {
      const absence = await session.api.post<Absence>('/absences', absenceBody(draft), { idempotencyKey: key });
      setFiled(absence);
      onFiled(absence);
      setDraft((d) => ({ ...d, reason: '' }));
      setKey(`absence-${crypto.randomUUID()}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.details.length > 0) {
        const { fields, rest } = splitDetails(error.details, absenceFieldOfPath, (message) => describeError(new ApiError(400, 'VALIDATION_FAILED', message)));
        setErrors(fields);
        if (rest.length > 0 || Object.keys(fields).length === 0) setGeneral(rest[0] ?? describeError(error));
      } else if (error instanceof ApiError && error.status === 0) {
        setGeneral('网络不佳，报备未提交。请稍后再点“提交报备”（不会重复提交）。');
      } else {
        setGeneral(describeError(error));
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="m-absence-form">
      {filed && (
        <p className="f-ok" role="status" data-testid="m-absence-filed">
          已提交 {dateLabel(filed.date)} 的报备，等待活动办审批；批准后须在期限内补课。
        </p>
      )}
      {general && (
        <p className="f-error" role="alert" data-testid="m-absence-error">
          {general}
        </p>
      )}
      <section className="f-section">
        <h2>报备缺勤</h2>
        <p className="f-muted" style={{ margin: '0 0 12px' }}>
          不能按规定入村时，须在缺勤之前报备并说明事由。批准后将生成补课任务{role === 'contact_officer' ? '（补足当次时长）' : '（补足 1 天）'}。
        </p>
        <FormRow label="周次" name="week" required error={errors.week} errorPrefix={ERR} htmlFor="m-absence-week">
          <select id="m-absence-week" className="f-input" value={draft.week} onChange={(e) => setWeek(e.target.value)} data-testid="m-absence-week">
            {weeks.map((week) => (
              <option key={week} value={week}>
                {weekTitle(week)}（{weekRange(week)}）
              </option>
            ))}
          </select>
        </FormRow>
        <FormRow label={role === 'contact_officer' ? '日期（默认为本周驻村日）' : '不能到岗的日期'} name="date" required={role !== 'contact_officer'} error={errors.date} errorPrefix={ERR} htmlFor="m-absence-date">
          <select
            id="m-absence-date"
            className={errors.date ? 'f-input f-invalid' : 'f-input'}
            value={draft.date}
            onChange={(e) => {
              setDraft((d) => ({ ...d, date: e.target.value }));
              setErrors(({ date: _gone, ...rest }) => rest);
            }}
            data-testid="m-absence-date"
          >
            <option value="">请选择</option>
            {dates.map((date) => (
              <option key={date} value={date}>
                {dateLabel(date)}
                {date === sessionDate ? ' · 驻村日' : ''}
              </option>
            ))}
          </select>
        </FormRow>
        <FormRow label="事由" name="reason" required error={errors.reason} errorPrefix={ERR} htmlFor="m-absence-reason">
          <textarea
            id="m-absence-reason"
            className={errors.reason ? 'f-textarea f-invalid' : 'f-textarea'}
            value={draft.reason}
            onChange={(e) => {
              setDraft((d) => ({ ...d, reason: e.target.value }));
              setErrors(({ reason: _gone, ...rest }) => rest);
            }}
            placeholder="如：参加市局集中培训"
            data-testid="m-absence-reason"
          />
          <div className="f-count">
            {Array.from(draft.reason.trim()).length}/{ABSENCE_REASON_MAX}
          </div>
        </FormRow>
      </section>
      <button className="f-button" type="submit" disabled={sending} data-testid="m-absence-submit">
        {sending ? '正在提交…' : '提交报备'}
      </button>
      <a className="f-link" href={`/m/duty?week=${draft.week}`}>
        查看本周值守情况
      </a>
    </form>
  );
}

/** A default date that has already passed is no default: the officer picks one. */
function firstAllowed(date: string, today: string): string {
  return date && date >= today ? date : '';
}
