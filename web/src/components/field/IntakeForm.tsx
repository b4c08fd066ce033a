'use client';

import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { TenantConfigRecord } from '@beatlink/shared';
import {
  DISPUTE_STAGES,
  DISPUTE_STAGE_LABELS,
  DISPUTE_TYPES,
  DISPUTE_TYPE_LABELS,
  MATTER_KINDS,
  MATTER_KIND_LABELS,
  MATTER_SOURCE_LABELS,
  PARTY_ROLES,
  PARTY_ROLE_LABELS,
  RISK_LEVELS,
  RISK_LEVEL_LABELS,
  SEVERITIES,
  SEVERITY_LABELS,
  type MatterKind,
  type PartyRole,
} from '@beatlink/shared/matters/kinds';
import type { MatterCreated } from '@beatlink/shared/matters/views';
import { ApiError, describeError } from '../../lib/api-error';
import {
  FIELD_SOURCES,
  LIMITS,
  accuracyText,
  apiErrorsToFields,
  draftToBody,
  emptyParty,
  firstErrorField,
  geolocationErrorText,
  newDraft,
  newDraftKey,
  reporterRequired,
  similarityText,
  toLocalInput,
  validateDraft,
  type IntakeDraft,
  type IntakeErrors,
  type IntakeField,
} from '../../lib/field/intake';
import { matterHref, statusLabel } from '../../lib/field/matter-links';
import { loadVillagesInReach, villageSourceFor, type VillageOption } from '../../lib/field/reach';
import { PhotoPicker, usePhotoUploads } from './PhotoUploads';
import { PickOne } from './PickOne';
import { loadConfig, may, useFieldSession, type FieldSession } from './session';
import { Choices, Failure, FieldBar, FormRow, Loading } from './ui';

const ERR = 'm-intake-error-';
const KIND_OPTIONS = MATTER_KINDS.map((kind) => ({ value: kind, label: MATTER_KIND_LABELS[kind].zh }));
const SOURCE_OPTIONS = FIELD_SOURCES.map((source) => ({ value: source, label: MATTER_SOURCE_LABELS[source].zh }));
const SEVERITY_OPTIONS = SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s].zh }));
const RISK_OPTIONS = RISK_LEVELS.map((r) => ({ value: r, label: RISK_LEVEL_LABELS[r].zh }));
const STAGE_OPTIONS = DISPUTE_STAGES.map((s) => ({ value: s, label: DISPUTE_STAGE_LABELS[s].zh }));

/** 录入事项 (phone): who may, then the form. */
export function IntakeForm() {
  const state = useFieldSession();
  return (
    <>
      <FieldBar title="录入事项" />
      <main className="f-page">
        {state.kind === 'loading' && <Loading />}
        {state.kind === 'failed' && <Failure message={state.message} retry={state.retry} />}
        {state.kind === 'ready' &&
          (may(state.session.me, 'matter.create') ? (
            <IntakeLoader session={state.session} />
          ) : (
            <p className="f-hint">您的角色不能录入事项。</p>
          ))}
      </main>
    </>
  );
}

type Lists = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; villages: VillageOption[]; config: TenantConfigRecord | undefined };

/** The villages in reach and the county's categories, then the form. */
function IntakeLoader({ session }: { session: FieldSession }) {
  const [lists, setLists] = useState<Lists>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    Promise.all([loadVillagesInReach(session.api, villageSourceFor(session.me)), loadConfig(session)])
      .then(([villages, config]) => !cancelled && setLists({ kind: 'ready', villages, config }))
      .catch((error: unknown) => !cancelled && setLists({ kind: 'failed', message: describeError(error) }));
    return () => {
      cancelled = true;
    };
  }, [session, attempt]);
  if (lists.kind === 'loading') return <Loading />;
  if (lists.kind === 'failed')
    return (
      <Failure
        message={lists.message}
        retry={() => {
          setLists({ kind: 'loading' });
          setAttempt((n) => n + 1);
        }}
      />
    );
  if (lists.villages.length === 0) return <p className="f-hint">您的责任区内没有可选的村（社区），请联系活动办。</p>;
  return <Intake session={session} villages={lists.villages} categories={(lists.config?.matters.categories ?? []).filter((c) => c.active)} />;
}

type SubmitState = { kind: 'editing' } | { kind: 'waiting' } | { kind: 'sending' } | { kind: 'done'; matter: MatterCreated };

function Intake({ session, villages, categories }: { session: FieldSession; villages: VillageOption[]; categories: Array<{ id: string; name: string }> }) {
  const onlyVillage = villages.length === 1 ? villages[0]!.id : undefined;
  const [draft, setDraft] = useState<IntakeDraft>(() => newDraft(new Date(), { villageId: onlyVillage }));
  /** One Idempotency-Key per draft: a retried submit of the same draft is taken in once. */
  const [draftKey, setDraftKey] = useState(() => newDraftKey());
  const [errors, setErrors] = useState<IntakeErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [keyClash, setKeyClash] = useState(false);
  const [submit, setSubmit] = useState<SubmitState>({ kind: 'editing' });
  const [locating, setLocating] = useState<string>();
  const photos = usePhotoUploads(session.api);
  const top = useRef<HTMLDivElement>(null);

  const set = <K extends keyof IntakeDraft>(key: K, value: IntakeDraft[K], field?: IntakeField) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (field && errors[field]) setErrors(({ [field]: _gone, ...rest }) => rest);
  };
  const setDispute = (change: Partial<IntakeDraft['dispute']>, field?: IntakeField) => {
    setDraft((d) => ({ ...d, dispute: { ...d.dispute, ...change } }));
    if (field && errors[field]) setErrors(({ [field]: _gone, ...rest }) => rest);
  };
  const setParty = (index: number, change: Partial<{ name: string; role: PartyRole; phone: string }>) => {
    setDispute({ parties: draft.dispute.parties.map((p, i) => (i === index ? { ...p, ...change } : p)) });
    const stale = ['dispute-parties', ...Object.keys(change).map((key) => `dispute-party-${index}-${key}`)];
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([field]) => !stale.includes(field))) as IntakeErrors);
  };

  const removeParty = (index: number) => {
    setDispute({ parties: draft.dispute.parties.filter((_, i) => i !== index) });
    // The rows below move up: their errors no longer point at the right row.
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([field]) => !field.startsWith('dispute-party-'))) as IntakeErrors);
  };

  const scrollToError = (found: IntakeErrors) => {
    const field = firstErrorField(found);
    const key = field?.startsWith('dispute') ? 'dispute' : field;
    if (key) document.querySelector(`[data-field="${key}"]`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  };

  const send = useCallback(async () => {
    setSubmit({ kind: 'sending' });
    try {
      const matter = await session.api.post<MatterCreated>('/matters', draftToBody(draft, photos.ids), { idempotencyKey: draftKey });
      setSubmit({ kind: 'done', matter });
      window.scrollTo({ top: 0 });
    } catch (error) {
      setSubmit({ kind: 'editing' });
      if (error instanceof ApiError && error.status === 400 && error.details.length > 0) {
        const mapped = apiErrorsToFields(error.details, draft);
        setErrors(mapped.fields);
        setGeneral(mapped.general.length ? mapped.general : Object.keys(mapped.fields).length ? [] : [describeError(error)]);
        scrollToError(mapped.fields);
      } else if (error instanceof ApiError && error.status === 409 && error.details.some((d) => d.path === 'Idempotency-Key')) {
        // The key went with another body: an earlier submit of this draft may have been taken in.
        const inProgress = /处理中|in progress/.test(error.message + error.details.map((d) => d.message).join(''));
        setKeyClash(!inProgress);
        setGeneral([inProgress ? '上一次提交仍在处理中，请稍候再试。' : '此草稿之前的一次提交可能已经录入（当时未收到结果）。请先到“我录入的”查看；确认没有录入再作为新事项提交。']);
      } else if (error instanceof ApiError && error.status === 0) {
        setGeneral(['网络不佳，提交未完成。草稿已保留，请稍后再点“提交”（不会重复录入）。']);
      } else {
        const message = describeError(error);
        if (error instanceof ApiError && error.status === 403 && message.includes('责任区')) setErrors((e) => ({ ...e, village: message }));
        else setGeneral([message]);
      }
      top.current?.scrollIntoView({ behavior: 'smooth' });
    }
  }, [session.api, draft, photos.ids, draftKey]);

  // A submit made while photos were still going up is sent once they are all up.
  useEffect(() => {
    if (submit.kind !== 'waiting' || photos.pending) return;
    if (photos.failed) {
      setSubmit({ kind: 'editing' });
      setErrors((e) => ({ ...e, photos: '有照片上传失败，请重试或移除后再提交' }));
      return;
    }
    void send();
  }, [submit.kind, photos.pending, photos.failed, send]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (submit.kind !== 'editing') return;
    const found = validateDraft(draft);
    if (photos.failed) found.photos = '有照片上传失败，请重试或移除后再提交';
    setErrors(found);
    setGeneral([]);
    if (Object.keys(found).length > 0) {
      scrollToError(found);
      return;
    }
    if (photos.pending) setSubmit({ kind: 'waiting' });
    else void send();
  };

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setErrors((e) => ({ ...e, location: geolocationErrorText(undefined) }));
      return;
    }
    setLocating('正在获取位置…');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(undefined);
        set('location', { lat: position.coords.latitude, lng: position.coords.longitude, accuracy: position.coords.accuracy }, 'location');
      },
      (failure) => {
        setLocating(undefined);
        setErrors((e) => ({ ...e, location: geolocationErrorText(failure.code) }));
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  };

  const another = () => {
    photos.reset();
    setDraft(newDraft(new Date(), { villageId: draft.villageId }));
    setDraftKey(newDraftKey());
    setErrors({});
    setGeneral([]);
    setKeyClash(false);
    setSubmit({ kind: 'editing' });
    window.scrollTo({ top: 0 });
  };

  const asNew = () => {
    setDraftKey(newDraftKey());
    setKeyClash(false);
    setGeneral([]);
  };

  if (submit.kind === 'done') return <IntakeResult matter={submit.matter} onAnother={another} />;

  const busy = submit.kind !== 'editing';
  const requireReporter = reporterRequired(draft.source);
  const kindIs = (kind: MatterKind) => draft.kind === kind;

  return (
    <form onSubmit={onSubmit} noValidate data-testid="m-intake-form">
      <div ref={top} />
      {general.length > 0 && (
        <div className="f-error" role="alert" data-testid="m-intake-error">
          {general.map((line) => (
            <div key={line}>{line}</div>
          ))}
          {keyClash && (
            <div className="f-buttons">
              <a href="/m/matters?inbox=reported" className="f-button f-button-secondary f-button-small">
                查看我录入的
              </a>
              <button type="button" className="f-button f-button-small" onClick={asNew} data-testid="m-intake-as-new">
                作为新事项提交
              </button>
            </div>
          )}
        </div>
      )}

      <section className="f-section">
        <FormRow label="事项类型" name="kind" required error={errors.kind} errorPrefix={ERR}>
          <Choices label="事项类型" options={KIND_OPTIONS} value={draft.kind} onChange={(v) => set('kind', v, 'kind')} testIdPrefix="m-intake-kind-" />
        </FormRow>
        <FormRow label="村（社区）" name="village" required error={errors.village} errorPrefix={ERR} htmlFor="m-intake-village">
          <PickOne id="m-intake-village" invalid={!!errors.village} value={draft.villageId} items={villages} onChange={(v) => set('villageId', v, 'village')} />
        </FormRow>
        <FormRow label="事项分类" name="category" required error={errors.category} errorPrefix={ERR} htmlFor="m-intake-category">
          <PickOne id="m-intake-category" invalid={!!errors.category} value={draft.categoryId} items={categories} onChange={(v) => set('categoryId', v, 'category')} />
        </FormRow>
        <FormRow label="紧急程度（可选）" name="severity" error={errors.severity} errorPrefix={ERR}>
          <Choices
            label="紧急程度"
            options={SEVERITY_OPTIONS}
            value={draft.severity}
            onChange={(v) => set('severity', v, 'severity')}
            testIdPrefix="m-intake-severity-"
            allowClear
          />
        </FormRow>
        <FormRow label="事项描述" name="description" required error={errors.description} errorPrefix={ERR} htmlFor="m-intake-description">
          <textarea
            id="m-intake-description"
            className={errors.description ? 'f-textarea f-invalid' : 'f-textarea'}
            value={draft.description}
            onChange={(e) => set('description', e.target.value, 'description')}
            placeholder="群众反映的问题、诉求、现场情况…"
            data-testid="m-intake-description"
          />
          <div className="f-count">
            {Array.from(draft.description.trim()).length}/{LIMITS.description}
          </div>
        </FormRow>
      </section>

      <section className="f-section">
        <FormRow label="来源" name="source" error={errors.source} errorPrefix={ERR}>
          <Choices
            label="来源"
            options={SOURCE_OPTIONS}
            value={draft.source}
            onChange={(v) => v && set('source', v, 'source')}
            testIdPrefix="m-intake-source-"
          />
        </FormRow>
        <FormRow label="反映人姓名" name="reporter-name" required={requireReporter} error={errors['reporter-name']} errorPrefix={ERR} htmlFor="m-intake-reporter-name">
          <input
            id="m-intake-reporter-name"
            className={errors['reporter-name'] ? 'f-input f-invalid' : 'f-input'}
            value={draft.reporterName}
            onChange={(e) => set('reporterName', e.target.value, 'reporter-name')}
            autoComplete="off"
            data-testid="m-intake-reporter-name"
          />
        </FormRow>
        <FormRow label="联系电话" name="reporter-phone" required={requireReporter} error={errors['reporter-phone']} errorPrefix={ERR} htmlFor="m-intake-reporter-phone">
          <input
            id="m-intake-reporter-phone"
            className={errors['reporter-phone'] ? 'f-input f-invalid' : 'f-input'}
            type="tel"
            inputMode="tel"
            value={draft.reporterPhone}
            onChange={(e) => set('reporterPhone', e.target.value, 'reporter-phone')}
            autoComplete="off"
            placeholder="手机号或带区号的固话"
            data-testid="m-intake-reporter-phone"
          />
        </FormRow>
        <FormRow label="发生时间" name="occurred-at" required error={errors['occurred-at']} errorPrefix={ERR} htmlFor="m-intake-occurred-at">
          <input
            id="m-intake-occurred-at"
            className={errors['occurred-at'] ? 'f-input f-invalid' : 'f-input'}
            type="datetime-local"
            value={draft.occurredAt}
            max={toLocalInput(new Date())}
            onChange={(e) => set('occurredAt', e.target.value, 'occurred-at')}
            data-testid="m-intake-occurred-at"
          />
        </FormRow>
        <FormRow label="位置（可选）" name="location" error={errors.location} errorPrefix={ERR}>
          {draft.location ? (
            <div className="f-row">
              <span data-testid="m-intake-location">
                {draft.location.lat.toFixed(5)}, {draft.location.lng.toFixed(5)}
                <br />
                <span className="f-muted">{accuracyText(draft.location.accuracy)}</span>
              </span>
              <button type="button" className="f-button f-button-secondary f-button-small" onClick={() => set('location', undefined)}>
                清除
              </button>
            </div>
          ) : (
            <button type="button" className="f-button f-button-secondary" onClick={locate} disabled={Boolean(locating)} data-testid="m-intake-locate">
              {locating ?? '获取位置'}
            </button>
          )}
        </FormRow>
        <FormRow label="地址（可选）" name="address" error={errors.address} errorPrefix={ERR} htmlFor="m-intake-address">
          <input
            id="m-intake-address"
            className={errors.address ? 'f-input f-invalid' : 'f-input'}
            value={draft.address}
            onChange={(e) => set('address', e.target.value, 'address')}
            placeholder="如：东村村委会西侧"
            data-testid="m-intake-address"
          />
        </FormRow>
        <FormRow label="现场照片（可选）" name="photos" error={errors.photos} errorPrefix={ERR}>
          <PhotoPicker uploads={photos} testId="m-intake-photos" disabled={busy} />
        </FormRow>
      </section>

      {kindIs('dispute') && (
        <section className="f-section" data-field="dispute">
          {!draft.dispute.enabled ? (
            <button type="button" className="f-button f-button-secondary" onClick={() => setDispute({ enabled: true })} data-testid="m-intake-dispute-open">
              填写纠纷信息（可选）
            </button>
          ) : (
            <DisputeSection draft={draft} errors={errors} setDispute={setDispute} setParty={setParty} removeParty={removeParty} />
          )}
          {errors.dispute && (
            <p className="f-field-error" role="alert" data-testid={`${ERR}dispute`}>
              {errors.dispute}
            </p>
          )}
        </section>
      )}

      <button className="f-button" type="submit" disabled={busy} data-testid="m-intake-submit">
        {submit.kind === 'sending' ? '正在提交…' : submit.kind === 'waiting' ? '等待照片上传完成…' : '提交'}
      </button>
    </form>
  );
}

function DisputeSection({
  draft,
  errors,
  setDispute,
  setParty,
  removeParty,
}: {
  draft: IntakeDraft;
  errors: IntakeErrors;
  setDispute: (change: Partial<IntakeDraft['dispute']>, field?: IntakeField) => void;
  setParty: (index: number, change: Partial<{ name: string; role: PartyRole; phone: string }>) => void;
  removeParty: (index: number) => void;
}) {
  const dispute = draft.dispute;
  return (
    <>
      <div className="f-row">
        <h2 style={{ margin: '0 0 12px', fontSize: 16 }}>纠纷信息</h2>
        <button type="button" className="f-linkbutton" style={{ flex: 'none' }} onClick={() => setDispute({ enabled: false })} data-testid="m-intake-dispute-close">
          不填写
        </button>
      </div>
      <FormRow label="当事人" name="dispute-parties" error={errors['dispute-parties']} errorPrefix={ERR}>
        {dispute.parties.map((party, index) => (
          <div className="f-party" key={index} data-testid={`m-intake-party-${index}`}>
            <input
              className={errors[`dispute-party-${index}-name`] ? 'f-input f-invalid' : 'f-input'}
              placeholder="姓名"
              value={party.name}
              onChange={(e) => setParty(index, { name: e.target.value })}
              aria-label={`当事人 ${index + 1} 姓名`}
              data-testid={`m-intake-party-${index}-name`}
            />
            {errors[`dispute-party-${index}-name`] && (
              <p className="f-field-error" data-testid={`${ERR}dispute-party-${index}-name`}>
                {errors[`dispute-party-${index}-name`]}
              </p>
            )}
            <div className="f-row" style={{ marginTop: 8 }}>
              <select
                className="f-input"
                value={party.role}
                onChange={(e) => setParty(index, { role: e.target.value as PartyRole })}
                aria-label={`当事人 ${index + 1} 身份`}
                data-testid={`m-intake-party-${index}-role`}
              >
                {PARTY_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {PARTY_ROLE_LABELS[role].zh}
                  </option>
                ))}
              </select>
              <input
                className={errors[`dispute-party-${index}-phone`] ? 'f-input f-invalid' : 'f-input'}
                type="tel"
                inputMode="tel"
                placeholder="电话（可选）"
                value={party.phone}
                onChange={(e) => setParty(index, { phone: e.target.value })}
                aria-label={`当事人 ${index + 1} 电话`}
                data-testid={`m-intake-party-${index}-phone`}
              />
            </div>
            {errors[`dispute-party-${index}-phone`] && (
              <p className="f-field-error" data-testid={`${ERR}dispute-party-${index}-phone`}>
                {errors[`dispute-party-${index}-phone`]}
              </p>
            )}
            {dispute.parties.length > 1 && (
              <button type="button" className="f-linkbutton" onClick={() => removeParty(index)}>
                删除此当事人
              </button>
            )}
          </div>
        ))}
        {dispute.parties.length < LIMITS.parties && (
          <button type="button" className="f-linkbutton" onClick={() => setDispute({ parties: [...dispute.parties, emptyParty('third_party')] })} data-testid="m-intake-party-add">
            ＋ 添加当事人
          </button>
        )}
      </FormRow>
      <FormRow label="纠纷类型" name="dispute-type" required error={errors['dispute-type']} errorPrefix={ERR} htmlFor="m-intake-dispute-type">
        <select
          id="m-intake-dispute-type"
          className={errors['dispute-type'] ? 'f-input f-invalid' : 'f-input'}
          value={dispute.disputeType}
          onChange={(e) => setDispute({ disputeType: e.target.value as IntakeDraft['dispute']['disputeType'] }, 'dispute-type')}
          data-testid="m-intake-dispute-type"
        >
          <option value="">请选择</option>
          {DISPUTE_TYPES.map((t) => (
            <option key={t} value={t}>
              {DISPUTE_TYPE_LABELS[t].zh}
            </option>
          ))}
        </select>
      </FormRow>
      <FormRow label="风险等级" name="dispute-risk" required error={errors['dispute-risk']} errorPrefix={ERR}>
        <Choices label="风险等级" options={RISK_OPTIONS} value={dispute.riskLevel} onChange={(v) => setDispute({ riskLevel: v }, 'dispute-risk')} testIdPrefix="m-intake-risk-" />
      </FormRow>
      <FormRow label="发现阶段" name="dispute-stage" required error={errors['dispute-stage']} errorPrefix={ERR}>
        <Choices label="发现阶段" options={STAGE_OPTIONS} value={dispute.stageFound} onChange={(v) => setDispute({ stageFound: v }, 'dispute-stage')} testIdPrefix="m-intake-stage-" />
      </FormRow>
    </>
  );
}

/** 已录入: the new matter, its likely duplicates, and where to go next. */
function IntakeResult({ matter, onAnother }: { matter: MatterCreated; onAnother: () => void }) {
  const duplicates = matter.duplicates ?? [];
  return (
    <div data-testid="m-intake-result" data-matter-id={matter.id}>
      <p className="f-ok" role="status">
        已录入
      </p>
      <section className="f-section">
        <h2 data-testid="m-intake-result-title">{matter.title}</h2>
        <dl className="f-facts">
          <dt>状态</dt>
          <dd>
            <span className="f-badge" data-testid="m-intake-result-status">
              {statusLabel(matter.status)}
            </span>
          </dd>
          <dt>村（社区）</dt>
          <dd>{matter.villageName}</dd>
          <dt>照片</dt>
          <dd>{matter.attachmentIds.length} 张</dd>
        </dl>
      </section>
      {duplicates.length > 0 && (
        <section className="f-section">
          <h2>疑似重复事项</h2>
          <p className="f-muted">同村、同分类、时间相近且内容相似，研判时可合并。</p>
          <ul className="f-duplicates" data-testid="m-intake-duplicates">
            {duplicates.map((d) => (
              <li key={d.id} data-testid={`m-intake-duplicate-${d.id}`}>
                <a href={matterHref(d.id)}>{d.title}</a>
                <div className="f-meta">
                  <span>{statusLabel(d.status)}</span>
                  <span>相似度 {similarityText(d.score)}</span>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="f-buttons">
        <a href={matterHref(matter.id)} className="f-button f-button-secondary" data-testid="m-intake-view">
          查看事项
        </a>
        <button type="button" className="f-button" onClick={onAnother} data-testid="m-intake-another">
          继续录入
        </button>
      </div>
    </div>
  );
}
