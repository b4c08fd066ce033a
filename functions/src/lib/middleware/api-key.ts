import type { MiddlewareObj } from '@middy/core';
import { notFound } from '../app-error';
import { stateOf, type HttpResponse, type RouteEvent, type RouteRequest } from '../http-types';
import { integratorContext } from '../integrator-context';
import { logger } from '../logger';
import { publicStateOf } from '../public-state';
import type { PublicAuth } from '../../routes';
import { authenticateApiKey } from '../../services/integrations/api-key-auth';

/**
 * API-key routes: the key (401 missing/invalid/revoked, 403 without the route's scope, 429 over
 * its rate) names the county — the request never does. A `jurisdiction_id` that is not the key's
 * county is not found (404), as another county's records are.
 */
export function apiKeyAuth(auth: PublicAuth): MiddlewareObj<RouteEvent, HttpResponse> {
  return {
    name: 'apiKeyAuth',
    before: async (request: RouteRequest) => {
      if (auth.kind !== 'apiKey') return;
      const pub = publicStateOf(request.event);
      const integrator = await authenticateApiKey(pub.apiKey, auth.scope);
      pub.integrator = integrator;
      stateOf(request.event).tenantContext = integratorContext(integrator);
      logger.appendKeys({ tenantId: integrator.tenantId, keyId: integrator.keyId });
      if (pub.jurisdictionId !== undefined && pub.jurisdictionId !== integrator.tenantId) {
        throw notFound('jurisdiction_id', '未找到该辖区 / jurisdiction_id was not found');
      }
    },
  };
}
