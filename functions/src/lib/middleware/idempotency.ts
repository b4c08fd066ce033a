import type { MiddlewareObj } from '@middy/core';
import { conflict, invalidField } from '../app-error';
import { headerOf, stateOf, type HttpResponse, type RouteEvent, type RouteRequest } from '../http-types';
import { IDEMPOTENCY_KEY_PATTERN, requestHash, type IdempotencyStore } from '../idempotency';
import { logger } from '../logger';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/**
 * POSTs with an `Idempotency-Key`: the first successful response is stored; a retry with the same
 * key and body gets it back without running again; the same key with another body is a 409.
 * Runs after auth and validation, so bad input is refused before any key is taken.
 */
export function idempotency(operationId: string, store: IdempotencyStore): MiddlewareObj<RouteEvent, HttpResponse> {
  const release = async (request: RouteRequest) => {
    const held = request.event.beatlink?.idempotency;
    if (!held) return;
    try {
      await store.release(held.scope, held.key, held.hash);
    } catch (error) {
      logger.warn('idempotency release failed', { error });
    }
  };

  return {
    name: 'idempotency',
    before: async (request: RouteRequest) => {
      const header = headerOf(request.event, IDEMPOTENCY_HEADER);
      if (header === undefined) return undefined;
      if (!IDEMPOTENCY_KEY_PATTERN.test(header)) {
        throw invalidField(IDEMPOTENCY_HEADER, '须为 1–128 位字母、数字或 ._:- / 1–128 letters, digits or ._:-');
      }
      const state = stateOf(request.event);
      const tenantId = state.tenantContext?.tenantId;
      const held = { scope: tenantId ? `T#${tenantId}` : 'PLATFORM', key: `${operationId}#${header}`, hash: requestHash(state.params, state.rawBody) };
      const result = await store.begin(held.scope, held.key, held.hash);
      if (result.claimed) {
        state.idempotency = held;
        return undefined;
      }
      const { existing } = result;
      if (existing.hash !== held.hash) {
        throw conflict(IDEMPOTENCY_HEADER, '该幂等键已用于另一个请求 / this key was used for a different request');
      }
      if (existing.state !== 'completed' || !existing.response) {
        throw conflict(IDEMPOTENCY_HEADER, '相同请求正在处理中 / the same request is still in progress');
      }
      return { ...existing.response, headers: { ...existing.response.headers, 'idempotent-replayed': 'true' } };
    },
    after: async (request: RouteRequest) => {
      const held = request.event.beatlink?.idempotency;
      const response = request.response;
      if (!held || !response) return;
      if (response.statusCode >= 200 && response.statusCode < 300) {
        try {
          await store.complete(held.scope, held.key, held.hash, { statusCode: response.statusCode, headers: response.headers, body: response.body });
        } catch (error) {
          // The work is done; answer it. A retry after the lock expires would run again.
          logger.warn('idempotency record not stored', { error });
        }
      } else {
        await release(request);
      }
    },
    onError: release,
  };
}
