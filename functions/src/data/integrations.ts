import type {
  ApiKeyStatus,
  ApiKeyView,
  Page,
  WebhookAttempt,
  WebhookDeliveryEventType,
  WebhookDeliveryStatus,
  WebhookEventType,
  WebhookStatus,
} from '@beatlink/shared';
import type { Entity } from 'dynamodb-toolbox/entity';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { $add, $remove, $set } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { conflict, versionConflict } from '../lib/app-error';
import { isConditionFailure } from './condition-failure';
import type { Condition } from './conditions';
import { tenantPartition } from './entities/common';
import { ApiKeyEntity, ApiKeyRateEntity, WebhookDeliveryEntity, WebhookEntity } from './entities/integrations';
import { getItem, putOp, queryAll, queryPage, updateOp, withoutIndexKeys, type PageRequest, type TxOp } from './repository';

/**
 * API keys, their rate counters, webhook endpoints and deliveries (entities/integrations.ts). Keys
 * and endpoints are few per county (read whole); deliveries are paged through their two indexes.
 */

/** A key as stored: its view (without the derived prefix) plus the county, the secret's hash and the last change. */
export type StoredApiKey = Omit<ApiKeyView, 'prefix'> & { tenantId: string; secretHash: string; updatedAt: string };

export interface StoredWebhook {
  tenantId: string;
  id: string;
  url: string;
  description?: string;
  events: WebhookEventType[];
  status: WebhookStatus;
  /** Sealed with the field cipher (purpose `webhook_secret`). */
  secret: string;
  secretPrefix: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  version: number;
  lastDelivery?: WebhookLastDelivery;
}

export interface WebhookLastDelivery {
  at: string;
  status: WebhookDeliveryStatus;
  statusCode?: number;
}

export interface StoredWebhookDelivery {
  tenantId: string;
  id: string;
  webhookId: string;
  event: WebhookDeliveryEventType;
  eventId: string;
  matterId?: string;
  payload: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt?: string;
  lastAttemptAt?: string;
  lastStatusCode?: number;
  lastError?: string;
  history: WebhookAttempt[];
  createdAt: string;
  deliveredAt?: string;
  version: number;
}

type Item = Record<string, unknown>;

const apiKeys = (tenantId: string) => tenantPartition(tenantId, 'API_KEY');
const webhooks = (tenantId: string) => tenantPartition(tenantId, 'WEBHOOK');
const deliveries = (tenantId: string) => tenantPartition(tenantId, 'WEBHOOK_DELIVERY');
const dueDeliveries = (tenantId: string) => tenantPartition(tenantId, 'WEBHOOK_DUE');
const deliveriesOfWebhook = (tenantId: string, webhookId: string) => `${deliveries(tenantId)}#BY#webhook#${webhookId}`;

const isNew: Condition = { attr: 'id', exists: false };
const atVersion = (version: number): Condition => ({ attr: 'version', eq: version });

async function getRecord<T>(entity: Entity, tenantId: string, id: string): Promise<T | undefined> {
  const item = await getItem<Item>(entity, { tenantId, id });
  return item ? withoutIndexKeys<T>(item) : undefined;
}

/**
 * The toolbox updates lists and maps element by element; a value given here replaces the whole
 * attribute instead (a shorter event list must not keep the old tail).
 */
const whole = (value: unknown): unknown => (typeof value === 'object' && value !== null ? $set(value as never) : value);

/** A partial update: `set` attributes are written whole, `remove` ones deleted, nothing else touched. */
function changeItem(key: { tenantId: string; id: string }, set: Item, remove: readonly string[]): Item {
  return {
    tenantId: key.tenantId,
    id: key.id,
    ...Object.fromEntries(Object.entries(set).map(([attr, value]) => [attr, whole(value)])),
    ...Object.fromEntries(remove.map((attr) => [attr, $remove()])),
  };
}

/** A single conditional write outside a transaction: false when the condition failed. */
async function putIf(entity: Entity, item: Item, condition: Condition): Promise<boolean> {
  try {
    await entity
      .build(PutItemCommand)
      .item(item as never)
      .options({ condition } as never)
      .send();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

// API keys --------------------------------------------------------------------------------------

export const getApiKeyRecord = (tenantId: string, id: string): Promise<StoredApiKey | undefined> => getRecord<StoredApiKey>(ApiKeyEntity, tenantId, id);

export function putNewApiKeyOp(key: StoredApiKey): TxOp {
  return putOp(ApiKeyEntity, { ...key }, isNew, conflict('id', 'API 密钥编号重复 / duplicate API key id'));
}

/** Changes some attributes of a key (revocation), conditional on the version read. */
export function updateApiKeyOp(key: { tenantId: string; id: string }, set: Partial<StoredApiKey>, previousVersion: number): TxOp {
  return updateOp(ApiKeyEntity, changeItem(key, set, []), atVersion(previousVersion), versionConflict());
}

/** The county's keys (a handful), of one status or all, oldest first. */
export function queryApiKeys(tenantId: string, status: ApiKeyStatus | undefined): Promise<StoredApiKey[]> {
  return queryAll<StoredApiKey>(ApiKeyEntity, { partition: apiKeys(tenantId), ...(status ? { filter: { attr: 'status', eq: status } } : {}) });
}

/**
 * Sets lastUsedAt unless it is already at or after `notBefore` (so a busy key writes at most once
 * per interval) or the key was revoked meanwhile. A usage note, not an edit: no version bump.
 * Returns false when the condition kept it unchanged.
 */
export async function touchApiKey(tenantId: string, id: string, at: string, notBefore: string): Promise<boolean> {
  try {
    await ApiKeyEntity.build(UpdateItemCommand)
      .item({ tenantId, id, lastUsedAt: at })
      .options({
        condition: {
          and: [
            { attr: 'status', eq: 'active' },
            { or: [{ attr: 'lastUsedAt', exists: false }, { attr: 'lastUsedAt', lt: notBefore }] },
          ],
        },
      })
      .send();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/**
 * Counts one call in a key's fixed window: ADD 1 unless the window already holds `limit` calls.
 * Returns false when the limit was reached (nothing written).
 */
export async function countApiKeyCall(tenantId: string, keyId: string, window: { start: number; expiresAt: number }, limit: number): Promise<boolean> {
  try {
    await ApiKeyRateEntity.build(UpdateItemCommand)
      .item({ tenantId, keyId, windowStart: window.start, count: $add(1), expiresAt: window.expiresAt })
      .options({ condition: { or: [{ attr: 'count', exists: false }, { attr: 'count', lt: limit }] } })
      .send();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

// Webhook endpoints -----------------------------------------------------------------------------

export const getWebhookRecord = (tenantId: string, id: string): Promise<StoredWebhook | undefined> => getRecord<StoredWebhook>(WebhookEntity, tenantId, id);

export function putNewWebhookOp(webhook: StoredWebhook): TxOp {
  return putOp(WebhookEntity, { ...webhook }, isNew, conflict('id', 'Webhook 编号重复 / duplicate webhook id'));
}

/**
 * Changes some attributes of an endpoint, conditional on the version read. An update (not a
 * put) so that a concurrent attempt's `lastDelivery` is not overwritten with the one read.
 */
export function updateWebhookOp(key: { tenantId: string; id: string }, set: Partial<StoredWebhook>, remove: ReadonlyArray<keyof StoredWebhook>, previousVersion: number): TxOp {
  return updateOp(WebhookEntity, changeItem(key, set, remove), atVersion(previousVersion), versionConflict());
}

/** The county's endpoints (a handful), oldest first. */
export function queryWebhooks(tenantId: string): Promise<StoredWebhook[]> {
  return queryAll<StoredWebhook>(WebhookEntity, { partition: webhooks(tenantId) });
}

/** Notes the latest attempt's outcome on the endpoint (for its list); an endpoint gone meanwhile is left alone. */
export async function setWebhookLastDelivery(tenantId: string, id: string, lastDelivery: WebhookLastDelivery): Promise<void> {
  try {
    await WebhookEntity.build(UpdateItemCommand)
      .item(changeItem({ tenantId, id }, { lastDelivery }, []) as never)
      .options({ condition: { attr: 'id', exists: true } })
      .send();
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

// Deliveries ------------------------------------------------------------------------------------

/** The stored item: on the due index only while pending, always on its endpoint's log. */
function deliveryItem(d: StoredWebhookDelivery): Item {
  const due = d.status === 'pending' && d.nextAttemptAt ? { gsi1pk: dueDeliveries(d.tenantId), gsi1sk: `${d.nextAttemptAt}#${d.id}` } : {};
  return { ...d, ...due, gsi2pk: deliveriesOfWebhook(d.tenantId, d.webhookId), gsi2sk: `${d.createdAt}#${d.id}` };
}

export const getWebhookDeliveryRecord = (tenantId: string, id: string): Promise<StoredWebhookDelivery | undefined> =>
  getRecord<StoredWebhookDelivery>(WebhookDeliveryEntity, tenantId, id);

/** Writes a new delivery; false when it exists (its event was fanned out before). */
export function putNewWebhookDelivery(delivery: StoredWebhookDelivery): Promise<boolean> {
  return putIf(WebhookDeliveryEntity, deliveryItem(delivery), isNew);
}

/**
 * Replaces a delivery with its next state, conditional on the version read: false when another
 * runner changed it first (its state wins; this one's is dropped).
 */
export function putWebhookDeliveryChange(delivery: StoredWebhookDelivery, previousVersion: number): Promise<boolean> {
  return putIf(WebhookDeliveryEntity, deliveryItem(delivery), atVersion(previousVersion));
}

/** One page of the county's pending deliveries due at or before `at`, most overdue first. */
export function queryDueWebhookDeliveries(tenantId: string, at: string, page: PageRequest): Promise<Page<StoredWebhookDelivery>> {
  return queryPage<StoredWebhookDelivery>(
    WebhookDeliveryEntity,
    { partition: deliveries(tenantId), index: { name: 'gsi1', partition: dueDeliveries(tenantId) }, range: { lte: `${at}#~` } },
    page,
  );
}

/** One page of an endpoint's deliveries, newest first, of one status or all. */
export function queryWebhookDeliveries(tenantId: string, webhookId: string, status: WebhookDeliveryStatus | undefined, page: PageRequest): Promise<Page<StoredWebhookDelivery>> {
  return queryPage<StoredWebhookDelivery>(
    WebhookDeliveryEntity,
    {
      partition: deliveries(tenantId),
      index: { name: 'gsi2', partition: deliveriesOfWebhook(tenantId, webhookId) },
      reverse: true,
      ...(status ? { filter: { attr: 'status', eq: status } } : {}),
    },
    page,
  );
}
