import { familiarityRate, familiarityRates, maskPhone, newId, type Officer, type Page, type Village } from '@beatlink/shared';
import type {
  CallbackCreateInput,
  FamiliarityQuery,
  Household,
  HouseholdCallback,
  HouseholdCreateInput,
  HouseholdListQuery,
  HouseholdRevealInput,
  HouseholdUpdateInput,
  RevealedHouseholdPhone,
  VillageFamiliarity,
} from '@beatlink/shared/registry/households';
import { getRecord } from '../../data/directory-records';
import { getHouseholdRecord, putCallbackOp, putHouseholdOp, queryVillageHouseholds, villageCallbacks, type StoredCallback, type StoredHousehold } from '../../data/registry';
import { invalidField, notFound, versionConflict } from '../../lib/app-error';
import { isoNow } from '../../lib/clock';
import { requireTenant, type TenantContext, type TenantScopedContext } from '../../lib/tenant-context';
import { auditActor, changedFieldNames, commitAudited, runAuditedTransaction, type AuditedCommit, type AuditEntryInput } from '../audit/audit-log';
import { defaultDeps, type ServiceDeps } from '../deps';
import { decryptField, encryptField } from '../personal-data/field-cipher';
import { recordRevealOps } from '../personal-data/reveal-log';
import { loadVillageInReach, villageInReach } from '../directory/village-reach';
import { callbackDateRange } from './rules';

/**
 * The household register (户) and its call-back surveys (回访). A household is seen and changed
 * by those whose reach holds its village (404 otherwise; a create or a move into a village
 * outside the caller's area is refused with 403). The head's phone is encrypted at rest and
 * answered masked; roles allowed to (registry.reveal) see it in clear through a recorded reveal.
 * Every change — household, call-back, village resources — commits with its entry in the
 * county's audit chain (commitAudited: field names only, never a phone or a name).
 */
export const HEAD_PHONE_PURPOSE = 'household.head.phone';

/** Commits a change with its audit entries (commitAudited; the demo seed batches several). */

/** Every change of a household, call-back or village resources is audited (issue #4 point 7). */
export interface RegistryDeps extends ServiceDeps {
  commit?: AuditedCommit;
}

export const commitOf = (deps: RegistryDeps): AuditedCommit => deps.commit ?? commitAudited;

/** Fields whose change is not itself news in the audit log (they change with every write). */
export const META_FIELDS = ['version', 'updatedAt', 'updatedBy', 'createdAt', 'createdBy', 'tenantId'];

const householdNotFound = () => notFound('id', '住户不存在 / household not found');

async function sealHeadPhone(tenantId: string, phone: string): Promise<Pick<StoredHousehold, 'headPhoneMasked' | 'headPhoneCipher'>> {
  return { headPhoneMasked: maskPhone(phone), headPhoneCipher: await encryptField(tenantId, phone, HEAD_PHONE_PURPOSE) };
}

export const toHouseholdView = ({ tenantId: _t, headPhoneCipher: _c, ...household }: StoredHousehold): Household => household;

const placeOf = (village: Village) => ({ villageId: village.id, villageName: village.name, officeId: village.officeId, workstationId: village.workstationId, stationId: village.stationId });

async function loadVisible(ctxIn: TenantContext, id: string): Promise<{ ctx: TenantScopedContext; household: StoredHousehold }> {
  const ctx = requireTenant(ctxIn);
  const household = await getHouseholdRecord(ctx.tenantId, id);
  if (!household || !villageInReach(ctx, household)) throw householdNotFound();
  return { ctx, household };
}

export async function createHousehold(ctxIn: TenantContext, input: HouseholdCreateInput, deps: RegistryDeps = defaultDeps()): Promise<Household> {
  const ctx = requireTenant(ctxIn);
  const village = await loadVillageInReach(ctx, input.villageId, { path: 'villageId', outsideReach: 'refuse' });
  const now = isoNow(deps.clock);
  const household: StoredHousehold = {
    tenantId: ctx.tenantId,
    id: newId('household', Date.parse(now)),
    ...placeOf(village),
    address: input.address,
    headName: input.headName,
    ...(input.headPhone ? await sealHeadPhone(ctx.tenantId, input.headPhone) : {}),
    members: input.members,
    tags: input.tags,
    ...(input.note ? { note: input.note } : {}),
    status: 'active',
    version: 1,
    createdAt: now,
    updatedAt: now,
    createdBy: ctx.username,
    updatedBy: ctx.username,
  };
  const changed = changedFieldNames({}, { ...household, headPhoneMasked: undefined, headPhoneCipher: undefined, headPhone: household.headPhoneCipher ? true : undefined }, [...META_FIELDS, 'id', 'status']);
  const entry: AuditEntryInput = { actor: auditActor(ctx), action: 'create', record: { kind: 'household', id: household.id }, summary: { villageId: household.villageId, changed }, at: now };
  await commitOf(deps)(ctx.tenantId, [putHouseholdOp(household, undefined)], [entry], deps.clock);
  return toHouseholdView(household);
}

export async function updateHousehold(ctxIn: TenantContext, id: string, input: HouseholdUpdateInput, deps: RegistryDeps = defaultDeps()): Promise<Household> {
  const { ctx, household } = await loadVisible(ctxIn, id);
  if (household.version !== input.version) throw versionConflict();
  const village = input.villageId === household.villageId ? undefined : await loadVillageInReach(ctx, input.villageId, { path: 'villageId', outsideReach: 'refuse' });
  const { headPhoneMasked: _m, headPhoneCipher: _c, note: _n, ...kept } = household;
  const stored = household.headPhoneCipher ? { headPhoneMasked: household.headPhoneMasked, headPhoneCipher: household.headPhoneCipher } : {};
  // The same number again keeps its ciphertext, so it is not recorded as a change.
  const samePhone = async (phone: string) => household.headPhoneCipher !== undefined && (await decryptField(ctx.tenantId, household.headPhoneCipher, HEAD_PHONE_PURPOSE)) === phone;
  const phone =
    input.headPhone === undefined ? stored : input.headPhone === null ? {} : (await samePhone(input.headPhone)) ? stored : await sealHeadPhone(ctx.tenantId, input.headPhone);
  const next: StoredHousehold = {
    ...kept,
    ...(village ? placeOf(village) : {}),
    address: input.address,
    headName: input.headName,
    ...phone,
    members: input.members,
    tags: input.tags,
    ...(input.note ? { note: input.note } : {}),
    version: household.version + 1,
    updatedAt: isoNow(deps.clock),
    updatedBy: ctx.username,
  };
  const comparable = (h: StoredHousehold) => ({ ...h, headPhoneMasked: undefined, headPhoneCipher: undefined, headPhone: h.headPhoneCipher ?? null });
  const changed = changedFieldNames(comparable(household), comparable(next), META_FIELDS);
  const entry: AuditEntryInput = { actor: auditActor(ctx), action: 'update', record: { kind: 'household', id: household.id }, summary: { version: next.version, villageId: next.villageId, changed }, at: next.updatedAt };
  await commitOf(deps)(ctx.tenantId, [putHouseholdOp(next, household.version)], [entry], deps.clock);
  return toHouseholdView(next);
}

export async function getHousehold(ctx: TenantContext, id: string): Promise<Household> {
  return toHouseholdView((await loadVisible(ctx, id)).household);
}

/** A village's households by address, optionally those with one tag (filtered page by page). */
export async function listHouseholds(ctxIn: TenantContext, query: HouseholdListQuery): Promise<Page<Household>> {
  const ctx = requireTenant(ctxIn);
  await loadVillageInReach(ctx, query.villageId, { path: 'villageId', outsideReach: 'hide' });
  const page = await queryVillageHouseholds(ctx.tenantId, query.villageId, { limit: query.limit, cursor: query.cursor });
  const tag = query.tag;
  return { ...page, items: page.items.filter((h) => !tag || h.tags.includes(tag)).map(toHouseholdView) };
}

const toCallbackView = ({ tenantId: _t, ...callback }: StoredCallback): HouseholdCallback => callback;

/** 回访: the result of one call-back survey of a household about one officer of the county. */
export async function recordCallback(ctxIn: TenantContext, householdId: string, input: CallbackCreateInput, deps: RegistryDeps = defaultDeps()): Promise<HouseholdCallback> {
  const { ctx, household } = await loadVisible(ctxIn, householdId);
  const now = isoNow(deps.clock);
  // The survey's date by the caller's calendar: a day ahead of UTC is allowed for UTC+ zones.
  if (Date.parse(`${input.date}T00:00:00Z`) > Date.parse(now) + 86_400_000) throw invalidField('date', '回访日期不能晚于今天 / must not be in the future');
  const officer = await getRecord<Officer>(ctx, 'officer', input.officerId);
  if (!officer) throw notFound('officerId', '民警不存在 / officer not found');
  const callback: StoredCallback = {
    tenantId: ctx.tenantId,
    id: newId('callback', Date.parse(now)),
    householdId: household.id,
    villageId: household.villageId,
    date: input.date,
    knowsOfficer: input.knowsOfficer,
    officerKnowsHousehold: input.officerKnowsHousehold,
    officerId: officer.id,
    ...(input.satisfied === undefined ? {} : { satisfied: input.satisfied }),
    ...(input.note ? { note: input.note } : {}),
    createdAt: now,
    createdBy: ctx.username,
  };
  const entry: AuditEntryInput = {
    actor: auditActor(ctx),
    action: 'create',
    record: { kind: 'callback', id: callback.id },
    summary: { householdId: household.id, villageId: household.villageId, officerId: officer.id, date: callback.date, knowsOfficer: callback.knowsOfficer, officerKnowsHousehold: callback.officerKnowsHousehold },
    at: now,
  };
  await commitOf(deps)(ctx.tenantId, [putCallbackOp(callback)], [entry], deps.clock);
  return toCallbackView(callback);
}

/** A reveal is a read for the user: a few retries when a colleague's change took the audit head first. */
const REVEAL_ATTEMPTS = 4;

/**
 * The head's phone in clear, for a caller whose role may reveal it (registry.reveal; never
 * auxiliaries) and whose reach holds the household. The reveal and its audit entry commit before
 * the number leaves.
 */
export async function revealHouseholdPhone(ctxIn: TenantContext, id: string, input: HouseholdRevealInput, deps: ServiceDeps = defaultDeps()): Promise<RevealedHouseholdPhone> {
  const { ctx, household } = await loadVisible(ctxIn, id);
  if (!household.headPhoneCipher) throw notFound('field', '该户没有登记户主电话 / no head phone recorded');
  const value = await decryptField(ctx.tenantId, household.headPhoneCipher, HEAD_PHONE_PURPOSE);
  await runAuditedTransaction(() => recordRevealOps(ctx, { recordKind: 'household', recordId: household.id, field: input.field, reason: input.reason }, deps.clock), { attempts: REVEAL_ATTEMPTS });
  return { field: 'headPhone', value };
}

/** 双向熟悉率 of a village and of each officer surveyed in it, from one Query of its call-backs. */
export async function villageFamiliarity(ctxIn: TenantContext, villageId: string, query: FamiliarityQuery): Promise<VillageFamiliarity> {
  const ctx = requireTenant(ctxIn);
  await loadVillageInReach(ctx, villageId, { path: 'id', outsideReach: 'hide' });
  const callbacks = await villageCallbacks(ctx.tenantId, villageId, callbackDateRange(query.from, query.to));
  const rates = familiarityRates(
    callbacks.map((c) => ({ householdId: c.householdId, villageId: c.villageId, officerId: c.officerId, knowsOfficer: c.knowsOfficer, officerKnowsHousehold: c.officerKnowsHousehold, surveyedAt: `${c.date}#${c.createdAt}` })),
  );
  return {
    villageId,
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
    callbacks: callbacks.length,
    village: rates.byVillage[villageId] ?? familiarityRate([]),
    byOfficer: rates.byOfficer,
  };
}
