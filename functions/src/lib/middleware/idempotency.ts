import type { MiddlewareObj } from '@middy/core';
import { AppError, invalidField } from '../app-error';
import { headerOf, stateOf, type HttpResponse, type RouteEvent, type RouteRequest } from '../http-types';
import { IDEMPOTENCY_KEY_PATTERN, requestHash, type IdempotencyStore, type StoredResponse } from '../idempotency';
import { logger } from '../logger';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** A duplicate that arrives while the first request runs waits this long for its answer. */
const WAIT_FOR_FIRST_MS = 10_000;
const WAIT_STEP_MS = 100;

const reused = () =>
  new AppError('IDEMPOTENCY_KEY_REUSED', '该幂等键已用于另一个请求 / this key was used for a different request', {
    details: [{ path: IDEMPOTENCY_HEADER, message: '该幂等键已用于另一个请求 / this key was used for a different request' }],
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * POSTs with an `Idempotency-Key`: the first successful response is stored; a retry with the same
 * key and body gets it back without running again; the same key with another body is a 422
 * (IDEMPOTENCY_KEY_REUSED). A duplicate sent while the first still runs waits for its answer (up to
 * 10 s, then 409 "in progress" with Retry-After), so concurrent identical POSTs all get the one
 * answer and write once. Runs after auth and validation, so bad input is refused before any key
 * is taken.
 */
/** The answer as stored: one-time secrets removed (and said so), so none is kept in clear. */
export function storableResponse(response: StoredResponse, secretFields: readonly string[] = []): StoredResponse {
  if (secretFields.length === 0) return response;
  try {
    const body = JSON.parse(response.body) as Record<string, unknown>;
    for (const field of secretFields) delete body[field];
    body.secretNotShownAgain = '密钥只在首次应答中显示 / the secret was shown in the first answer only';
    return { ...response, body: JSON.stringify(body) };
  } catch {
    return response;
  }
}

export function idempotency(operationId: string, store: IdempotencyStore, secretFields?: readonly string[]): MiddlewareObj<RouteEvent, HttpResponse> {
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
      const waitUntil = Date.now() + WAIT_FOR_FIRST_MS;
      for (;;) {
        const result = await store.begin(held.scope, held.key, held.hash);
        if (result.claimed) {
          state.idempotency = held;
          return undefined;
        }
        const { existing } = result;
        if (existing.hash !== held.hash) throw reused();
        if (existing.state === 'completed' && existing.response) {
          return { ...existing.response, headers: { ...existing.response.headers, 'idempotent-replayed': 'true' } };
        }
        if (Date.now() >= waitUntil) {
          throw new AppError('CONFLICT', '相同请求正在处理中，请稍后重试 / the same request is still in progress, retry later', {
            details: [{ path: IDEMPOTENCY_HEADER, message: '相同请求正在处理中 / the same request is still in progress' }],
            retryAfter: 1,
          });
        }
        await sleep(WAIT_STEP_MS);
      }
    },
    after: async (request: RouteRequest) => {
      const held = request.event.beatlink?.idempotency;
      const response = request.response;
      if (!held || !response) return;
      if (response.statusCode >= 200 && response.statusCode < 300) {
        try {
          await store.complete(held.scope, held.key, held.hash, storableResponse({ statusCode: response.statusCode, headers: response.headers, body: response.body }, secretFields));
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
