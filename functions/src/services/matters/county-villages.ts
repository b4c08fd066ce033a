import type { Village } from '@beatlink/shared';
import { listAllRecords } from '../../data/directory-records';
import type { TenantScopedContext } from '../../lib/tenant-context';

/**
 * A county's villages, kept per Lambda instance for a minute: integrators' intake resolves
 * codes, points and addresses against them on every request, and villages change rarely (a new
 * one is found by the next instance or a minute later).
 */
export const VILLAGE_CACHE_MS = 60_000;
const cache = new Map<string, { at: number; villages: Promise<Village[]> }>();

export function countyVillages(ctx: TenantScopedContext, nowMs: number = Date.now()): Promise<Village[]> {
  const hit = cache.get(ctx.tenantId);
  if (hit && nowMs - hit.at < VILLAGE_CACHE_MS) return hit.villages;
  const villages = listAllRecords<Village>(ctx, 'village');
  cache.set(ctx.tenantId, { at: nowMs, villages });
  // A failed read is not kept: the next request asks again.
  villages.catch(() => cache.delete(ctx.tenantId));
  return villages;
}
