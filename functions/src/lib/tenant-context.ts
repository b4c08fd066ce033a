import type { Role, Scope } from '@beatlink/shared';
import { forbidden } from './app-error';

/**
 * Who is calling, from the verified ID token. The tenant id comes only from here (never from a
 * URL or a body), so repositories take this and nothing else to find a county's data.
 */
export interface TenantContext {
  tenantId?: string;
  provinceId?: string;
  username: string;
  name: string;
  roles: Role[];
  officerId?: string;
  unitId?: string;
  agencyId?: string;
  /** The widest scope the caller's roles grant for the action of the current route. */
  scope: Scope;
}

/** A caller that is known to belong to a county. */
export type TenantScopedContext = TenantContext & { tenantId: string };

export function requireTenant(ctx: TenantContext): TenantScopedContext {
  if (!ctx.tenantId) throw forbidden('该账号不属于任何县局 / the account belongs to no county');
  return ctx as TenantScopedContext;
}

/** The platform operator identity used by the tenant CLI (same services as the API). */
export function platformOperator(username = 'platform-cli'): TenantContext {
  return { username, name: username, roles: ['platform_admin'], scope: 'platform' };
}
