import { integratorUsername, type Integrator } from './integrator';
import type { TenantScopedContext } from './tenant-context';

/**
 * The TenantContext of a public route's caller: the key's county, no role (the key's scopes, not
 * the permission matrix, decide what it may call), county-wide reads of what the public API shows.
 */
export function integratorContext(integrator: Pick<Integrator, 'tenantId' | 'keyId' | 'keyName'>): TenantScopedContext {
  return { tenantId: integrator.tenantId, username: integratorUsername(integrator), name: integrator.keyName, roles: [], scope: 'tenant' };
}
