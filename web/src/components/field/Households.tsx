'use client';

import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { Page } from '@beatlink/shared';
import { HOUSEHOLD_TAG_LABELS, HOUSEHOLD_TAGS } from '@beatlink/shared/registry/labels';
import type { Household, HouseholdCallback } from '@beatlink/shared/registry/households';
import { ApiError, describeError, isVersionConflict } from '../../lib/api-error';
import { newFormKey } from '../../lib/field/form';
import {
  callbackBody,
  callbackErrorsFromApi,
  callbackOfficers,
  householdCreateBody,
  householdErrorsFromApi,
  householdToDraft,
  householdUpdateBody,
  newCallbackDraft,
  newHouseholdDraft,
  toggleTag,
  validateCallback,
  validateHousehold,
  type CallbackDraft,
  type CallbackErrors,
  type CallbackField,
  type HouseholdDraft,
  type HouseholdErrors,
  type HouseholdField,
  type OfficerOption,
  type YesNo,
} from '../../lib/field/households';
import type { VillageOption } from '../../lib/field/reach';
import { TextRow, ToggleChips, villageName } from './FormInputs';
import { PickOne } from './PickOne';
import { may, useFieldSession, type FieldSession } from './session';
import { Choices, Failure, FieldBar, FormRow, Loading } from './ui';
import { VillagesInReach } from './VillagesInReach';
import './duty.css';

const P = 'm-household-';
const CB = 'm-callback-';
const TAG_OPTIONS = HOUSEHOLD_TAGS.map((t) => ({ value: t, label: HOUSEHOLD_TAG_LABELS[t].zh }));
const YES_NO: ReadonlyArray<{ value: YesNo; label: string }> = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
];
const tagLabel = (tag: string) => HOUSEHOLD_TAG_LABELS[tag as keyof typeof HOUSEHOLD_TAG_LABELS]?.zh ?? tag;

/** 住户登记 (phone): a village's households, registering and editing one, and call-backs (回访). */
export function Households() {
  const state = useFieldSession();
  return (
    <>
      <FieldBar title="住户登记" back="/m" />
      <main className="f-page">
        {state.kind === 'loading' && <Loading />}
        {state.kind === 'failed' && <Failure message={state.message} retry={state.retry} />}
        {state.kind === 'ready' &&
          (may(state.session.me, 'registry.write') ? (
            <VillagesInReach session={state.session}>{(villages) => <Register session={state.session} villages={villages} />}</VillagesInReach>
          ) : (
            <p className="f-hint">您的角色不能登记住户。</p>
          ))}
      </main>
    </>
  );
}

type Mode = { kind: 'list' } | { kind: 'new' } | { kind: 'edit'; household: Household } | { kind: 'callback'; household: Household };
type List = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; items: Household[]; nextCursor?: string; more?: boolean };

function Register({ session, villages }: { session: FieldSession; villages: VillageOption[] }) {
  const [villageId, setVillageId] = useState(villages.length === 1 ? villages[0]!.id : '');
  const [list, setList] = useState<List>({ kind: 'loading' });
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [notice, setNotice] = useState<string>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!villageId) return;
    let cancelled = false;
    setList({ kind: 'loading' });
    session.api
      .get<Page<Household>>('/households', { villageId, limit: 100 })
      .then((page) => !cancelled && setList({ kind: 'ready', items: page.items, nextCursor: page.nextCursor }))
      .catch((error: unknown) => !cancelled && setList({ kind: 'failed', message: describeError(error) }));
    return () => {
      cancelled = true;
    };
  }, [session, villageId, attempt]);

  const more = () => {
    if (list.kind !== 'ready' || !list.nextCursor) return;
    setList({ ...list, more: true });
    session.api
      .get<Page<Household>>('/households', { villageId, limit: 100, cursor: list.nextCursor })
      .then((page) => setList({ kind: 'ready', items: [...list.items, ...page.items], nextCursor: page.nextCursor }))
      .catch((error: unknown) => setList({ kind: 'failed', message: describeError(error) }));
  };

  const saved = (household: Household, created: boolean) => {
    setList((l) => (l.kind === 'ready' ? { ...l, items: created ? [household, ...l.items] : l.items.map((h) => (h.id === household.id ? household : h)) } : l));
    setNotice(`${created ? '已登记' : '已保存'}：${household.address}（户主 ${household.headName}）`);
    setMode({ kind: 'list' });
    window.scrollTo({ top: 0 });
  };

  if (mode.kind === 'new' || mode.kind === 'edit')
    return (
      <HouseholdForm
        session={session}
        villageId={villageId}
        villageName={villageName(villages, villageId)}
        household={mode.kind === 'edit' ? mode.household : undefined}
        onSaved={saved}
        onCancel={() => setMode({ kind: 'list' })}
      />
    );
  if (mode.kind === 'callback')
    return (
      <CallbackForm
        session={session}
        household={mode.household}
        onSaved={() => {
          setNotice(`已记录回访：${mode.household.address}（户主 ${mode.household.headName}）`);
          setMode({ kind: 'list' });
          window.scrollTo({ top: 0 });
        }}
        onCancel={() => setMode({ kind: 'list' })}
      />
    );

  return (
    <>
      {notice && (
        <p className="f-ok" role="status" data-testid="m-household-notice">
          {notice}
        </p>
      )}
      <section className="f-section">
        <FormRow label="村（社区）" name="village" required errorPrefix={`${P}error-`} htmlFor={`${P}village`}>
          <PickOne
            id={`${P}village`}
            invalid={false}
            value={villageId}
            items={villages}
            onChange={(v) => {
              setVillageId(v);
              setNotice(undefined);
            }}
          />
        </FormRow>
      </section>
      {villageId && (
        <>
          <button type="button" className="f-button" onClick={() => setMode({ kind: 'new' })} data-testid="m-household-new">
            ＋ 登记住户
          </button>
          {list.kind === 'loading' && <Loading />}
          {list.kind === 'failed' && <Failure message={list.message} retry={() => setAttempt((n) => n + 1)} />}
          {list.kind === 'ready' && (
            <>
              <p className="f-muted" data-testid="m-household-count">
                {list.items.length === 0 ? '本村还没有登记住户。' : `已登记 ${list.items.length}${list.nextCursor ? '+' : ''} 户`}
              </p>
              <ul className="f-cards">
                {list.items.map((h) => (
                  <li key={h.id} className="f-matter-card" data-testid="m-household-row" data-household-id={h.id}>
                    <strong>{h.address}</strong>
                    <div className="f-meta">
                      <span>户主 {h.headName}</span>
                      <span>{h.members} 人</span>
                      {h.headPhoneMasked && <span data-testid="m-household-phone">{h.headPhoneMasked}</span>}
                    </div>
                    {h.tags.length > 0 && (
                      <div className="f-meta">
                        {h.tags.map((tag) => (
                          <span key={tag} className="f-badge">
                            {tagLabel(tag)}
                          </span>
                        ))}
                      </div>
                    )}
                    <div className="f-buttons">
                      <button type="button" className="f-button f-button-secondary f-button-small" onClick={() => setMode({ kind: 'edit', household: h })} data-testid="m-household-edit">
                        修改
                      </button>
                      <button type="button" className="f-button f-button-secondary f-button-small" onClick={() => setMode({ kind: 'callback', household: h })} data-testid="m-household-callback">
                        回访
                      </button>
                    </div>
                  </li>
                ))}
              </ul>
              {list.nextCursor && (
                <button type="button" className="f-button f-button-secondary" onClick={more} disabled={list.more}>
                  {list.more ? '正在加载…' : '加载更多'}
                </button>
              )}
            </>
          )}
        </>
      )}
    </>
  );
}

/** Register (POST, with an Idempotency-Key) or edit (PUT with the version) one household. */
function HouseholdForm({
  session,
  villageId,
  villageName: village,
  household,
  onSaved,
  onCancel,
}: {
  session: FieldSession;
  villageId: string;
  villageName: string;
  household?: Household;
  onSaved: (household: Household, created: boolean) => void;
  onCancel: () => void;
}) {
  const [base, setBase] = useState(household);
  const [draft, setDraft] = useState<HouseholdDraft>(() => (household ? householdToDraft(household) : newHouseholdDraft()));
  const [key] = useState(() => newFormKey('household'));
  const [errors, setErrors] = useState<HouseholdErrors>({});
  const [general, setGeneral] = useState<string>();
  const [stale, setStale] = useState(false);
  const [sending, setSending] = useState(false);
  const top = useRef<HTMLDivElement>(null);

  const set = (change: Partial<HouseholdDraft>, field?: HouseholdField) => {
    setDraft((d) => ({ ...d, ...change }));
    if (field) setErrors(({ [field]: _gone, ...rest }) => rest);
  };

  const reload = async () => {
    if (!base) return;
    try {
      const latest = await session.api.get<Household>(`/households/${base.id}`);
      setBase(latest);
      setDraft(householdToDraft(latest));
      setStale(false);
      setGeneral('已载入最新内容，请重新修改后保存。');
    } catch (error) {
      setGeneral(describeError(error));
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const found = validateHousehold(draft);
    setErrors(found);
    setGeneral(undefined);
    if (Object.keys(found).length > 0) return;
    setSending(true);
    try {
      const saved = base
        ? await session.api.put<Household>(`/households/${base.id}`, householdUpdateBody(draft, base))
        : await session.api.post<Household>('/households', householdCreateBody(draft, villageId), { idempotencyKey: key });
      onSaved(saved, !base);
    } catch (error) {
      if (isVersionConflict(error)) {
        setStale(true);
        setGeneral('该户已被他人修改，您的修改未保存。请载入最新内容后再修改。');
      } else if (error instanceof ApiError && error.status === 400 && error.details.length > 0) {
        const mapped = householdErrorsFromApi(error.details);
        setErrors(mapped.fields);
        if (mapped.general.length || Object.keys(mapped.fields).length === 0) setGeneral([...mapped.general, describeError(error)][0]);
      } else if (error instanceof ApiError && error.status === 0) {
        setGeneral('网络不佳，保存未完成。内容已保留，请稍后再点“保存”（不会重复登记）。');
      } else {
        setGeneral(describeError(error));
      }
      top.current?.scrollIntoView({ behavior: 'smooth' });
    } finally {
      setSending(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="m-household-form">
      <div ref={top} />
      <h2 className="f-h2" style={{ marginBottom: 12 }}>
        {base ? '修改住户' : '登记住户'} · {base?.villageName ?? village}
      </h2>
      {general && (
        <div className="f-error" role="alert" data-testid="m-household-error">
          {general}
          {stale && (
            <div className="f-buttons">
              <button type="button" className="f-button f-button-small" onClick={() => void reload()} data-testid="m-household-reload">
                载入最新内容
              </button>
            </div>
          )}
        </div>
      )}
      <section className="f-section">
        <TextRow prefix={P} name="address" label="门牌地址" required value={draft.address} onChange={(v) => set({ address: v }, 'address')} error={errors.address} placeholder="如：东街 12 号" />
        <TextRow prefix={P} name="headName" label="户主姓名" required value={draft.headName} onChange={(v) => set({ headName: v }, 'headName')} error={errors.headName} />
        <TextRow
          prefix={P}
          name="headPhone"
          label={base?.headPhoneMasked ? '户主电话（留空则不变）' : '户主电话（可选）'}
          type="tel"
          inputMode="tel"
          value={draft.headPhone}
          onChange={(v) => set({ headPhone: v, removePhone: false }, 'headPhone')}
          error={errors.headPhone}
          placeholder={base?.headPhoneMasked ?? '手机号或带区号的固话'}
          hint={
            base?.headPhoneMasked && !draft.headPhone ? (
              <label className="f-check">
                <input type="checkbox" checked={draft.removePhone} onChange={(e) => set({ removePhone: e.target.checked })} data-testid={`${P}remove-phone`} />
                删除已登记的电话 {base.headPhoneMasked}
              </label>
            ) : undefined
          }
        />
        <TextRow prefix={P} name="members" label="家庭人口" required type="number" inputMode="numeric" value={draft.members} onChange={(v) => set({ members: v }, 'members')} error={errors.members} />
        <FormRow label="标签（可多选）" name="tags" error={errors.tags} errorPrefix={`${P}error-`}>
          <ToggleChips label="标签" options={TAG_OPTIONS} value={draft.tags} onToggle={(t) => set({ tags: toggleTag(draft.tags, t) }, 'tags')} testIdPrefix={`${P}tag-`} />
        </FormRow>
        <TextRow prefix={P} name="note" label="备注（可选）" multiline value={draft.note} onChange={(v) => set({ note: v }, 'note')} error={errors.note} />
      </section>
      <div className="f-buttons">
        <button type="button" className="f-button f-button-secondary" onClick={onCancel}>
          取消
        </button>
        <button className="f-button" type="submit" disabled={sending || stale} data-testid="m-household-submit">
          {sending ? '正在保存…' : '保存'}
        </button>
      </div>
    </form>
  );
}

/** 回访: whether the household knows its officer and the officer knows the household. */
function CallbackForm({ session, household, onSaved, onCancel }: { session: FieldSession; household: Household; onSaved: (callback: HouseholdCallback) => void; onCancel: () => void }) {
  const [officers, setOfficers] = useState<OfficerOption[]>();
  const [draft, setDraft] = useState<CallbackDraft>(() => newCallbackDraft(new Date()));
  const [key] = useState(() => newFormKey('callback'));
  const [errors, setErrors] = useState<CallbackErrors>({});
  const [general, setGeneral] = useState<string>();
  const [sending, setSending] = useState(false);

  const set = useCallback((change: Partial<CallbackDraft>, field: CallbackField) => {
    setDraft((d) => ({ ...d, ...change }));
    setErrors(({ [field]: _gone, ...rest }) => rest);
  }, []);

  // The household's community and contact officers (and the caller), one of them chosen already.
  useEffect(() => {
    let cancelled = false;
    void callbackOfficers(session.api, household, session.me).then((options) => {
      if (cancelled) return;
      setOfficers(options);
      const mine = options.find((o) => o.id === session.me.officerId) ?? options[0];
      if (mine) setDraft((d) => (d.officerId ? d : { ...d, officerId: mine.id }));
    });
    return () => {
      cancelled = true;
    };
  }, [session, household]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const found = validateCallback(draft, new Date());
    setErrors(found);
    setGeneral(undefined);
    if (Object.keys(found).length > 0) return;
    setSending(true);
    try {
      onSaved(await session.api.post<HouseholdCallback>(`/households/${household.id}/callbacks`, callbackBody(draft), { idempotencyKey: key }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.details.length > 0) {
        const mapped = callbackErrorsFromApi(error.details);
        setErrors(mapped.fields);
        if (mapped.general.length || Object.keys(mapped.fields).length === 0) setGeneral([...mapped.general, describeError(error)][0]);
      } else if (error instanceof ApiError && error.status === 0) {
        setGeneral('网络不佳，提交未完成。请稍后再点“提交回访”（不会重复记录）。');
      } else {
        setGeneral(describeError(error));
      }
    } finally {
      setSending(false);
    }
  };

  const ERR = `${CB}error-`;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="m-callback-form">
      <h2 className="f-h2" style={{ marginBottom: 4 }}>
        回访 · {household.address}
      </h2>
      <p className="f-muted" style={{ marginTop: 0 }}>
        户主 {household.headName}
        {household.headPhoneMasked ? ` · ${household.headPhoneMasked}` : ''}
      </p>
      {general && (
        <p className="f-error" role="alert" data-testid="m-callback-error">
          {general}
        </p>
      )}
      <section className="f-section">
        <TextRow prefix={CB} name="date" label="回访日期" required type="date" value={draft.date} onChange={(v) => set({ date: v }, 'date')} error={errors.date} />
        <FormRow label="被回访的民警" name="officerId" required error={errors.officerId} errorPrefix={ERR} htmlFor={`${CB}officer`}>
          {!officers ? (
            <Loading />
          ) : officers.length > 0 ? (
            <PickOne id={`${CB}officer`} invalid={!!errors.officerId} value={draft.officerId} items={officers} onChange={(v) => set({ officerId: v }, 'officerId')} />
          ) : (
            <p className="f-hint">未找到该户的责任民警，不能登记回访，请联系活动办。</p>
          )}
        </FormRow>
        <FormRow label="群众是否认识民警（知道姓名、联系方式）" name="knowsOfficer" required error={errors.knowsOfficer} errorPrefix={ERR}>
          <Choices label="群众是否认识民警" options={YES_NO} value={draft.knowsOfficer} onChange={(v) => set({ knowsOfficer: v }, 'knowsOfficer')} testIdPrefix={`${CB}knows-`} />
        </FormRow>
        <FormRow label="民警是否熟悉该户（户主、成员、家庭情况）" name="officerKnowsHousehold" required error={errors.officerKnowsHousehold} errorPrefix={ERR}>
          <Choices
            label="民警是否熟悉该户"
            options={YES_NO}
            value={draft.officerKnowsHousehold}
            onChange={(v) => set({ officerKnowsHousehold: v }, 'officerKnowsHousehold')}
            testIdPrefix={`${CB}known-`}
          />
        </FormRow>
        <FormRow label="是否满意（可选）" name="satisfied" error={errors.satisfied} errorPrefix={ERR}>
          <Choices label="是否满意" options={YES_NO} value={draft.satisfied} onChange={(v) => set({ satisfied: v }, 'satisfied')} testIdPrefix={`${CB}satisfied-`} allowClear />
        </FormRow>
        <TextRow prefix={CB} name="note" label="备注（可选）" multiline value={draft.note} onChange={(v) => set({ note: v }, 'note')} error={errors.note} placeholder="如：能说出社区民警姓名和电话" />
      </section>
      <div className="f-buttons">
        <button type="button" className="f-button f-button-secondary" onClick={onCancel}>
          取消
        </button>
        <button className="f-button" type="submit" disabled={sending || officers?.length === 0} data-testid="m-callback-submit">
          {sending ? '正在提交…' : '提交回访'}
        </button>
      </div>
    </form>
  );
}
