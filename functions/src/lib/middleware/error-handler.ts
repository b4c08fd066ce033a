import type { MiddlewareObj } from '@middy/core';
import { AppError } from '../app-error';
import { toAppError } from '../error-mapping';
import { jsonResponse, type HttpResponse, type RouteEvent, type RouteRequest } from '../http-types';
import { logger } from '../logger';

export function errorResponse(error: AppError): HttpResponse {
  const headers: Record<string, string> = error.retryAfter === undefined ? {} : { 'retry-after': String(error.retryAfter) };
  return jsonResponse(error.status, error.toBody(), headers);
}

const INTERNAL = new AppError('INTERNAL', '服务器内部错误 / internal error');

/**
 * Turns every error into the API's JSON error body. Known errors keep their code; unknown ones
 * become 500 INTERNAL and are logged by name and stack only (no request data).
 */
export function errorHandler(): MiddlewareObj<RouteEvent, HttpResponse> {
  return {
    name: 'errorHandler',
    onError: (request: RouteRequest) => {
      const mapped = toAppError(request.error);
      if (!mapped) {
        logger.error('unhandled error', { error: request.error });
      } else if (mapped.status >= 500) {
        logger.warn('dependency failure', { code: mapped.code, cause: describe(mapped.cause) });
      }
      request.response = errorResponse(mapped ?? INTERNAL);
    },
  };
}

function describe(cause: unknown): string | undefined {
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`;
  return cause === undefined ? undefined : String(cause);
}
