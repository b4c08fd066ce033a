import type { ErrorDetail, Me } from '@beatlink/shared';
import type { Office, Workstation } from '@beatlink/shared/directory/units';
import type { Officer } from '@beatlink/shared/directory/officers';
import { ROLE_LABELS } from '@beatlink/shared/roles';
import type { ApiClient } from '../api-client';
import type { HouseholdTag } from '@beatlink/shared/registry/labels';
import type { CallbackCreateInput, Household, HouseholdCreateInput, HouseholdUpdateInput } from '@beatlink/shared/registry/households';
import { detailsToFields, tooLong } from './form';
import { PHONE_PATTERN } from './intake';

/**
 * 住户登记 on the phone (/m/households): the household form (POST, PUT with its version) and the
 * call-back survey (回访, POST /households/{id}/callbacks), checked by hand with the limits of
 * shared/src/registry/households.ts (which imports zod); the API's 400s land on the same fields.
 */

export const HOUSEHOLD_LIMITS = { address: 200, headName: 50, members: 100, note: 1000 } as const;

export interface HouseholdDraft {
  address: string;
  headName: string;
  /** Typed phone; on an edit, empty keeps the stored one. */
  headPhone: string;
  /** Edit only: remove the stored phone. */
  removePhone: boolean;
  members: string;
  tags: HouseholdTag[];
  note: string;
}

export type HouseholdField = 'village' | 'address' | 'headName' | 'headPhone' | 'members' | 'tags' | 'note';
export type HouseholdErrors = Partial<Record<HouseholdField, string>>;

export function newHouseholdDraft(): HouseholdDraft {
  return { address: '', headName: '', headPhone: '', removePhone: false, members: '1', tags: [], note: '' };
}

/** The form of an existing household: the phone is not known in clear, so it starts empty (kept). */
export function householdToDraft(household: Household): HouseholdDraft {
  return {
    address: household.address,
    headName: household.headName,
    headPhone: '',
    removePhone: false,
    members: String(household.members),
    tags: [...household.tags],
    note: household.note ?? '',
  };
}

export function toggleTag<T extends string>(tags: readonly T[], tag: T): T[] {
  return tags.includes(tag) ? tags.filter((t) => t !== tag) : [...tags, tag];
}

export function validateHousehold(draft: HouseholdDraft): HouseholdErrors {
  const e: HouseholdErrors = {};
  const L = HOUSEHOLD_LIMITS;
  e.address = draft.address.trim() ? tooLong(draft.address, L.address) : '请填写门牌地址';
  e.headName = draft.headName.trim() ? tooLong(draft.headName, L.headName) : '请填写户主姓名';
  const phone = draft.headPhone.trim();
  if (phone && !PHONE_PATTERN.test(phone)) e.headPhone = '请填写有效的手机号码或带区号的固定电话';
  const members = Number(draft.members.trim());
  if (!draft.members.trim() || !Number.isInteger(members) || members < 1 || members > L.members) e.members = `人口须为 1–${L.members} 的整数`;
  e.note = tooLong(draft.note, L.note);
  return Object.fromEntries(Object.entries(e).filter(([, message]) => message)) as HouseholdErrors;
}

function common(draft: HouseholdDraft, villageId: string) {
  const note = draft.note.trim();
  return {
    villageId,
    address: draft.address.trim(),
    headName: draft.headName.trim(),
    members: Number(draft.members.trim()),
    tags: [...draft.tags],
    ...(note ? { note } : {}),
  };
}

/** POST /households; call after `validateHousehold` found nothing. */
export function householdCreateBody(draft: HouseholdDraft, villageId: string): HouseholdCreateInput {
  const phone = draft.headPhone.trim();
  return { ...common(draft, villageId), ...(phone ? { headPhone: phone } : {}) };
}

/** PUT /households/{id}: the whole record with its version; a phone left empty is kept, removed → null. */
export function householdUpdateBody(draft: HouseholdDraft, household: Pick<Household, 'villageId' | 'version'>): HouseholdUpdateInput {
  const phone = draft.headPhone.trim();
  return {
    ...common(draft, household.villageId),
    ...(phone ? { headPhone: phone } : draft.removePhone ? { headPhone: null } : {}),
    version: household.version,
  };
}

export function householdFieldOf(path: string): HouseholdField | undefined {
  const head = path.split('.')[0];
  if (head === 'villageId') return 'village';
  return (['address', 'headName', 'headPhone', 'members', 'tags', 'note'] as const).find((f) => f === head);
}

export function householdErrorsFromApi(details: readonly ErrorDetail[]) {
  return detailsToFields(details, householdFieldOf);
}

/* ---------- call-backs (回访) ---------- */

export type YesNo = 'yes' | 'no';

export interface CallbackDraft {
  /** YYYY-MM-DD, the phone's calendar. */
  date: string;
  knowsOfficer: YesNo | '';
  officerKnowsHousehold: YesNo | '';
  satisfied: YesNo | '';
  officerId: string;
  note: string;
}

export type CallbackField = 'date' | 'knowsOfficer' | 'officerKnowsHousehold' | 'satisfied' | 'officerId' | 'note';
export type CallbackErrors = Partial<Record<CallbackField, string>>;

const pad = (n: number) => String(n).padStart(2, '0');
/** Today on the phone's calendar. */
export const localDate = (now: Date) => `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

export function newCallbackDraft(now: Date, officerId = ''): CallbackDraft {
  return { date: localDate(now), knowsOfficer: '', officerKnowsHousehold: '', satisfied: '', officerId, note: '' };
}

export function validateCallback(draft: CallbackDraft, now: Date): CallbackErrors {
  const e: CallbackErrors = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) e.date = '请选择回访日期';
  else if (draft.date > localDate(now)) e.date = '回访日期不能晚于今天';
  if (!draft.knowsOfficer) e.knowsOfficer = '请选择群众是否认识民警';
  if (!draft.officerKnowsHousehold) e.officerKnowsHousehold = '请选择民警是否熟悉该户';
  if (!draft.officerId) e.officerId = '请选择被回访的民警';
  const note = tooLong(draft.note, HOUSEHOLD_LIMITS.note);
  if (note) e.note = note;
  return e;
}

export function callbackBody(draft: CallbackDraft): CallbackCreateInput {
  const note = draft.note.trim();
  return {
    date: draft.date,
    knowsOfficer: draft.knowsOfficer === 'yes',
    officerKnowsHousehold: draft.officerKnowsHousehold === 'yes',
    officerId: draft.officerId,
    ...(draft.satisfied ? { satisfied: draft.satisfied === 'yes' } : {}),
    ...(note ? { note } : {}),
  };
}

export interface OfficerOption {
  id: string;
  name: string;
}

/**
 * The officers a call-back of a household may be about: its office's community officer and its
 * workstation's contact officer (GET /directory/offices|workstations/{id}, then their names), and
 * the signed-in officer himself when he is neither. A directory answer that fails leaves that
 * officer out: the survey can still be recorded about the others.
 */
export async function callbackOfficers(
  api: Pick<ApiClient, 'get'>,
  household: Pick<Household, 'officeId' | 'workstationId'>,
  me: Pick<Me, 'officerId' | 'name'>,
): Promise<OfficerOption[]> {
  const quiet = <T>(promise: Promise<T>) => promise.catch(() => undefined);
  const [office, workstation] = await Promise.all([
    quiet(api.get<Office>(`/directory/offices/${household.officeId}`)),
    quiet(api.get<Workstation>(`/directory/workstations/${household.workstationId}`)),
  ]);
  const assigned: Array<{ id: string | undefined; role: 'community_officer' | 'contact_officer' }> = [
    { id: office?.communityOfficerId, role: 'community_officer' },
    { id: workstation?.contactOfficerId, role: 'contact_officer' },
  ];
  const options: OfficerOption[] = [];
  for (const { id, role } of assigned) {
    if (!id || options.some((o) => o.id === id)) continue;
    const officer = id === me.officerId ? { name: me.name } : await quiet(api.get<Officer>(`/directory/officers/${id}`));
    if (officer) options.push({ id, name: `${officer.name}（${ROLE_LABELS[role].zh}${id === me.officerId ? '，本人' : ''}）` });
  }
  if (me.officerId && !options.some((o) => o.id === me.officerId)) options.push({ id: me.officerId, name: `${me.name}（本人）` });
  return options;
}

export function callbackFieldOf(path: string): CallbackField | undefined {
  const head = path.split('.')[0];
  return (['date', 'knowsOfficer', 'officerKnowsHousehold', 'satisfied', 'officerId', 'note'] as const).find((f) => f === head);
}

export function callbackErrorsFromApi(details: readonly ErrorDetail[]) {
  return detailsToFields(details, callbackFieldOf);
}
