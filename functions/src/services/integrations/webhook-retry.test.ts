import { describe, expect, it } from 'vitest';
import { WEBHOOK_MAX_ATTEMPTS, WEBHOOK_RETRY_DELAYS_SECONDS } from '@beatlink/shared';
import type { StoredWebhookDelivery } from '../../data/integrations';
import { HISTORY_LIMIT, LEASE_SECONDS, abandoned, afterAttempt, leased, retryDelaySeconds } from './webhook-retry';

const T0 = '2026-11-20T02:00:00.000Z';
const plus = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();
const delivery: StoredWebhookDelivery = {
  tenantId: '370283',
  id: 'whd_01JD3Z6Q9V8C2M4N5P6R7S8T9V',
  webhookId: 'whk_01JD3Z6Q9V8C2M4N5P6R7S8T9V',
  event: 'matter.created',
  eventId: 'evt_mev_01JD3Z6Q9V8C2M4N5P6R7S8T9V',
  payload: '{}',
  status: 'pending',
  attempts: 0,
  nextAttemptAt: T0,
  history: [],
  createdAt: T0,
  version: 1,
};
const failure = { delivered: false, statusCode: 503, error: 'busy', durationMs: 12 };

describe('retryDelaySeconds', () => {
  it('follows WEBHOOK_RETRY_DELAYS_SECONDS, then stops', () => {
    expect(retryDelaySeconds(1)).toBe(30);
    expect(retryDelaySeconds(2)).toBe(60);
    expect(Array.from({ length: WEBHOOK_MAX_ATTEMPTS - 1 }, (_, i) => retryDelaySeconds(i + 1))).toEqual([...WEBHOOK_RETRY_DELAYS_SECONDS]);
    expect(retryDelaySeconds(WEBHOOK_MAX_ATTEMPTS)).toBeUndefined();
    expect(retryDelaySeconds(WEBHOOK_MAX_ATTEMPTS + 1)).toBeUndefined();
  });
});

describe('afterAttempt', () => {
  it('schedules the next attempt after a failure and logs it', () => {
    const next = afterAttempt(delivery, failure, T0);
    expect(next).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: plus(30), lastAttemptAt: T0, lastStatusCode: 503, lastError: 'busy', version: 2 });
    expect(next.history).toEqual([{ at: T0, statusCode: 503, error: 'busy', durationMs: 12 }]);
  });

  it('walks the whole schedule and ends failed after the last attempt', () => {
    let d = delivery;
    let at = T0;
    const waits: number[] = [];
    for (let i = 0; i < WEBHOOK_MAX_ATTEMPTS; i++) {
      d = afterAttempt(d, failure, at);
      if (d.nextAttemptAt) {
        waits.push((Date.parse(d.nextAttemptAt) - Date.parse(at)) / 1000);
        at = d.nextAttemptAt;
      }
    }
    expect(waits).toEqual([...WEBHOOK_RETRY_DELAYS_SECONDS]);
    expect(d).toMatchObject({ status: 'failed', attempts: WEBHOOK_MAX_ATTEMPTS });
    expect(d.nextAttemptAt).toBeUndefined();
    expect(d.history).toHaveLength(Math.min(HISTORY_LIMIT, WEBHOOK_MAX_ATTEMPTS));
    expect(d.history[0]?.at).toBe(at);
  });

  it('marks a 2xx delivered and clears the last error', () => {
    const failed = afterAttempt(delivery, failure, T0);
    const done = afterAttempt(failed, { delivered: true, statusCode: 204, durationMs: 5 }, plus(30));
    expect(done).toMatchObject({ status: 'delivered', attempts: 2, deliveredAt: plus(30), lastStatusCode: 204 });
    expect(done.lastError).toBeUndefined();
    expect(done.nextAttemptAt).toBeUndefined();
  });

  it('keeps the newest attempts only', () => {
    const long = { ...delivery, attempts: 3, history: Array.from({ length: HISTORY_LIMIT }, (_, i) => ({ at: plus(-i - 1), durationMs: 1 })) };
    const next = afterAttempt(long, failure, T0);
    expect(next.history).toHaveLength(HISTORY_LIMIT);
    expect(next.history[0]?.at).toBe(T0);
  });
});

describe('leases', () => {
  it('a lease keeps the delivery pending and off the due index for LEASE_SECONDS', () => {
    expect(leased({ ...delivery, status: 'failed', attempts: WEBHOOK_MAX_ATTEMPTS }, T0)).toMatchObject({ status: 'pending', nextAttemptAt: plus(LEASE_SECONDS), attempts: WEBHOOK_MAX_ATTEMPTS, version: 2 });
  });

  it('an abandoned delivery is failed with the reason, unattempted', () => {
    expect(abandoned(delivery, 'disabled')).toMatchObject({ status: 'failed', attempts: 0, lastError: 'disabled', version: 2 });
  });
});
