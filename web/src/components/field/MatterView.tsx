'use client';

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { TenantConfigRecord } from '@beatlink/shared';
import {
  DISPUTE_STAGE_LABELS,
  DISPUTE_TYPE_LABELS,
  MATTER_KIND_LABELS,
  MATTER_OUTCOMES,
  MATTER_OUTCOME_LABELS,
  MATTER_SOURCE_LABELS,
  PARTY_ROLE_LABELS,
  RISK_LEVEL_LABELS,
  SEVERITY_LABELS,
  isOpenStatus,
} from '@beatlink/shared/matters/kinds';
import type { AttachmentDownload, MatterDetail, MatterEvent, RevealedPhone } from '@beatlink/shared/matters/views';
import { ApiError, describeError } from '../../lib/api-error';
import { formatDateTime } from '../../lib/format';
import { newDraftKey } from '../../lib/field/intake';
import {
  FIELD_ACTION_LABELS,
  actionBody,
  actionFieldOfPath,
  deadlineLine,
  eventDetails,
  eventLabel,
  fieldActions,
  matterIdFrom,
  sortTimeline,
  statusLabel,
  telHref,
  validateAction,
  type ActionDraft,
  type ActionErrors,
  type FieldAction,
} from '../../lib/field/matters';
import { PhotoPicker, usePhotoUploads } from './PhotoUploads';
import { categoryName, loadConfig, useFieldSession, type FieldSession } from './session';
import { Choices, Failure, FieldBar, FormRow, Loading } from './ui';
import { splitDetails } from '../../lib/form-errors';

/** 事项详情 (phone): `/m/matter?id=…`. */
export function MatterView() {
  const state = useFieldSession();
  const [id, setId] = useState<string | null>();
  useEffect(() => setId(matterIdFrom(window.location.search) ?? null), []);
  return (
    <>
      <FieldBar title="事项详情" back="/m/matters" />
      <main className="f-page">
        {(state.kind === 'loading' || id === undefined) && <Loading />}
        {state.kind === 'failed' && <Failure message={state.message} retry={state.retry} />}
        {state.kind === 'ready' && id === null && <p className="f-error">链接中的事项编号无效</p>}
        {state.kind === 'ready' && id && <MatterDetailView session={state.session} id={id} />}
      </main>
    </>
  );
}

type Loaded = { detail: MatterDetail; events: MatterEvent[] };

function MatterDetailView({ session, id }: { session: FieldSession; id: string }) {
  const [data, setData] = useState<Loaded>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<{ kind: 'ok' | 'warn'; text: string }>();
  const [config, setConfig] = useState<TenantConfigRecord>();
  const [action, setAction] = useState<FieldAction>();

  const load = useCallback(async () => {
    const [detail, timeline] = await Promise.all([
      session.api.get<MatterDetail>(`/matters/${encodeURIComponent(id)}`),
      session.api.get<{ items: MatterEvent[] }>(`/matters/${encodeURIComponent(id)}/timeline`),
    ]);
    setData({ detail, events: sortTimeline(timeline.items) });
    setError(undefined);
  }, [session, id]);

  useEffect(() => {
    load().catch((e: unknown) => setError(describeError(e)));
    loadConfig(session)
      .then(setConfig)
      .catch(() => undefined);
  }, [load, session]);

  /** After a transition: the answer is the new detail; the timeline is read again. */
  const afterAction = async (done: FieldAction, detail: MatterDetail) => {
    setAction(undefined);
    setData((d) => (d ? { ...d, detail } : d));
    setNotice({ kind: 'ok', text: `已${FIELD_ACTION_LABELS[done]}` });
    await load().catch(() => undefined);
  };
  const afterConflict = async () => {
    setAction(undefined);
    setNotice({ kind: 'warn', text: '事项已被他人更新，已刷新' });
    await load().catch((e: unknown) => setError(describeError(e)));
  };

  if (error && !data) return <Failure message={error} retry={() => load().catch((e: unknown) => setError(describeError(e)))} />;
  if (!data) return <Loading />;
  const { detail, events } = data;
  const actions = fieldActions(detail.allowedTransitions);
  // The matter's list holds the feedback's photos too: those are shown with the feedback.
  const feedbackPhotos = new Set(detail.feedback?.attachmentIds ?? []);
  const intakePhotos = detail.attachmentIds.filter((a) => !feedbackPhotos.has(a));
  const due = isOpenStatus(detail.status) ? deadlineLine(detail, new Date(), config?.matters.remindBeforeHours ?? 0) : undefined;

  return (
    <div data-testid="m-matter" data-matter-id={detail.id} data-status={detail.status} data-version={detail.version}>
      {notice && (
        <p className={notice.kind === 'ok' ? 'f-ok' : 'f-error'} role="status" data-testid="m-matter-notice">
          {notice.text}
        </p>
      )}
      <section className="f-section">
        <h2 data-testid="m-matter-title">{detail.title}</h2>
        <dl className="f-facts">
          <dt>状态</dt>
          <dd>
            <span className={isOpenStatus(detail.status) ? 'f-badge' : 'f-badge f-badge-closed'} data-testid="m-matter-status">
              {statusLabel(detail.status)}
            </span>
          </dd>
          {due && (
            <>
              <dt>时限</dt>
              <dd className={`f-due-${due.state === 'due_soon' ? 'soon' : due.state}`}>{due.text}</dd>
            </>
          )}
          <dt>类型</dt>
          <dd>{MATTER_KIND_LABELS[detail.kind]?.zh ?? detail.kind}</dd>
          <dt>分类</dt>
          <dd>{categoryName(config, detail.categoryId)}</dd>
          <dt>紧急程度</dt>
          <dd>{SEVERITY_LABELS[detail.severity]?.zh ?? detail.severity}</dd>
          <dt>村（社区）</dt>
          <dd>{detail.villageName}</dd>
          <dt>发生时间</dt>
          <dd>{formatDateTime(detail.occurredAt)}</dd>
          {detail.address && (
            <>
              <dt>地址</dt>
              <dd>{detail.address}</dd>
            </>
          )}
          {detail.location && (
            <>
              <dt>位置</dt>
              <dd>
                {detail.location.lat.toFixed(5)}, {detail.location.lng.toFixed(5)}
              </dd>
            </>
          )}
          <dt>来源</dt>
          <dd>{MATTER_SOURCE_LABELS[detail.source]?.zh ?? detail.source}</dd>
          {detail.reporter && (
            <>
              <dt>反映人</dt>
              <dd>
                <Reporter session={session} detail={detail} />
              </dd>
            </>
          )}
          {detail.holder && (
            <>
              <dt>承办</dt>
              <dd>
                {detail.holder.name}
                {detail.holder.officerName ? `（${detail.holder.officerName}）` : ''}
              </dd>
            </>
          )}
          <dt>录入</dt>
          <dd>
            {detail.createdByName} {formatDateTime(detail.createdAt)}
          </dd>
        </dl>
      </section>

      <section className="f-section">
        <h2>事项描述</h2>
        <p className="f-text" data-testid="m-matter-description">
          {detail.description}
        </p>
      </section>

      {intakePhotos.length > 0 && (
        <section className="f-section">
          <h2>照片</h2>
          <Photos session={session} ids={intakePhotos} />
        </section>
      )}

      {detail.feedback && (
        <section className="f-section" data-testid="m-matter-feedback">
          <h2>办理反馈</h2>
          <p>
            <span className="f-badge">{MATTER_OUTCOME_LABELS[detail.feedback.outcome]?.zh ?? detail.feedback.outcome}</span>{' '}
            <span className="f-muted">{formatDateTime(detail.feedback.at)}</span>
          </p>
          <p className="f-text">{detail.feedback.note}</p>
          {detail.feedback.attachmentIds.length > 0 && <Photos session={session} ids={detail.feedback.attachmentIds} />}
        </section>
      )}

      {detail.dispute && (
        <section className="f-section" data-testid="m-matter-dispute">
          <h2>纠纷信息</h2>
          <dl className="f-facts">
            <dt>纠纷类型</dt>
            <dd>{DISPUTE_TYPE_LABELS[detail.dispute.disputeType]?.zh}</dd>
            <dt>风险等级</dt>
            <dd>{RISK_LEVEL_LABELS[detail.dispute.riskLevel]?.zh}</dd>
            <dt>发现阶段</dt>
            <dd>{DISPUTE_STAGE_LABELS[detail.dispute.stageFound]?.zh}</dd>
            <dt>当事人</dt>
            <dd>
              {detail.dispute.parties.map((p, i) => (
                <div key={i}>
                  {p.name}（{PARTY_ROLE_LABELS[p.role]?.zh}）{p.phoneMasked ?? ''}
                </div>
              ))}
            </dd>
          </dl>
        </section>
      )}

      {actions.length > 0 && (
        <section className="f-section">
          <h2>办理</h2>
          <div className="f-actions">
            {actions.map((name) => (
              <button
                key={name}
                type="button"
                className={action === name ? 'f-button' : name === 'return' ? 'f-button f-button-secondary' : 'f-button'}
                aria-pressed={action === name}
                onClick={() => {
                  setNotice(undefined);
                  setAction(action === name ? undefined : name);
                }}
                data-testid={`m-matter-action-${name}`}
              >
                {FIELD_ACTION_LABELS[name]}
              </button>
            ))}
          </div>
        </section>
      )}
      {action && <ActionSheet key={action} session={session} detail={detail} action={action} onDone={afterAction} onConflict={afterConflict} onCancel={() => setAction(undefined)} />}

      <section className="f-section">
        <h2>办理过程</h2>
        <ol className="f-timeline" data-testid="m-matter-timeline">
          {events.map((event) => (
            <li key={event.id} data-testid={`m-matter-event-${event.type}`}>
              <div className="f-timeline-head">
                <span>{eventLabel(event.type)}</span>
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
              </div>
              <p className="f-muted">{event.byName}</p>
              {eventDetails(event).map((line, i) => (
                <p key={i} className="f-text">
                  {line}
                </p>
              ))}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/** The reporter: name, masked phone, and 查看号码 (with a reason; recorded) when the role may. */
function Reporter({ session, detail }: { session: FieldSession; detail: MatterDetail }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [phone, setPhone] = useState<string>();

  const reveal = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setError('请填写查看原因');
    setBusy(true);
    setError(undefined);
    try {
      const revealed = await session.api.post<RevealedPhone>(`/matters/${encodeURIComponent(detail.id)}/reveal`, { field: 'reporter', reason: reason.trim() });
      setPhone(revealed.phone);
      setOpen(false);
    } catch (e) {
      setError(e instanceof ApiError && e.details[0] ? describeError(new ApiError(e.status, e.code, e.details[0].message)) : describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const reporter = detail.reporter!;
  return (
    <>
      <div>{reporter.name}</div>
      {phone ? (
        <div className="f-row">
          <span className="f-phone" data-testid="m-reveal-phone">
            {phone}
          </span>
          <a className="f-button f-button-small" href={telHref(phone)} data-testid="m-reveal-call">
            拨打
          </a>
        </div>
      ) : (
        <div className="f-row">
          <span data-testid="m-matter-phone-masked">{reporter.phoneMasked}</span>
          {detail.mayReveal && !open && (
            <button type="button" className="f-button f-button-secondary f-button-small" onClick={() => setOpen(true)} data-testid="m-matter-reveal">
              查看号码
            </button>
          )}
        </div>
      )}
      {open && !phone && (
        <form onSubmit={reveal} noValidate style={{ marginTop: 8 }}>
          <p className="f-muted">查看号码将被记录，请说明原因。</p>
          <input
            className={error ? 'f-input f-invalid' : 'f-input'}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder="如：上门核实，需联系反映人"
            maxLength={200}
            aria-label="查看原因"
            data-testid="m-reveal-reason"
          />
          {error && (
            <p className="f-field-error" role="alert" data-testid="m-reveal-error">
              {error}
            </p>
          )}
          <div className="f-buttons">
            <button type="button" className="f-button f-button-secondary f-button-small" onClick={() => setOpen(false)}>
              取消
            </button>
            <button type="submit" className="f-button f-button-small" disabled={busy} data-testid="m-reveal-submit">
              {busy ? '正在查看…' : '查看'}
            </button>
          </div>
        </form>
      )}
    </>
  );
}

type PhotoState = { kind: 'loading' } | { kind: 'ready'; download: AttachmentDownload } | { kind: 'failed'; message: string };

/** Thumbnails of attachments through their short-lived download URLs. */
function Photos({ session, ids }: { session: FieldSession; ids: readonly string[] }) {
  return (
    <div className="f-thumbs">
      {ids.map((id) => (
        <Photo key={id} session={session} id={id} />
      ))}
    </div>
  );
}

function Photo({ session, id }: { session: FieldSession; id: string }) {
  const [state, setState] = useState<PhotoState>({ kind: 'loading' });
  useEffect(() => {
    let cancelled = false;
    session.api
      .get<AttachmentDownload>(`/attachments/${encodeURIComponent(id)}`)
      .then((download) => !cancelled && setState({ kind: 'ready', download }))
      .catch((e: unknown) => !cancelled && setState({ kind: 'failed', message: describeError(e) }));
    return () => {
      cancelled = true;
    };
  }, [session, id]);
  if (state.kind === 'loading') return <span className="f-thumb">加载中…</span>;
  if (state.kind === 'failed')
    return (
      <span className="f-thumb" title={state.message}>
        无法加载
      </span>
    );
  const { download } = state;
  const isImage = download.attachment.contentType.startsWith('image/') && download.attachment.contentType !== 'image/heic';
  return (
    <a className="f-thumb" href={download.url} target="_blank" rel="noreferrer" data-testid={`m-matter-photo-${id}`}>
      {/* A plain <img>: pre-signed object-store URLs, nothing for next/image to optimise. */}
      {isImage ? <img src={download.url} alt={download.attachment.fileName} loading="lazy" /> : download.attachment.fileName}
    </a>
  );
}

const OUTCOME_OPTIONS = MATTER_OUTCOMES.map((o) => ({ value: o, label: MATTER_OUTCOME_LABELS[o].zh }));
const ERR = 'm-action-error-';

/** The sheet of one action: 签收 (note optional), 退回 (reason), 反馈 (outcome, note, photos). */
function ActionSheet({
  session,
  detail,
  action,
  onDone,
  onConflict,
  onCancel,
}: {
  session: FieldSession;
  detail: MatterDetail;
  action: FieldAction;
  onDone: (action: FieldAction, detail: MatterDetail) => Promise<void>;
  onConflict: () => Promise<void>;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<ActionDraft>({ note: '', outcome: '' });
  const [errors, setErrors] = useState<ActionErrors>({});
  const [general, setGeneral] = useState<string>();
  const [busy, setBusy] = useState(false);
  /** One key per sheet: a retry after a lost answer is not made twice. */
  const [key] = useState(() => newDraftKey(() => `${action}-${crypto.randomUUID()}`));
  const photos = usePhotoUploads(action === 'feedback' ? session.api : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateAction(action, draft);
    if (photos.pending) found.photos = '照片正在上传，请稍候';
    else if (photos.failed) found.photos = '有照片上传失败，请重试或移除';
    setErrors(found);
    setGeneral(undefined);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const next = await session.api.post<MatterDetail>(
        `/matters/${encodeURIComponent(detail.id)}/${action}`,
        actionBody(action, detail.version, draft, photos.ids),
        { idempotencyKey: key },
      );
      await onDone(action, next);
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.status === 409) return void (await onConflict());
      if (error instanceof ApiError && error.status === 400 && error.details.length > 0) {
        const { fields, rest } = splitDetails(error.details, actionFieldOfPath, (message) => describeError(new ApiError(400, error.code, message)));
        setErrors(fields);
        if (rest.length) setGeneral(rest.join('；'));
        return;
      }
      // 422 and the rest: the API's own words.
      setGeneral(describeError(error));
    }
  };

  const noteLabel = action === 'return' ? '退回原因' : action === 'feedback' ? '办理情况' : '备注（可选）';
  return (
    <form className="f-section f-sheet" onSubmit={submit} noValidate data-testid={`m-action-sheet-${action}`}>
      <h2>{FIELD_ACTION_LABELS[action]}</h2>
      {general && (
        <p className="f-error" role="alert" data-testid="m-action-error">
          {general}
        </p>
      )}
      {action === 'feedback' && (
        <FormRow label="办理结果" name="outcome" required error={errors.outcome} errorPrefix={ERR}>
          <Choices label="办理结果" options={OUTCOME_OPTIONS} value={draft.outcome} onChange={(v) => setDraft((d) => ({ ...d, outcome: v }))} testIdPrefix="m-feedback-outcome-" wide />
        </FormRow>
      )}
      <FormRow label={noteLabel} name="note" required={action !== 'accept'} error={errors.note} errorPrefix={ERR} htmlFor={`m-action-note-${action}`}>
        <textarea
          id={`m-action-note-${action}`}
          className={errors.note ? 'f-textarea f-invalid' : 'f-textarea'}
          value={draft.note}
          onChange={(e) => setDraft((d) => ({ ...d, note: e.target.value }))}
          placeholder={action === 'return' ? '如：属土地确权问题，非本单位职责' : action === 'feedback' ? '做了什么、结果如何' : ''}
          data-testid={action === 'feedback' ? 'm-feedback-note' : 'm-action-note'}
        />
      </FormRow>
      {action === 'feedback' && (
        <FormRow label="照片（可选）" name="photos" error={errors.photos} errorPrefix={ERR}>
          <PhotoPicker uploads={photos} testId="m-feedback-photos" disabled={busy} />
        </FormRow>
      )}
      <div className="f-buttons">
        <button type="button" className="f-button f-button-secondary" onClick={onCancel} disabled={busy}>
          取消
        </button>
        <button type="submit" className={action === 'return' ? 'f-button f-button-danger' : 'f-button'} disabled={busy} data-testid="m-action-submit">
          {busy ? '正在提交…' : `确认${FIELD_ACTION_LABELS[action]}`}
        </button>
      </div>
    </form>
  );
}
