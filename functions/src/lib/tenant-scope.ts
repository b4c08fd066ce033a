import { AsyncLocalStorage } from 'node:async_hooks';
import { isCountyCode } from '@beatlink/shared';

/**
 * Which county the code running now serves, carried through every await of one request, job run
 * or stream record (AsyncLocalStorage), so the data clients can pick that county's tenant-scoped
 * credentials without every repository call passing them along. Outside any scope — or inside
 * `runAsPlatform` — the code serves no county: the process's own credentials.
 */
interface Scope {
  readonly tenantId?: string;
}

const storage = new AsyncLocalStorage<Scope>();

const PLATFORM: Scope = Object.freeze({});

/**
 * Runs `fn` (and everything it awaits or starts) on behalf of one county. A scope cannot be
 * switched to another county from inside: that would be the cross-tenant bug the scope exists to stop.
 * Misuse is a rejected promise, like any failure of `fn`.
 */
export function runInTenant<T>(tenantId: string, fn: () => Promise<T>): Promise<T> {
  if (!isCountyCode(tenantId)) return Promise.reject(new Error(`runInTenant: not a county code: ${JSON.stringify(tenantId)}`));
  const outer = currentTenant();
  if (outer !== undefined && outer !== tenantId) return Promise.reject(new Error(`runInTenant(${tenantId}) inside the scope of ${outer}`));
  return storage.run({ tenantId }, fn);
}

/** Runs `fn` explicitly on behalf of no county (tenant registry, province rollups). */
export function runAsPlatform<T>(fn: () => Promise<T>): Promise<T> {
  return storage.run(PLATFORM, fn);
}

/** The county the current code serves, or undefined (platform code, or no scope at all). */
export function currentTenant(): string | undefined {
  return storage.getStore()?.tenantId;
}

/** `runInTenant` for a county caller; a caller of no county (platform, province) runs outside any scope. */
export function runInTenantIfAny<T>(tenantId: string | undefined, fn: () => Promise<T>): Promise<T> {
  return tenantId === undefined ? fn() : runInTenant(tenantId, fn);
}
