import type { ApiScope } from '@beatlink/shared';
import type { TenantScopedContext } from './tenant-context';

/**
 * The caller of a public route: an integrator's API key, verified. The county is the key's —
 * never a URL's or a body's.
 */
export interface Integrator {
  tenantId: string;
  keyId: string;
  /** The key's name (12345 热线平台): what timelines say took the matter in. */
  keyName: string;
  scopes: ApiScope[];
  /** A key of an agency's case system acts for that agency (updates:write). */
  agencyId?: string;
}

/** The username an integrator's writes carry in timelines and audit entries. */
export function integratorUsername(integrator: Pick<Integrator, 'keyId'>): string {
  return `apikey:${integrator.keyId}`;
}

/**
 * An agency key's updates go through the matters service as that agency's staff: the same state
 * machine, assignee check and version as the agency's own workspace.
 */
export function agencyContextOf(integrator: Integrator & { agencyId: string }): TenantScopedContext {
  return {
    tenantId: integrator.tenantId,
    username: integratorUsername(integrator),
    name: `${integrator.keyName}（接口）`,
    roles: ['agency_staff'],
    agencyId: integrator.agencyId,
    unitId: integrator.agencyId,
    scope: 'unit',
  };
}
