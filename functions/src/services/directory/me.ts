import { ACTIONS, bestScope, type Action, type Me, type Scope } from '@beatlink/shared';
import { getTenant } from '../../data/tenants';
import type { TenantContext } from '../../lib/tenant-context';
import { defaultDeps, type ServiceDeps } from '../deps';
import { displayNameOf } from '../identity/display-name';

/** The signed-in user as the portal shows him, with what he may do (to hide what would be refused). */
export async function getMe(ctx: TenantContext, deps: () => ServiceDeps = defaultDeps): Promise<Me> {
  const permissions: Partial<Record<Action, Scope>> = {};
  for (const action of ACTIONS) {
    const scope = bestScope(ctx.roles, action);
    if (scope) permissions[action] = scope;
  }
  const [tenant, name] = await Promise.all([ctx.tenantId ? getTenant(ctx.tenantId) : undefined, displayNameOf(ctx, deps().identity)]);
  return {
    username: ctx.username,
    name,
    roles: ctx.roles,
    ...(ctx.tenantId ? { tenantId: ctx.tenantId } : {}),
    ...(tenant ? { tenantName: tenant.name } : {}),
    ...(ctx.provinceId ? { provinceId: ctx.provinceId } : {}),
    ...(ctx.officerId ? { officerId: ctx.officerId } : {}),
    ...(ctx.unitId ? { unitId: ctx.unitId } : {}),
    ...(ctx.agencyId ? { agencyId: ctx.agencyId } : {}),
    permissions,
  };
}
