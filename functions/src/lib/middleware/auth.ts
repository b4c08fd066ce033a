import { bestScope } from '@beatlink/shared';
import type { MiddlewareObj } from '@middy/core';
import { forbidden, unauthenticated } from '../app-error';
import { parseClaims, type RawClaims } from '../claims';
import { stateOf, type HttpResponse, type RouteEvent, type RouteRequest } from '../http-types';
import { logger } from '../logger';
import type { TenantContext } from '../tenant-context';
import type { RouteDef } from '../../routes';

/** Scopes that only make sense inside one county: the caller must carry `custom:tenantId`. */
const TENANT_SCOPES = new Set(['unit', 'station', 'tenant']);

/** Claims → TenantContext, then the permission matrix check for the route's action. */
export function resolveTenantContext(claims: RawClaims | undefined, route: Pick<RouteDef, 'action'>): TenantContext {
  if (!claims || Object.keys(claims).length === 0) throw unauthenticated();
  const parsed = parseClaims(claims);
  if (!parsed.username) throw unauthenticated();
  const scope = bestScope(parsed.roles, route.action);
  if (!scope) throw forbidden();
  if (TENANT_SCOPES.has(scope) && !parsed.tenantId) throw forbidden('该账号不属于任何县局 / the account belongs to no county');
  return {
    tenantId: parsed.tenantId,
    provinceId: parsed.provinceId,
    username: parsed.username,
    name: parsed.name ?? parsed.username,
    roles: parsed.roles,
    officerId: parsed.officerId,
    unitId: parsed.unitId,
    agencyId: parsed.agencyId,
    scope,
  };
}

export function auth(route: Pick<RouteDef, 'action'>): MiddlewareObj<RouteEvent, HttpResponse> {
  return {
    name: 'auth',
    before: (request: RouteRequest) => {
      const claims = request.event.requestContext?.authorizer?.jwt?.claims as RawClaims | undefined;
      const ctx = resolveTenantContext(claims, route);
      stateOf(request.event).tenantContext = ctx;
      if (ctx.tenantId) logger.appendKeys({ tenantId: ctx.tenantId });
    },
  };
}
