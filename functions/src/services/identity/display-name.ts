import { AppError } from '../../lib/app-error';
import type { TenantContext } from '../../lib/tenant-context';
import type { IdentityProvider } from './identity-provider';

/** Names change rarely; a warm function asks the pool at most every ten minutes per user. */
const TTL_MS = 10 * 60_000;
const cache = new Map<string, { name: string; at: number }>();

/**
 * The caller's display name (中文姓名) for what he writes (timelines, "taken in by"). Cognito puts
 * `name` in the ID token; cognito-local does not, so then the pool is asked, and the username is
 * the last resort. While the pool is unreachable the last known name (even an expired one) or the
 * username stands in: a name is no reason to refuse a read or a write, and nothing new is cached.
 */
export async function displayNameOf(ctx: Pick<TenantContext, 'username' | 'name'>, identity: IdentityProvider, now = Date.now()): Promise<string> {
  if (ctx.name && ctx.name !== ctx.username) return ctx.name;
  const cached = cache.get(ctx.username);
  if (cached && now - cached.at < TTL_MS) return cached.name;
  let name: string;
  try {
    name = (await identity.displayName(ctx.username)) ?? ctx.username;
  } catch (error) {
    if (error instanceof AppError && error.code === 'DEPENDENCY_UNAVAILABLE') return cached?.name ?? ctx.username;
    throw error;
  }
  cache.set(ctx.username, { name, at: now });
  return name;
}
