'use client';

import { useState } from 'react';
import type { IndicatorId } from '@beatlink/shared/assessment/indicators';
import type { Appeal, SubjectScore } from '@beatlink/shared/assessment/views';
import { ApiError, describeError } from '../../lib/api-error';
import {
  appealStatusText,
  checkReason,
  formatPoints,
  hasOwnScores,
  indicatorName,
  itemView,
  openAppealOn,
  ownScores,
  periodFromSearch,
  periodLabel,
  rankText,
  reasonError,
  totalLines,
} from '../../lib/assessment-field/scores';
import { formatDateTime } from '../../lib/format';
import { useFieldSession, type FieldSession } from './session';
import { Failure, FieldBar, Loading } from './ui';
import { useLoad } from './use-load';
import './scores.css';

type Page<T> = { items: T[]; nextCursor?: string };

/** 我的考核 (phone, /m/scores): my published scores; `?period=` one score's items, with 申诉 per item; my appeals. */
export function MyScores() {
  const state = useFieldSession();
  return (
    <>
      <FieldBar title="我的考核" back="/m" />
      <main className="f-page">
        {state.kind === 'loading' && <Loading />}
        {state.kind === 'failed' && <Failure message={state.message} retry={state.retry} />}
        {state.kind === 'ready' && (hasOwnScores(state.session.me) ? <Scores session={state.session} /> : <p className="f-hint">您的角色不参加社区民警、包村民警量化考核。</p>)}
      </main>
    </>
  );
}

function Scores({ session }: { session: FieldSession }) {
  // Rendered only on the client (after the session), so the address is there to read.
  const [period] = useState(() => periodFromSearch(window.location.search));
  const appeals = useLoad(async () => (await session.api.get<Page<Appeal>>('/assessment/appeals', { limit: 100 })).items, [session]);
  const added = (appeal: Appeal) => appeals.update((list) => [appeal, ...list.filter((a) => a.id !== appeal.id)]);
  const appealList = appeals.state.kind === 'ready' ? appeals.state.data : [];
  return (
    <>
      {period ? <ScoreDetail session={session} period={period} appeals={appealList} onAppealed={added} /> : <ScoreList session={session} />}
      <section className="f-section" data-testid="m-appeals">
        <h2>我的申诉{period ? `（${periodLabel(period)}）` : ''}</h2>
        {appeals.state.kind === 'loading' && <Loading />}
        {appeals.state.kind === 'failed' && <Failure message={appeals.state.message} retry={appeals.retry} />}
        {appeals.state.kind === 'ready' && <AppealList appeals={period ? appealList.filter((a) => a.period === period) : appealList} />}
      </section>
    </>
  );
}

function ScoreList({ session }: { session: FieldSession }) {
  const { state, retry } = useLoad(async () => ownScores((await session.api.get<Page<SubjectScore>>('/assessment/scores', { limit: 50 })).items), [session]);
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'failed') return <Failure message={state.message} retry={retry} />;
  if (state.data.length === 0) return <p className="f-hint">暂无已发布的考核成绩（每月初自动考核上月）。</p>;
  return (
    <ul className="f-cards" data-testid="m-scores">
      {state.data.map((score) => (
        <li key={score.period}>
          <a className="f-matter-card f-score-card" href={`/m/scores?period=${encodeURIComponent(score.period)}`} data-testid="m-score" data-period={score.period}>
            <div className="f-score-head">
              <h3>{periodLabel(score.period)}</h3>
              <span className="f-score-total" data-testid="m-score-total">
                {formatPoints(score.total)}
                <small> 分</small>
              </span>
            </div>
            <div className="f-meta">
              <span className="f-badge">{score.group.label}</span>
              {rankText(score) && <span data-testid="m-score-rank">{rankText(score)}</span>}
              <span>查看明细 ›</span>
            </div>
          </a>
        </li>
      ))}
    </ul>
  );
}

function ScoreDetail({ session, period, appeals, onAppealed }: { session: FieldSession; period: string; appeals: readonly Appeal[]; onAppealed(appeal: Appeal): void }) {
  const officerId = session.me.officerId;
  const { state, retry } = useLoad(
    async () => (officerId ? session.api.get<SubjectScore>(`/assessment/scores/${encodeURIComponent(period)}/${encodeURIComponent(officerId)}`) : undefined),
    [session, period, officerId],
  );
  const [appealing, setAppealing] = useState<IndicatorId>();

  const back = (
    <a className="f-link f-scores-back" href="/m/scores">
      ‹ 全部考核
    </a>
  );
  if (!officerId) return <p className="f-error">您的账号未关联民警档案，无法查看考核。</p>;
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'failed') {
    return (
      <>
        <Failure message={state.message} retry={retry} />
        {back}
      </>
    );
  }
  const score = state.data;
  if (!score) return null;
  return (
    <>
      <section className="f-section" data-testid="m-score-detail" data-period={period}>
        <div className="f-score-head">
          <h2>{periodLabel(period)}</h2>
          <span className="f-score-total" data-testid="m-score-total">
            {formatPoints(score.total)}
            <small> 分</small>
          </span>
        </div>
        <div className="f-meta">
          <span className="f-badge">{score.group.label}</span>
          {rankText(score) && <span data-testid="m-score-rank">{rankText(score)}</span>}
          <span>第 {score.runVersion} 版</span>
          <span>计算于 {formatDateTime(score.computedAt)}</span>
        </div>
      </section>
      <ul className="f-score-items" data-testid="m-score-items">
        {score.items.map((item) => {
          const view = itemView(item);
          const open = openAppealOn(appeals, period, item.indicator);
          return (
            <li key={item.indicator} className={view.applicable ? 'f-score-item' : 'f-score-item f-score-na'} data-testid="m-score-item" data-indicator={item.indicator} data-applicable={view.applicable}>
              <div className="f-score-item-top">
                <strong>{view.label}</strong>
                <span className={view.deduction && item.points < 0 ? 'f-score-points f-score-minus' : 'f-score-points'} data-testid="m-score-points">
                  {view.score}
                </span>
              </div>
              <div className="f-score-raw" data-testid="m-score-raw">
                {view.raw}
              </div>
              <div className="f-muted">{view.basis}</div>
              {open ? (
                <p className="f-ok f-score-appealed" data-testid="m-appeal-submitted">
                  已提交申诉，等待处理
                </p>
              ) : appealing === item.indicator ? (
                <AppealForm session={session} period={period} indicator={item.indicator} onCancel={() => setAppealing(undefined)} onDone={(appeal) => {
                    setAppealing(undefined);
                    onAppealed(appeal);
                  }} />
              ) : (
                <button type="button" className="f-button f-button-secondary f-button-small f-score-appeal" onClick={() => setAppealing(item.indicator)} data-testid="m-appeal-open">
                  申诉
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {score.adjustments.length > 0 && (
        <section className="f-section" data-testid="m-score-adjustments">
          <h2>申诉调整</h2>
          <ul className="f-score-adjustments">
            {score.adjustments.map((a) => (
              <li key={a.appealId}>
                <strong>
                  {indicatorName(a.indicator)} {a.points > 0 ? '+' : ''}
                  {formatPoints(a.points)} 分
                </strong>
                <div className="f-muted">
                  {a.reason}（{a.byName}，{formatDateTime(a.at)}）
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ul className="f-list" data-testid="m-score-totals">
        {totalLines(score).map((line) => (
          <li key={line.label}>
            <span>{line.label}</span>
            <span>{line.value}</span>
          </li>
        ))}
      </ul>
      {back}
    </>
  );
}

/** 申诉 of one item: the reason (required); 400 → next to the field, 409 → already under appeal. */
function AppealForm({ session, period, indicator, onCancel, onDone }: { session: FieldSession; period: string; indicator: IndicatorId; onCancel(): void; onDone(appeal: Appeal): void }) {
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const id = `m-appeal-reason-${indicator}`;

  const submit = async () => {
    const invalid = checkReason(reason);
    setFieldError(invalid);
    setError(undefined);
    if (invalid) return;
    setBusy(true);
    try {
      onDone(await session.api.post<Appeal>('/assessment/appeals', { period, indicator, reason: reason.trim() }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setError('该项已有待处理的申诉，请等待考核办处理结果。');
      else if (err instanceof ApiError && err.status === 400 && reasonError(err.details)) setFieldError(reasonError(err.details));
      else setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="f-score-appeal-form"
      data-testid="m-appeal-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label className="f-label" htmlFor={id}>
        申诉理由<span className="f-req">*</span>
      </label>
      <textarea
        id={id}
        className={fieldError ? 'f-textarea f-invalid' : 'f-textarea'}
        value={reason}
        maxLength={1000}
        placeholder="说明该项得分有误的原因，如已报备、数据漏计等"
        onChange={(e) => setReason(e.target.value)}
        data-testid="m-appeal-reason"
      />
      {fieldError && (
        <p className="f-field-error" role="alert" data-testid="m-appeal-error-reason">
          {fieldError}
        </p>
      )}
      {error && (
        <p className="f-error f-score-form-error" role="alert" data-testid="m-appeal-error">
          {error}
        </p>
      )}
      <div className="f-buttons">
        <button type="button" className="f-button f-button-secondary" onClick={onCancel} disabled={busy}>
          取消
        </button>
        <button type="submit" className="f-button" disabled={busy} data-testid="m-appeal-submit">
          {busy ? '正在提交…' : '提交申诉'}
        </button>
      </div>
    </form>
  );
}

function AppealList({ appeals }: { appeals: readonly Appeal[] }) {
  if (appeals.length === 0) return <p className="f-hint">暂无申诉。</p>;
  return (
    <ul className="f-score-appeals" data-testid="m-appeal-list">
      {appeals.map((appeal) => (
        <li key={appeal.id} data-testid="m-appeal" data-appeal-id={appeal.id} data-status={appeal.status}>
          <div className="f-score-item-top">
            <strong>
              {periodLabel(appeal.period)} · {indicatorName(appeal.indicator)}
            </strong>
            <span className={`f-badge f-appeal-${appeal.status}`} data-testid="m-appeal-status">
              {appealStatusText(appeal)}
            </span>
          </div>
          <div className="f-score-raw">{appeal.reason}</div>
          {appeal.decision && (
            <div className="f-muted" data-testid="m-appeal-decision">
              处理意见：{appeal.decision.reason}（{appeal.decision.byName}，{formatDateTime(appeal.decision.at)}）
            </div>
          )}
          <div className="f-muted">提交于 {formatDateTime(appeal.createdAt)}</div>
        </li>
      ))}
    </ul>
  );
}
