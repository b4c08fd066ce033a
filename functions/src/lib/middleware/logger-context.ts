import type { MiddlewareObj } from '@middy/core';
import type { HttpResponse, RouteEvent, RouteRequest } from '../http-types';
import { logger } from '../logger';

/**
 * Puts the Lambda context and the operation on every log line of the invocation. Keys are reset
 * when a request starts (not when it fails), so the error handler's log still carries them. The
 * event itself is never logged: it holds the caller's token claims and personal data.
 */
export function loggerContext(operationId: string): MiddlewareObj<RouteEvent, HttpResponse> {
  return {
    name: 'loggerContext',
    before: (request: RouteRequest) => {
      logger.resetKeys();
      if (typeof request.context?.awsRequestId === 'string') logger.addContext(request.context);
      logger.appendKeys({ operationId, requestId: request.event.requestContext?.requestId });
    },
  };
}
