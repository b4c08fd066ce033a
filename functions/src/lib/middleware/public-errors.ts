import type { MiddlewareObj } from '@middy/core';
import { AppError } from '../app-error';
import { toAppError } from '../error-mapping';
import type { HttpResponse, RouteEvent, RouteRequest } from '../http-types';
import { logger } from '../logger';
import { open311ErrorResponse } from '../open311-render';
import { publicStateOf } from '../public-state';
import { errorResponse } from './error-handler';

const INTERNAL = new AppError('INTERNAL', '服务器内部错误 / internal error');

/**
 * The public routes' error handler: Open311 routes answer the spec's error list in the request's
 * format, REST v1 routes the API's JSON error body. Status and `Retry-After` are the same in both.
 */
export function publicErrorHandler(kind: 'open311' | 'v1'): MiddlewareObj<RouteEvent, HttpResponse> {
  return {
    name: 'publicErrorHandler',
    onError: (request: RouteRequest) => {
      const mapped = toAppError(request.error);
      if (!mapped) logger.error('unhandled error', { error: request.error });
      else if (mapped.status >= 500) logger.warn('dependency failure', { code: mapped.code });
      const error = mapped ?? INTERNAL;
      request.response = kind === 'open311' ? open311ErrorResponse(error, publicStateOf(request.event).format) : errorResponse(error);
    },
  };
}
