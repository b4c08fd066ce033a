import { familiarityRate, familiarityRates, maskPhone, newId, type Officer, type Page, type Village } from '@beatlink/shared';
import type {
  CallbackCreateInput,
  FamiliarityQuery,
  Household,
  HouseholdCallback,
  HouseholdCreateInput,
  HouseholdListQuery,
  HouseholdUpdateInput,
  VillageFamiliarity,
} from '@beatlink/shared/registry/households';
import { getRecord } from '../../data/directory-records';
import { getHouseholdRecord, putCallbackOp, putHouseholdOp, queryVillageHouseholds, villageCallbacks, type StoredCallback, type StoredHousehold } from '../../data/registry';
import { runTransaction } from '../../data/repository';
import { invalidField, notFound, versionConflict } from '../../lib/app-error';
import { isoNow } from '../../lib/clock';
import { requireTenant, type TenantContext, type TenantScopedContext } from '../../lib/tenant-context';
import { defaultDeps, type ServiceDeps } from '../deps';
import { encryptField } from '../personal-data/field-cipher';
import { loadVillage } from './reach';
import { callbackDateRange, villageInReach } from './rules';

/**
 * The household register (户) and its call-back surveys (回访). A household is seen and changed
 * by those whose reach holds its village (404 otherwise; a create or a move into a village
 * outside the caller's area is refused with 403). The head's phone is encrypted at rest and
 * answered masked only.
 */
export const HEAD_PHONE_PURPOSE = 'household.head.phone';

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

export async function createHousehold(ctxIn: TenantContext, input: HouseholdCreateInput, deps: ServiceDeps = defaultDeps()): Promise<Household> {
  const ctx = requireTenant(ctxIn);
  const village = await loadVillage(ctx, input.villageId, { path: 'villageId', outsideReach: 'refuse' });
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
  await runTransaction([putHouseholdOp(household, undefined)]);
  return toHouseholdView(household);
}

export async function updateHousehold(ctxIn: TenantContext, id: string, input: HouseholdUpdateInput, deps: ServiceDeps = defaultDeps()): Promise<Household> {
  const { ctx, household } = await loadVisible(ctxIn, id);
  if (household.version !== input.version) throw versionConflict();
  const village = input.villageId === household.villageId ? undefined : await loadVillage(ctx, input.villageId, { path: 'villageId', outsideReach: 'refuse' });
  const { headPhoneMasked: _m, headPhoneCipher: _c, note: _n, ...kept } = household;
  const phone =
    input.headPhone === undefined
      ? household.headPhoneCipher
        ? { headPhoneMasked: household.headPhoneMasked, headPhoneCipher: household.headPhoneCipher }
        : {}
      : input.headPhone === null
        ? {}
        : await sealHeadPhone(ctx.tenantId, input.headPhone);
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
  await runTransaction([putHouseholdOp(next, household.version)]);
  return toHouseholdView(next);
}

export async function getHousehold(ctx: TenantContext, id: string): Promise<Household> {
  return toHouseholdView((await loadVisible(ctx, id)).household);
}

/** A village's households by address, optionally those with one tag (filtered page by page). */
export async function listHouseholds(ctxIn: TenantContext, query: HouseholdListQuery): Promise<Page<Household>> {
  const ctx = requireTenant(ctxIn);
  await loadVillage(ctx, query.villageId, { path: 'villageId', outsideReach: 'hide' });
  const page = await queryVillageHouseholds(ctx.tenantId, query.villageId, { limit: query.limit, cursor: query.cursor });
  const tag = query.tag;
  return { ...page, items: page.items.filter((h) => !tag || h.tags.includes(tag)).map(toHouseholdView) };
}

const toCallbackView = ({ tenantId: _t, ...callback }: StoredCallback): HouseholdCallback => callback;

/** 回访: the result of one call-back survey of a household about one officer of the county. */
export async function recordCallback(ctxIn: TenantContext, householdId: string, input: CallbackCreateInput, deps: ServiceDeps = defaultDeps()): Promise<HouseholdCallback> {
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
  await runTransaction([putCallbackOp(callback)]);
  return toCallbackView(callback);
}

/** 双向熟悉率 of a village and of each officer surveyed in it, from one Query of its call-backs. */
export async function villageFamiliarity(ctxIn: TenantContext, villageId: string, query: FamiliarityQuery): Promise<VillageFamiliarity> {
  const ctx = requireTenant(ctxIn);
  await loadVillage(ctx, villageId, { path: 'id', outsideReach: 'hide' });
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
