import {
  DEFAULT_RATE_LIMIT,
  apiKeyPrefix,
  formatApiKey,
  newId,
  type Agency,
  type ApiKeyCreateInput,
  type ApiKeyCreated,
  type ApiKeyRevokeInput,
  type ApiKeyView,
  type Page,
} from '@beatlink/shared';
import { getRecord } from '../../data/directory-records';
import { getApiKeyRecord, putNewApiKeyOp, queryApiKeys, updateApiKeyOp, type StoredApiKey } from '../../data/integrations';
import { runTransaction } from '../../data/repository';
import { conflict, invalidField, notFound, versionConflict } from '../../lib/app-error';
import { isoNow, systemClock, type Clock } from '../../lib/clock';
import { requireTenant, type TenantContext, type TenantScopedContext } from '../../lib/tenant-context';
import { apiKeySecretHash, newApiKeySecret } from './api-key-secret';

/**
 * The county's API keys (integration.manage): created with the secret shown once, listed without
 * it, revoked with the version read — a revoked key is refused from the next call on (auth reads
 * the key consistently on every call and caches nothing).
 */
export interface ApiKeyDeps {
  clock?: Clock;
}

const keyNotFound = () => notFound('id', 'API 密钥不存在 / API key not found');

export function apiKeyView(key: StoredApiKey): ApiKeyView {
  const { tenantId, secretHash: _hash, updatedAt: _updatedAt, ...rest } = key;
  return { ...rest, prefix: apiKeyPrefix(tenantId, key.id) };
}

/** The agency a key acts for: an active agency of the caller's county, else 400 naming agencyId. */
async function requireAgency(ctx: TenantScopedContext, agencyId: string): Promise<Agency> {
  const agency = await getRecord<Agency>(ctx, 'agency', agencyId);
  if (!agency || agency.status !== 'active') throw invalidField('agencyId', '成员单位不存在或已停用 / no active agency with this id in the county');
  return agency;
}

export async function createApiKey(ctxIn: TenantContext, input: ApiKeyCreateInput, deps: ApiKeyDeps = {}): Promise<ApiKeyCreated> {
  const ctx = requireTenant(ctxIn);
  const agency = input.agencyId ? await requireAgency(ctx, input.agencyId) : undefined;
  const at = isoNow(deps.clock ?? systemClock);
  const secret = newApiKeySecret();
  const key: StoredApiKey = {
    tenantId: ctx.tenantId,
    id: newId('apiKey', Date.parse(at)),
    name: input.name,
    scopes: [...input.scopes],
    ...(agency ? { agencyId: agency.id, agencyName: agency.name } : {}),
    rateLimit: input.rateLimit ?? DEFAULT_RATE_LIMIT,
    ...(input.note ? { note: input.note } : {}),
    secretHash: apiKeySecretHash(secret),
    status: 'active',
    createdAt: at,
    createdBy: ctx.username,
    createdByName: ctx.name,
    version: 1,
    updatedAt: at,
  };
  await runTransaction([putNewApiKeyOp(key)]);
  return { ...apiKeyView(key), key: formatApiKey(ctx.tenantId, key.id, secret) };
}

/** The county's keys, newest first: active ones by default. */
export async function listApiKeys(ctxIn: TenantContext, query: { status?: 'active' | 'revoked' | 'all' }): Promise<Page<ApiKeyView>> {
  const ctx = requireTenant(ctxIn);
  const status = query.status ?? 'active';
  const keys = await queryApiKeys(ctx.tenantId, status === 'all' ? undefined : status);
  return { items: keys.reverse().map(apiKeyView) };
}

async function loadKey(ctx: TenantScopedContext, id: string): Promise<StoredApiKey> {
  const key = await getApiKeyRecord(ctx.tenantId, id);
  if (!key) throw keyNotFound();
  return key;
}

export async function getApiKey(ctxIn: TenantContext, id: string): Promise<ApiKeyView> {
  return apiKeyView(await loadKey(requireTenant(ctxIn), id));
}

export async function revokeApiKey(ctxIn: TenantContext, id: string, input: ApiKeyRevokeInput, deps: ApiKeyDeps = {}): Promise<ApiKeyView> {
  const ctx = requireTenant(ctxIn);
  const key = await loadKey(ctx, id);
  if (key.version !== input.version) throw versionConflict();
  if (key.status === 'revoked') throw conflict('id', 'API 密钥已吊销 / the API key is already revoked');
  const at = isoNow(deps.clock ?? systemClock);
  const change = {
    status: 'revoked' as const,
    revokedAt: at,
    revokedBy: ctx.username,
    ...(input.reason ? { revokeReason: input.reason } : {}),
    version: key.version + 1,
    updatedAt: at,
  };
  await runTransaction([updateApiKeyOp(key, change, key.version)]);
  return apiKeyView({ ...key, ...change });
}
