'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Page } from '@beatlink/shared';
import { GENDERS, INTEL_TYPES, RELIABILITY_GRADES, type IntelType } from '@beatlink/shared/intel/labels';
import type { IntelRecord } from '@beatlink/shared/intel/records';
import { ApiError, describeError } from '../../lib/api-error';
import {
  COLLECT_LIMITS,
  addTags,
  collectErrorsFromApi,
  collectToBody,
  firstCollectError,
  newCollectDraft,
  validateCollect,
  type CollectDraft,
  type CollectErrors,
  type CollectField,
} from '../../lib/field/collect';
import { newFormKey } from '../../lib/field/form';
import { accuracyText, toLocalInput } from '../../lib/field/intake';
import type { VillageOption } from '../../lib/field/reach';
import { formatDateTime } from '../../lib/format';
import { genderLabel, intelTypeLabel, reliabilityText, verificationLabel } from '../../lib/intel/labels';
import { TextRow } from './FormInputs';
import { PickOne } from './PickOne';
import { usePosition } from './position';
import { may, useFieldSession, type FieldSession } from './session';
import { Choices, Failure, FieldBar, FormRow, Loading } from './ui';
import { VillagesInReach } from './VillagesInReach';

const P = 'm-collect-';
const ERR = `${P}error-`;
const TYPE_OPTIONS = INTEL_TYPES.map((t) => ({ value: t, label: intelTypeLabel(t) }));
const GENDER_OPTIONS = GENDERS.map((g) => ({ value: g, label: genderLabel(g) }));
const GRADE_OPTIONS = RELIABILITY_GRADES.map((g) => ({ value: g, label: reliabilityText(g) }));

/** 信息采集 (phone): an information record (人、地、物、事、组织) of a village in reach. */
export function CollectForm() {
  const state = useFieldSession();
  return (
    <>
      <FieldBar title="信息采集" back="/m" />
      <main className="f-page">
        {state.kind === 'loading' && <Loading />}
        {state.kind === 'failed' && <Failure message={state.message} retry={state.retry} />}
        {state.kind === 'ready' &&
          (may(state.session.me, 'intel.write') ? (
            <VillagesInReach session={state.session}>{(villages) => <Collect session={state.session} villages={villages} />}</VillagesInReach>
          ) : (
            <p className="f-hint">您的角色不能采集信息。</p>
          ))}
      </main>
    </>
  );
}

type Submit = { kind: 'editing' } | { kind: 'sending' } | { kind: 'done'; record: IntelRecord };

function Collect({ session, villages }: { session: FieldSession; villages: VillageOption[] }) {
  const onlyVillage = villages.length === 1 ? villages[0]!.id : undefined;
  const [draft, setDraft] = useState<CollectDraft>(() => newCollectDraft({ villageId: onlyVillage }));
  /** One Idempotency-Key per draft: a retried submit never creates two records. */
  const [draftKey, setDraftKey] = useState(() => newFormKey('collect'));
  const [errors, setErrors] = useState<CollectErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [submit, setSubmit] = useState<Submit>({ kind: 'editing' });
  const [tagText, setTagText] = useState('');
  const [keyClash, setKeyClash] = useState(false);
  const top = useRef<HTMLDivElement>(null);
  const { position, locate, clear } = usePosition(false);

  const forget = (...fields: CollectField[]) => setErrors((e) => Object.fromEntries(Object.entries(e).filter(([f]) => !fields.includes(f as CollectField))) as CollectErrors);
  const set = (change: Partial<CollectDraft>, ...fields: CollectField[]) => {
    setDraft((d) => ({ ...d, ...change }));
    forget(...fields);
  };
  /** A field of the chosen type's details. */
  const detail = <T extends IntelType>(type: T, key: keyof CollectDraft[T] & string, value: unknown) => {
    setDraft((d) => ({ ...d, [type]: { ...d[type], [key]: value } }));
    forget(`${type}-${key}` as CollectField);
  };

  // The place's position, once the phone has one.
  useEffect(() => {
    if (position.kind === 'ok') setDraft((d) => ({ ...d, place: { ...d.place, location: position.fix } }));
  }, [position]);

  const scrollTo = (found: CollectErrors) => {
    const field = firstCollectError(found);
    if (field) document.querySelector(`[data-field="${field}"]`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (submit.kind !== 'editing') return;
    // Tags typed but not added yet are taken along.
    const withTags = tagText.trim() ? { ...draft, tags: addTags(draft.tags, tagText) } : draft;
    if (withTags !== draft) {
      setDraft(withTags);
      setTagText('');
    }
    const found = validateCollect(withTags);
    setErrors(found);
    setGeneral([]);
    setKeyClash(false);
    if (Object.keys(found).length > 0) return scrollTo(found);
    setSubmit({ kind: 'sending' });
    try {
      const record = await session.api.post<IntelRecord>('/intel/records', collectToBody(withTags), { idempotencyKey: draftKey });
      setSubmit({ kind: 'done', record });
      window.scrollTo({ top: 0 });
    } catch (error) {
      setSubmit({ kind: 'editing' });
      if (error instanceof ApiError && error.status === 400 && error.details.length > 0) {
        const mapped = collectErrorsFromApi(error.details);
        setErrors(mapped.fields);
        const placed = Object.keys(mapped.fields).length > 0;
        setGeneral(mapped.general.length > 0 ? mapped.general : placed ? [] : [describeError(error)]);
        if (placed) return scrollTo(mapped.fields);
      } else if (error instanceof ApiError && error.status === 409 && error.details.some((d) => d.path === 'Idempotency-Key')) {
        // The key went with another body: an earlier submit of this draft may have been saved.
        setKeyClash(true);
        setGeneral(['此草稿之前的一次提交可能已经保存（当时未收到结果），或仍在处理中。请稍候再试；确认没有保存，再作为新记录提交。']);
      } else if (error instanceof ApiError && error.status === 0) {
        setGeneral(['网络不佳，提交未完成。内容已保留，请稍后再点“保存”（不会重复保存）。']);
      } else if (error instanceof ApiError && error.status === 403 && describeError(error).includes('责任区')) {
        setErrors((e) => ({ ...e, village: describeError(error) }));
      } else {
        setGeneral([describeError(error)]);
      }
      top.current?.scrollIntoView({ behavior: 'smooth' });
    }
  };

  const another = () => {
    setDraft(newCollectDraft({ villageId: draft.villageId, type: draft.type || undefined }));
    setDraftKey(newFormKey('collect'));
    setErrors({});
    setGeneral([]);
    setTagText('');
    setKeyClash(false);
    clear();
    setSubmit({ kind: 'editing' });
    window.scrollTo({ top: 0 });
  };

  if (submit.kind === 'done') return <CollectResult record={submit.record} onAnother={another} />;

  const text = (type: IntelType, key: string, label: string, extra: Partial<Parameters<typeof TextRow>[0]> = {}) => (
    <TextRow
      prefix={P}
      name={`${type}-${key}`}
      label={label}
      value={String((draft[type] as unknown as Record<string, unknown>)[key] ?? '')}
      onChange={(v) => detail(type, key as never, v)}
      error={errors[`${type}-${key}` as CollectField]}
      {...extra}
    />
  );

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="m-collect-form">
      <div ref={top} />
      {general.length > 0 && (
        <div className="f-error" role="alert" data-testid="m-collect-error">
          {general.map((line) => (
            <div key={line}>{line}</div>
          ))}
          {keyClash && (
            <div className="f-buttons">
              <button
                type="button"
                className="f-button f-button-small"
                onClick={() => {
                  setDraftKey(newFormKey('collect'));
                  setKeyClash(false);
                  setGeneral([]);
                }}
                data-testid="m-collect-as-new"
              >
                作为新记录提交
              </button>
            </div>
          )}
        </div>
      )}
      <section className="f-section">
        <FormRow label="信息类型" name="type" required error={errors.type} errorPrefix={ERR}>
          <Choices label="信息类型" options={TYPE_OPTIONS} value={draft.type} onChange={(v) => set({ type: v }, 'type')} testIdPrefix={`${P}type-`} />
        </FormRow>
        <FormRow label="村（社区）" name="village" required error={errors.village} errorPrefix={ERR} htmlFor={`${P}village`}>
          <PickOne id={`${P}village`} invalid={!!errors.village} value={draft.villageId} items={villages} onChange={(v) => set({ villageId: v, links: [] }, 'village', 'links')} />
        </FormRow>
      </section>

      {draft.type === 'person' && (
        <section className="f-section" data-field="person">
          {text('person', 'name', '姓名', { required: true })}
          <FormRow label="性别" name="person-gender" required error={errors['person-gender']} errorPrefix={ERR}>
            <Choices label="性别" options={GENDER_OPTIONS} value={draft.person.gender} onChange={(v) => detail('person', 'gender', v)} testIdPrefix={`${P}gender-`} />
          </FormRow>
          {text('person', 'idNumber', '身份证号码（可选）', { placeholder: '18 位，末位可为 X', hint: '保存后加密存储，仅显示部分号码' })}
          {text('person', 'phone', '联系电话（可选）', { type: 'tel', inputMode: 'tel', placeholder: '手机号或带区号的固话' })}
          {text('person', 'address', '住址（可选）')}
          {text('person', 'occupation', '职业（可选）')}
        </section>
      )}
      {draft.type === 'place' && (
        <section className="f-section" data-field="place">
          {text('place', 'name', '场所名称', { required: true, placeholder: '如：东街小卖部、出租房' })}
          {text('place', 'address', '地址（可选）')}
          <FormRow label="位置（可选）" name="place-location" error={errors['place-location'] ?? (position.kind === 'failed' ? position.message : undefined)} errorPrefix={ERR}>
            {draft.place.location ? (
              <div className="f-row">
                <span data-testid={`${P}place-location`}>
                  {draft.place.location.lat.toFixed(5)}, {draft.place.location.lng.toFixed(5)}
                  <br />
                  <span className="f-muted">{accuracyText(draft.place.location.accuracy)}</span>
                </span>
                <button
                  type="button"
                  className="f-button f-button-secondary f-button-small"
                  onClick={() => {
                    clear();
                    detail('place', 'location', undefined);
                  }}
                >
                  清除
                </button>
              </div>
            ) : (
              <button type="button" className="f-button f-button-secondary" onClick={locate} disabled={position.kind === 'locating'} data-testid={`${P}locate`}>
                {position.kind === 'locating' ? '正在获取位置…' : '获取当前位置'}
              </button>
            )}
          </FormRow>
        </section>
      )}
      {draft.type === 'thing' && (
        <section className="f-section" data-field="thing">
          {text('thing', 'name', '物品名称', { required: true, placeholder: '如：白色面包车' })}
          {text('thing', 'category', '类别', { required: true, placeholder: '如：车辆、电动车、危险物品' })}
          {text('thing', 'identifier', '标识（可选）', { placeholder: '如：车牌号、车架号' })}
        </section>
      )}
      {draft.type === 'event' && (
        <section className="f-section" data-field="event">
          {text('event', 'title', '事件标题', { required: true })}
          <TextRow
            prefix={P}
            name="event-occurredAt"
            label="发生时间（可选）"
            type="datetime-local"
            value={draft.event.occurredAt}
            onChange={(v) => detail('event', 'occurredAt', v)}
            error={errors['event-occurredAt']}
            hint={draft.event.occurredAt ? undefined : <button type="button" className="f-linkbutton" onClick={() => detail('event', 'occurredAt', toLocalInput(new Date()))}>填入现在</button>}
          />
          {text('event', 'description', '经过', { required: true, multiline: true })}
        </section>
      )}
      {draft.type === 'organisation' && (
        <section className="f-section" data-field="organisation">
          {text('organisation', 'name', '组织名称', { required: true, placeholder: '如：合作社、协会、企业' })}
          {text('organisation', 'contactPhone', '联系电话（可选）', { type: 'tel', inputMode: 'tel' })}
          {text('organisation', 'address', '地址（可选）')}
        </section>
      )}

      <section className="f-section">
        <FormRow label="来源可靠程度" name="reliability" required error={errors.reliability} errorPrefix={ERR}>
          <Choices label="来源可靠程度" options={GRADE_OPTIONS} value={draft.reliability} onChange={(v) => set({ reliability: v }, 'reliability')} testIdPrefix={`${P}reliability-`} wide />
        </FormRow>
        <FormRow label="标签（可选）" name="tags" error={errors.tags} errorPrefix={ERR} htmlFor={`${P}tag`}>
          {draft.tags.length > 0 && (
            <div className="f-meta" data-testid={`${P}tags`}>
              {draft.tags.map((tag) => (
                <button key={tag} type="button" className="f-badge" aria-label={`删除标签 ${tag}`} onClick={() => set({ tags: draft.tags.filter((t) => t !== tag) }, 'tags')}>
                  {tag} ×
                </button>
              ))}
            </div>
          )}
          <div className="f-row">
            <input
              id={`${P}tag`}
              className="f-input"
              value={tagText}
              onChange={(e) => setTagText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  set({ tags: addTags(draft.tags, tagText) }, 'tags');
                  setTagText('');
                }
              }}
              placeholder={`如：出租房、重点关注（最多 ${COLLECT_LIMITS.tags} 个）`}
              data-testid={`${P}tag`}
            />
            <button
              type="button"
              className="f-button f-button-secondary f-button-small"
              onClick={() => {
                set({ tags: addTags(draft.tags, tagText) }, 'tags');
                setTagText('');
              }}
            >
              添加
            </button>
          </div>
        </FormRow>
        <TextRow prefix={P} name="note" label="备注（可选）" multiline value={draft.note} onChange={(v) => set({ note: v }, 'note')} error={errors.note} />
      </section>

      <Links session={session} draft={draft} errors={errors} onChange={(links, ...fields) => set({ links }, 'links', ...fields)} />

      <button className="f-button" type="submit" disabled={submit.kind === 'sending'} data-testid="m-collect-submit">
        {submit.kind === 'sending' ? '正在保存…' : '保存'}
      </button>
    </form>
  );
}

type Records = { kind: 'idle' } | { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; villageId: string; items: IntelRecord[] };

/** 关联记录: records of the same village (GET /intel/records?villageId=…), each with its relation. */
function Links({
  session,
  draft,
  errors,
  onChange,
}: {
  session: FieldSession;
  draft: CollectDraft;
  errors: CollectErrors;
  onChange: (links: CollectDraft['links'], ...fields: CollectField[]) => void;
}) {
  const [records, setRecords] = useState<Records>({ kind: 'idle' });
  const [pick, setPick] = useState('');

  const load = () => {
    const villageId = draft.villageId;
    setRecords({ kind: 'loading' });
    session.api
      .get<Page<IntelRecord>>('/intel/records', { villageId, limit: 200 })
      .then((page) => setRecords({ kind: 'ready', villageId, items: page.items }))
      .catch((error: unknown) => setRecords({ kind: 'failed', message: describeError(error) }));
  };
  // Another village: its own records.
  useEffect(() => {
    setRecords({ kind: 'idle' });
    setPick('');
  }, [draft.villageId]);

  const linked = new Set(draft.links.map((l) => l.recordId));
  const options = records.kind === 'ready' ? records.items.filter((r) => !linked.has(r.id)).map((r) => ({ id: r.id, name: `${intelTypeLabel(r.type)} · ${r.title}` })) : [];

  return (
    <section className="f-section" data-field="links">
      <FormRow label="关联记录（可选）" name="links" error={errors.links} errorPrefix={ERR} htmlFor={`${P}link-pick`}>
        {draft.links.map((link, i) => (
          <div className="f-party" key={link.recordId} data-field={`link-${i}-relation`} data-testid={`${P}link-${i}`}>
            <div className="f-row">
              <strong>{link.title}</strong>
              <button type="button" className="f-linkbutton" style={{ flex: 'none' }} onClick={() => onChange(draft.links.filter((_, j) => j !== i), ...draft.links.map((_, j) => `link-${j}-relation` as CollectField))}>
                移除
              </button>
            </div>
            <input
              className={errors[`link-${i}-relation`] ? 'f-input f-invalid' : 'f-input'}
              value={link.relation}
              placeholder="关系，如：户主、同住、经营、涉及"
              aria-label={`与“${link.title}”的关系`}
              onChange={(e) => onChange(draft.links.map((l, j) => (j === i ? { ...l, relation: e.target.value } : l)), `link-${i}-relation`)}
              data-testid={`${P}link-${i}-relation`}
            />
            {errors[`link-${i}-relation`] && (
              <p className="f-field-error" data-testid={`${ERR}link-${i}-relation`}>
                {errors[`link-${i}-relation`]}
              </p>
            )}
          </div>
        ))}
        {!draft.villageId ? (
          <p className="f-muted">先选择村（社区），再关联本村已有的记录。</p>
        ) : draft.links.length >= COLLECT_LIMITS.links ? null : records.kind === 'idle' ? (
          <button type="button" className="f-button f-button-secondary" onClick={load} data-testid={`${P}link-open`}>
            ＋ 关联本村已有记录
          </button>
        ) : records.kind === 'loading' ? (
          <Loading />
        ) : records.kind === 'failed' ? (
          <Failure message={records.message} retry={load} />
        ) : options.length === 0 ? (
          <p className="f-muted">本村没有可关联的记录。</p>
        ) : (
          <div className="f-row">
            <PickOne id={`${P}link-pick`} invalid={false} value={pick} items={options} onChange={setPick} placeholder="选择记录" />
            <button
              type="button"
              className="f-button f-button-secondary f-button-small"
              disabled={!pick}
              onClick={() => {
                const record = records.items.find((r) => r.id === pick);
                if (record) onChange([...draft.links, { recordId: record.id, title: record.title, relation: '' }]);
                setPick('');
              }}
              data-testid={`${P}link-add`}
            >
              关联
            </button>
          </div>
        )}
      </FormRow>
    </section>
  );
}

/** 已保存: the record as the API answers it (ID number and phones masked), and 继续采集. */
function CollectResult({ record, onAnother }: { record: IntelRecord; onAnother: () => void }) {
  const facts: Array<[string, string | undefined]> = [
    ['类型', intelTypeLabel(record.type)],
    ['村（社区）', record.villageName],
  ];
  if (record.person) {
    const p = record.person;
    facts.push(['性别', genderLabel(p.gender)], ['身份证号码', p.idNumberMasked], ['联系电话', p.phoneMasked], ['住址', p.address], ['职业', p.occupation]);
  }
  if (record.place) {
    const loc = record.place.location;
    facts.push(['地址', record.place.address], ['位置', loc ? `${loc.lat.toFixed(5)}, ${loc.lng.toFixed(5)}` : undefined]);
  }
  if (record.thing) facts.push(['类别', record.thing.category], ['标识', record.thing.identifier]);
  if (record.event) facts.push(['发生时间', record.event.occurredAt ? formatDateTime(record.event.occurredAt) : undefined], ['经过', record.event.description]);
  if (record.organisation) facts.push(['联系电话', record.organisation.contactPhoneMasked], ['地址', record.organisation.address]);
  facts.push(
    ['可靠程度', reliabilityText(record.reliability)],
    ['核实状态', verificationLabel(record.verification.state)],
    ['标签', record.tags.length ? record.tags.join('、') : undefined],
    ['关联记录', record.links.length ? record.links.map((l) => `${l.title ?? l.recordId}（${l.relation}）`).join('、') : undefined],
    ['备注', record.note],
  );
  return (
    <div data-testid="m-collect-result" data-record-id={record.id}>
      <p className="f-ok" role="status">
        已保存
      </p>
      <section className="f-section">
        <h2 data-testid="m-collect-result-title">{record.title}</h2>
        <dl className="f-facts">
          {facts
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <div key={label} style={{ display: 'contents' }}>
                <dt>{label}</dt>
                <dd data-testid={label === '身份证号码' ? 'm-collect-result-id' : undefined}>{value}</dd>
              </div>
            ))}
        </dl>
      </section>
      <div className="f-buttons">
        <a href="/m" className="f-button f-button-secondary">
          返回
        </a>
        <button type="button" className="f-button" onClick={onAnother} data-testid="m-collect-another">
          继续采集
        </button>
      </div>
    </div>
  );
}
