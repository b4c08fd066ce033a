import type { ApiKeyCreateInput, ApiKeyRevokeInput, WebhookCreateInput, WebhookDeliveryStatus, WebhookUpdateInput } from '@beatlink/shared';
import { dynamoIdempotencyStore } from '../../data/idempotency-store';
import { contextRouter, handle } from '../../lib/http-route';
import { createApiKey, getApiKey, listApiKeys, revokeApiKey } from '../../services/integrations/api-keys';
import { getWebhookDelivery, listWebhookDeliveries, pingWebhook, replayDelivery } from '../../services/integrations/webhook-deliveries';
import { createWebhook, getWebhook, listWebhooks, rotateWebhookSecret, updateWebhook } from '../../services/integrations/webhooks';

type ById = { id: string };
type ApiKeyListQuery = { status?: 'active' | 'revoked' | 'all' };
type DeliveryListQuery = { status?: WebhookDeliveryStatus; limit: number; cursor?: string };

/** The integrations context: the county's API keys and webhook endpoints (integration.manage). */
export const handler = contextRouter(
  'integrations',
  {
    listApiKeys: handle<unknown, ApiKeyListQuery>(({ ctx, query }) => listApiKeys(ctx, query)),
    createApiKey: handle<ApiKeyCreateInput>(({ ctx, body }) => createApiKey(ctx, body)),
    getApiKey: handle<unknown, unknown, ById>(({ ctx, params }) => getApiKey(ctx, params.id)),
    revokeApiKey: handle<ApiKeyRevokeInput, unknown, ById>(({ ctx, params, body }) => revokeApiKey(ctx, params.id, body)),
    listWebhooks: handle(({ ctx }) => listWebhooks(ctx)),
    createWebhook: handle<WebhookCreateInput>(({ ctx, body }) => createWebhook(ctx, body)),
    getWebhook: handle<unknown, unknown, ById>(({ ctx, params }) => getWebhook(ctx, params.id)),
    updateWebhook: handle<WebhookUpdateInput, unknown, ById>(({ ctx, params, body }) => updateWebhook(ctx, params.id, body)),
    rotateWebhookSecret: handle<{ version: number }, unknown, ById>(({ ctx, params, body }) => rotateWebhookSecret(ctx, params.id, body)),
    pingWebhook: handle<{ version: number }, unknown, ById>(({ ctx, params, body }) => pingWebhook(ctx, params.id, body)),
    listWebhookDeliveries: handle<unknown, DeliveryListQuery, ById>(({ ctx, params, query }) => listWebhookDeliveries(ctx, params.id, query)),
    getWebhookDelivery: handle<unknown, unknown, ById>(({ ctx, params }) => getWebhookDelivery(ctx, params.id)),
    replayWebhookDelivery: handle<{ version: number }, unknown, ById>(({ ctx, params, body }) => replayDelivery(ctx, params.id, body)),
  },
  { idempotencyStore: dynamoIdempotencyStore() },
);
