import { WEBHOOK_MAX_ATTEMPTS, WEBHOOK_RETRY_DELAYS_SECONDS } from '@beatlink/shared';
import type { StoredWebhookDelivery } from '../../data/integrations';
import type { WebhookResponse } from './webhook-sender';

/**
 * A delivery's state after each step, pure: the backoff schedule, the attempt log, and the lease
 * a runner takes before sending. Every step bumps the version, and the stores write a step only
 * on the version it was computed from.
 */

const addSeconds = (iso: string, seconds: number): string => new Date(Date.parse(iso) + seconds * 1000).toISOString();

/** The most recent attempts kept on a delivery. */
export const HISTORY_LIMIT = 20;

/**
 * How long a runner holds a delivery it is sending: the due index shows it this much later, so
 * the retry job does not send it at the same time; a runner that dies leaves it due again soon.
 */
export const LEASE_SECONDS = 60;

/** Seconds to wait after the `attempts`-th failed attempt, or undefined when that was the last. */
export function retryDelaySeconds(attempts: number): number | undefined {
  if (attempts >= WEBHOOK_MAX_ATTEMPTS) return undefined;
  return WEBHOOK_RETRY_DELAYS_SECONDS[Math.max(0, attempts - 1)];
}

/** Taken for sending at `at`: still pending, off the due index until the lease runs out. */
export function leased(delivery: StoredWebhookDelivery, at: string): StoredWebhookDelivery {
  return { ...delivery, status: 'pending', nextAttemptAt: addSeconds(at, LEASE_SECONDS), version: delivery.version + 1 };
}

/** The delivery after one attempt at `at` with `result`: delivered, due again after its backoff, or failed. */
export function afterAttempt(delivery: StoredWebhookDelivery, result: WebhookResponse, at: string): StoredWebhookDelivery {
  const attempts = delivery.attempts + 1;
  const entry = {
    at,
    ...(result.statusCode !== undefined ? { statusCode: result.statusCode } : {}),
    ...(result.error ? { error: result.error } : {}),
    durationMs: result.durationMs,
  };
  const { nextAttemptAt: _next, lastStatusCode: _code, lastError: _error, ...rest } = delivery;
  const base: StoredWebhookDelivery = {
    ...rest,
    attempts,
    lastAttemptAt: at,
    ...(result.statusCode !== undefined ? { lastStatusCode: result.statusCode } : {}),
    ...(result.error ? { lastError: result.error } : {}),
    history: [entry, ...delivery.history].slice(0, HISTORY_LIMIT),
    version: delivery.version + 1,
  };
  if (result.delivered) return { ...base, status: 'delivered', deliveredAt: at };
  const delay = retryDelaySeconds(attempts);
  return delay === undefined ? { ...base, status: 'failed' } : { ...base, status: 'pending', nextAttemptAt: addSeconds(at, delay) };
}

/** Ended without an attempt (its endpoint was disabled or deleted): failed, replayable later. */
export function abandoned(delivery: StoredWebhookDelivery, reason: string): StoredWebhookDelivery {
  const { nextAttemptAt: _next, ...rest } = delivery;
  return { ...rest, status: 'failed', lastError: reason, version: delivery.version + 1 };
}
