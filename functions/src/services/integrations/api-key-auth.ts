import type { ApiScope } from '@beatlink/shared';
import { getApiKeyRecord, touchApiKey, type StoredApiKey } from '../../data/integrations';
import { AppError, unauthenticated } from '../../lib/app-error';
import { systemClock, type Clock } from '../../lib/clock';
import type { Integrator } from '../../lib/integrator';
import { logger } from '../../lib/logger';
import { currentTenant } from '../../lib/tenant-scope';
import { parseCountyApiKey } from './api-key-county';
import { apiKeySecretMatches } from './api-key-secret';
import { consumeRate } from './rate-limit';

/**
 * Authenticates a public-API call by its API key: one consistent GetItem (so a revocation counts
 * from the very next call — nothing about keys is cached), the scope, then one conditional ADD
 * on the rate counter. Every reason a key is refused gets the same 401, so a caller learns
 * nothing about which keys exist.
 */

/** lastUsedAt is rewritten at most this often, so a busy key does not write on every call. */
const LAST_USED_INTERVAL_MS = 60_000;

const missingKey = () => unauthenticated('缺少 API 密钥（api_key） / missing api_key');
const invalidKey = () => unauthenticated('API 密钥无效或已吊销（api_key） / invalid or revoked api_key');

/**
 * The stored key the raw text names, if its secret matches and it is active. Inside a tenant
 * scope (public-route.ts opens the one the key names) a key of another county is not looked up.
 */
async function verifiedKey(raw: string): Promise<StoredApiKey | undefined> {
  const parsed = parseCountyApiKey(raw);
  const scope = currentTenant();
  if (!parsed || (scope !== undefined && scope !== parsed.tenantId)) return undefined;
  const key = await getApiKeyRecord(parsed.tenantId, parsed.keyId);
  if (!key || !apiKeySecretMatches(parsed.secret, key.secretHash)) return undefined;
  return key.status === 'active' ? key : undefined;
}

/** Notes the use when the last note is older than the interval; a failure only costs the note. */
function noteUse(key: StoredApiKey, nowMs: number): Promise<void> {
  if (key.lastUsedAt && nowMs - Date.parse(key.lastUsedAt) < LAST_USED_INTERVAL_MS) return Promise.resolve();
  const at = new Date(nowMs).toISOString();
  const notBefore = new Date(nowMs - LAST_USED_INTERVAL_MS).toISOString();
  return touchApiKey(key.tenantId, key.id, at, notBefore).then(
    () => undefined,
    (error: unknown) => logger.warn('api key lastUsedAt not updated', { keyId: key.id, errorName: (error as Error).name }),
  );
}

export async function authenticateApiKey(raw: string | undefined, required: ApiScope | undefined, deps: { clock?: Clock } = {}): Promise<Integrator> {
  if (!raw?.trim()) throw missingKey();
  const key = await verifiedKey(raw);
  if (!key) throw invalidKey();
  if (required && !key.scopes.includes(required)) {
    throw new AppError('FORBIDDEN', `此 API 密钥无 ${required} 权限 / the API key lacks the scope ${required}`, { details: [{ path: 'scope', message: required }] });
  }
  const nowMs = (deps.clock ?? systemClock).now().getTime();
  // The note runs beside the rate count: the call waits for the slower of the two writes, not both in turn.
  const noted = noteUse(key, nowMs);
  try {
    await consumeRate(key, nowMs);
  } finally {
    await noted;
  }
  return {
    tenantId: key.tenantId,
    keyId: key.id,
    keyName: key.name,
    scopes: key.scopes,
    ...(key.agencyId ? { agencyId: key.agencyId } : {}),
  };
}
