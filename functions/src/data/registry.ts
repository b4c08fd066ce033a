import type { Page } from '@beatlink/shared';
import type { Household, HouseholdCallback, VillageResources } from '@beatlink/shared/registry/households';
import { versionConflict } from '../lib/app-error';
import { tenantPartition } from './entities/common';
import { CallbackEntity, HouseholdEntity, ResourcesEntity } from './entities/registry';
import { getItem, putOp, queryAll, queryPage, withoutIndexKeys, type PageRequest, type SortKeyRange, type TxOp } from './repository';

export type StoredHousehold = Household & { tenantId: string; headPhoneCipher?: string };
export type StoredCallback = HouseholdCallback & { tenantId: string };
export type StoredResources = VillageResources & { tenantId: string };

const householdBase = (tenantId: string) => tenantPartition(tenantId, 'HOUSEHOLD');
export const villageHouseholdsPartition = (tenantId: string, villageId: string) => `${householdBase(tenantId)}#VILLAGE#${villageId}`;
export const householdCallbacksPartition = (tenantId: string, householdId: string) => `${tenantPartition(tenantId, 'HOUSEHOLD_CALLBACK')}#${householdId}`;
export const villageCallbacksPartition = (tenantId: string, villageId: string) => `${tenantPartition(tenantId, 'CALLBACK')}#VILLAGE#${villageId}`;

/** A new record must not exist; a change must find the version it was based on. */
const versionCondition = (attr: string, previousVersion: number | undefined) => (previousVersion === undefined ? { attr, exists: false } : { attr: 'version', eq: previousVersion });

export async function getHouseholdRecord(tenantId: string, id: string): Promise<StoredHousehold | undefined> {
  const item = await getItem<Record<string, unknown>>(HouseholdEntity, { tenantId, id });
  return item ? withoutIndexKeys<StoredHousehold>(item) : undefined;
}

export function putHouseholdOp(household: StoredHousehold, previousVersion: number | undefined): TxOp {
  const index = { gsi1pk: villageHouseholdsPartition(household.tenantId, household.villageId), gsi1sk: `${household.address}#${household.id}` };
  return putOp(HouseholdEntity, { ...household, ...index }, versionCondition('id', previousVersion), versionConflict());
}

/** One page of a village's households, by address. */
export async function queryVillageHouseholds(tenantId: string, villageId: string, page: PageRequest): Promise<Page<StoredHousehold>> {
  return queryPage<StoredHousehold>(HouseholdEntity, { partition: householdBase(tenantId), index: { name: 'gsi1', partition: villageHouseholdsPartition(tenantId, villageId) } }, page);
}

export function putCallbackOp(callback: StoredCallback): TxOp {
  const index = { gsi1pk: villageCallbacksPartition(callback.tenantId, callback.villageId), gsi1sk: `${callback.date}#${callback.id}` };
  return putOp(CallbackEntity, { ...callback, ...index }, { attr: 'id', exists: false }, versionConflict());
}

/** Every call-back of a village within a date range (bounded by the range's surveys). */
export function villageCallbacks(tenantId: string, villageId: string, range: SortKeyRange | undefined): Promise<StoredCallback[]> {
  return queryAll<StoredCallback>(CallbackEntity, {
    partition: householdCallbacksPartition(tenantId, ''),
    index: { name: 'gsi1', partition: villageCallbacksPartition(tenantId, villageId) },
    ...(range ? { range } : {}),
  });
}

export async function getResourcesRecord(tenantId: string, villageId: string): Promise<StoredResources | undefined> {
  return getItem<StoredResources>(ResourcesEntity, { tenantId, villageId });
}

export function putResourcesOp(resources: StoredResources, previousVersion: number | undefined): TxOp {
  return putOp(ResourcesEntity, { ...resources }, versionCondition('villageId', previousVersion), versionConflict());
}
