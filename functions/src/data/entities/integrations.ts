import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { API_SCOPES, RATE_PERIODS, WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENTS, WEBHOOK_STATUSES } from '@beatlink/shared';
import { table } from '../client';
import { tenantPartition } from './common';

/**
 * An integrator's API key: `T#<t>#API_KEY` / `key_<ulid>`. The key text carries the county and the
 * id, so authentication is one GetItem; only the SHA-256 of the secret part is stored.
 */
export const ApiKeyEntity = new Entity({
  name: 'apiKey',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    id: string().key(),
    name: string(),
    scopes: list(string().enum(...API_SCOPES)),
    agencyId: string().optional(),
    agencyName: string().optional(),
    rateLimit: map({ limit: number(), per: string().enum(...RATE_PERIODS) }),
    note: string().optional(),
    secretHash: string(),
    status: string().enum('active', 'revoked'),
    createdAt: string(),
    createdBy: string(),
    createdByName: string(),
    lastUsedAt: string().optional(),
    revokedAt: string().optional(),
    revokedBy: string().optional(),
    revokeReason: string().optional(),
    version: number(),
    updatedAt: string(),
  }),
  computeKey: ({ tenantId, id }) => ({ pk: tenantPartition(tenantId, 'API_KEY'), sk: id }),
});

/**
 * A key's call counter for one fixed window: `T#<t>#API_KEY_RATE` / `<keyId>#<windowStart>` (epoch
 * seconds). Incremented with ADD under a `count < limit` condition; expired by the table's TTL.
 */
export const ApiKeyRateEntity = new Entity({
  name: 'apiKeyRate',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    keyId: string().key(),
    windowStart: number().key(),
    count: number(),
    expiresAt: number(),
  }),
  computeKey: ({ tenantId, keyId, windowStart }) => ({ pk: tenantPartition(tenantId, 'API_KEY_RATE'), sk: `${keyId}#${windowStart}` }),
});

/**
 * A webhook endpoint: `T#<t>#WEBHOOK` / `whk_<ulid>`. The signing secret is sealed with the
 * county's data key (purpose `webhook_secret`); `lastDelivery` is a status note written after each
 * attempt without a version bump (it is not an edit).
 */
export const WebhookEntity = new Entity({
  name: 'webhook',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    id: string().key(),
    url: string(),
    description: string().optional(),
    events: list(string().enum(...WEBHOOK_EVENTS)),
    status: string().enum(...WEBHOOK_STATUSES),
    secret: string(),
    secretPrefix: string(),
    createdAt: string(),
    createdBy: string(),
    updatedAt: string(),
    updatedBy: string(),
    version: number(),
    lastDelivery: map({ at: string(), status: string().enum(...WEBHOOK_DELIVERY_STATUSES), statusCode: number().optional() }).optional(),
  }),
  computeKey: ({ tenantId, id }) => ({ pk: tenantPartition(tenantId, 'WEBHOOK'), sk: id }),
});

/**
 * One event for one endpoint: `T#<t>#WEBHOOK_DELIVERY` / `whd_<id>`.
 * - gsi1 `T#<t>#WEBHOOK_DUE` / `<nextAttemptAt>#<id>`: sparse, set only while pending — what the
 *   retry job reads.
 * - gsi2 `T#<t>#WEBHOOK_DELIVERY#BY#webhook#<webhookId>` / `<createdAt>#<id>`: an endpoint's log.
 */
export const WebhookDeliveryEntity = new Entity({
  name: 'webhookDelivery',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    id: string().key(),
    webhookId: string(),
    event: string(),
    eventId: string(),
    matterId: string().optional(),
    payload: string(),
    status: string().enum(...WEBHOOK_DELIVERY_STATUSES),
    attempts: number(),
    nextAttemptAt: string().optional(),
    lastAttemptAt: string().optional(),
    lastStatusCode: number().optional(),
    lastError: string().optional(),
    history: list(map({ at: string(), statusCode: number().optional(), error: string().optional(), durationMs: number() })),
    createdAt: string(),
    deliveredAt: string().optional(),
    version: number(),
    gsi1pk: string().optional(),
    gsi1sk: string().optional(),
    gsi2pk: string(),
    gsi2sk: string(),
  }),
  computeKey: ({ tenantId, id }) => ({ pk: tenantPartition(tenantId, 'WEBHOOK_DELIVERY'), sk: id }),
});
