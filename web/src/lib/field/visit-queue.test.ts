import { describe, expect, it } from 'vitest';
import type { CheckInInput, CheckOutInput } from '@beatlink/shared';
import { createApiClient } from '../api-client';
import { ApiError } from '../api-error';
import { VisitQueue, isRetryable, queueStorageKey, shouldQueue, type QueueStorage } from './visit-queue';

function memoryStorage(): QueueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

interface Call {
  url: string;
  key: string | undefined;
  body: string;
}

type Answer = { status: number; body?: unknown } | 'network';

/** A fetch that records the calls and answers from a script (then 201 with a visit). */
function fakeFetch(script: Answer[] = []) {
  const calls: Call[] = [];
  let visits = 0;
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    calls.push({ url: String(input), key: headers['Idempotency-Key'], body: String(init?.body ?? '') });
    const answer = script.shift();
    if (answer === 'network') throw new TypeError('Failed to fetch');
    if (answer) return new Response(answer.body === undefined ? '' : JSON.stringify(answer.body), { status: answer.status });
    const url = String(input);
    const id = url.endsWith('/check-out') ? decodeURIComponent(url.split('/visits/')[1]!.replace('/check-out', '')) : `vis_${++visits}`;
    return new Response(JSON.stringify({ id, version: url.endsWith('/check-out') ? 2 : 1, status: url.endsWith('/check-out') ? 'closed' : 'open' }), { status: 201 });
  }) as typeof fetch;
  return { calls, api: createApiClient({ baseUrl: 'http://api', getToken: async () => 'token', fetchImpl }) };
}

const checkIn = (at = '2026-05-12T06:00:00.000Z'): CheckInInput => ({ villageId: 'vil_1', at, makeUp: false, position: { lat: 36.78, lng: 119.96, accuracy: 25 } });
const checkOut = (at = '2026-05-12T09:30:00.000Z'): CheckOutInput => ({ version: 1, at, householdsVisited: 4, peopleTalkedTo: 9, matterIds: [] });

let n = 0;
const newQueue = (storage = memoryStorage()) => ({ storage, queue: new VisitQueue({ storage, storageKey: 'q', newKey: () => `k${++n}` }) });

describe('the visit queue', () => {
  it('keeps items across reloads (a new queue on the same storage sees them)', () => {
    const { storage, queue } = newQueue();
    queue.enqueueCheckIn(checkIn(), '东村');
    const reloaded = new VisitQueue({ storage, storageKey: 'q' });
    expect(reloaded.items()).toHaveLength(1);
    expect(reloaded.items()[0]).toMatchObject({ kind: 'check-in', villageName: '东村', body: checkIn(), attempts: 0 });
  });

  it('resends after a network failure with the same key and the same body, then removes the item', async () => {
    const { queue } = newQueue();
    const item = queue.enqueueCheckIn(checkIn(), '东村', 'visit-first-attempt');
    const { api, calls } = fakeFetch(['network', { status: 503, body: { error: { code: 'DEPENDENCY_UNAVAILABLE', message: 'x' } } }]);

    const first = await queue.flush(api);
    expect(first).toMatchObject({ sent: [], remaining: 1 });
    expect(first.stoppedBy).toBeTruthy();
    expect(queue.items()[0]).toMatchObject({ attempts: 1 });

    await queue.flush(api); // 503: kept
    expect(queue.items()[0]).toMatchObject({ attempts: 2 });

    const third = await queue.flush(api);
    expect(third.sent.map((s) => s.visit.id)).toEqual(['vis_1']);
    expect(queue.items()).toEqual([]);
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => c.key))).toEqual(new Set(['visit-first-attempt']));
    expect(new Set(calls.map((c) => c.body))).toEqual(new Set([JSON.stringify(item.body)]));
    expect(calls.every((c) => c.url === 'http://api/visits')).toBe(true);
  });

  it('sends a check-out chained to a queued check-in with the visit id the check-in got, version 1', async () => {
    const { queue } = newQueue();
    const ci = queue.enqueueCheckIn(checkIn(), '东村');
    expect(queue.pendingCheckIn()?.id).toBe(ci.id);
    queue.enqueueCheckOut({ afterId: ci.id }, { ...checkOut(), version: 7 }, '东村');
    expect(queue.pendingCheckIn()).toBeUndefined();

    // The check-in fails first: the check-out must not go out before it.
    const { api, calls } = fakeFetch(['network']);
    await queue.flush(api);
    expect(calls).toHaveLength(1);
    expect(queue.items().map((i) => i.kind)).toEqual(['check-in', 'check-out']);

    const result = await queue.flush(api);
    expect(result.sent.map((s) => s.item.kind)).toEqual(['check-in', 'check-out']);
    expect(calls[2]!.url).toBe('http://api/visits/vis_1/check-out');
    expect(JSON.parse(calls[2]!.body)).toMatchObject({ version: 1, householdsVisited: 4 });
    expect(queue.items()).toEqual([]);
  });

  it('keeps the chained check-out with its visit id when the check-in went and the check-out did not', async () => {
    const { queue } = newQueue();
    const ci = queue.enqueueCheckIn(checkIn(), '东村');
    queue.enqueueCheckOut({ afterId: ci.id }, checkOut(), '东村');
    const { api, calls } = fakeFetch([{ status: 201, body: { id: 'vis_9', version: 1 } }, 'network']);
    await queue.flush(api);
    expect(queue.items()).toEqual([expect.objectContaining({ kind: 'check-out', visitId: 'vis_9', attempts: 1 })]);
    expect(queue.items()[0]).not.toHaveProperty('afterId');
    await queue.flush(api);
    expect(calls.map((c) => c.url)).toEqual(['http://api/visits', 'http://api/visits/vis_9/check-out', 'http://api/visits/vis_9/check-out']);
    expect(calls[1]!.key).toBe(calls[2]!.key);
    expect(queue.items()).toEqual([]);
  });

  it('drops a check-in the API refuses (400), with the check-outs chained to it, keeps why, and goes on', async () => {
    const { queue } = newQueue();
    const old = queue.enqueueCheckIn(checkIn('2026-04-01T06:00:00.000Z'), '东村');
    queue.enqueueCheckOut({ afterId: old.id }, checkOut(), '东村');
    queue.enqueueCheckIn(checkIn('2026-05-12T10:00:00.000Z'), '西村');
    const refusal = { status: 400, body: { error: { code: 'VALIDATION_FAILED', message: 'x', details: [{ path: 'at', message: '只能补录 7 天内的走访 / visits older than 7 days cannot be recorded' }] } } };
    const { api, calls } = fakeFetch([refusal]);
    const result = await queue.flush(api);
    expect(result.failed.map((f) => f.kind)).toEqual(['check-in', 'check-out']);
    expect(result.sent.map((s) => s.item.villageName)).toEqual(['西村']);
    expect(calls).toHaveLength(2);
    expect(queue.items()).toEqual([]);
    expect(queue.failures()).toHaveLength(2);
    queue.dismissFailure(queue.failures()[0]!.id);
    expect(queue.failures()).toHaveLength(1);
  });

  it('drops a check-out refused with 409 (already checked out), but keeps one whose request is still in progress', async () => {
    const { queue } = newQueue();
    queue.enqueueCheckOut({ visitId: 'vis_5' }, checkOut(), '东村');
    const inProgress = { status: 409, body: { error: { code: 'CONFLICT', message: 'x', details: [{ path: 'Idempotency-Key', message: '相同请求正在处理中 / the same request is still in progress' }] } } };
    const done = { status: 409, body: { error: { code: 'CONFLICT', message: '该走访已签退 / the visit is already checked out', details: [{ path: 'id', message: '该走访已签退' }] } } };
    const { api } = fakeFetch([inProgress, done]);
    await queue.flush(api);
    expect(queue.items()).toHaveLength(1);
    const result = await queue.flush(api);
    expect(result.failed).toEqual([expect.objectContaining({ kind: 'check-out', message: '该走访已签退' })]);
    expect(queue.items()).toEqual([]);
  });

  it('runs one flush at a time: concurrent calls share it and nothing is sent twice', async () => {
    const { queue } = newQueue();
    queue.enqueueCheckIn(checkIn(), '东村');
    const { api, calls } = fakeFetch();
    const [a, b] = await Promise.all([queue.flush(api), queue.flush(api)]);
    expect(a).toBe(b);
    expect(calls).toHaveLength(1);
  });

  it('refuses to chain a check-out to a check-in no longer queued', () => {
    const { queue } = newQueue();
    expect(() => queue.enqueueCheckOut({ afterId: 'gone' }, checkOut(), '东村')).toThrow();
    expect(queue.items()).toEqual([]);
  });

  it('survives a corrupt entry and scopes the queue per user', () => {
    const storage = memoryStorage();
    storage.setItem('q', '{not json');
    expect(new VisitQueue({ storage, storageKey: 'q' }).items()).toEqual([]);
    expect(queueStorageKey({ tenantId: '370283', username: 'a' })).not.toBe(queueStorageKey({ tenantId: '370283', username: 'b' }));
  });

  it('tells what to retry and what to queue', () => {
    expect(isRetryable(new ApiError(0, 'NETWORK', 'x'))).toBe(true);
    expect(isRetryable(new ApiError(503, 'DEPENDENCY_UNAVAILABLE', 'x'))).toBe(true);
    expect(isRetryable(new ApiError(429, 'RATE_LIMITED', 'x'))).toBe(true);
    expect(isRetryable(new ApiError(401, 'UNAUTHENTICATED', 'x'))).toBe(true);
    expect(isRetryable(new Error('token refresh failed'))).toBe(true);
    expect(isRetryable(new ApiError(400, 'VALIDATION_FAILED', 'x'))).toBe(false);
    expect(isRetryable(new ApiError(403, 'FORBIDDEN', 'x'))).toBe(false);
    expect(isRetryable(new ApiError(409, 'CONFLICT', 'x', [{ path: 'Idempotency-Key', message: '该幂等键已用于另一个请求' }]))).toBe(false);
    // Another write of the county at the same moment (the audit chain's head): retried, never dropped.
    expect(isRetryable(new ApiError(409, 'CONFLICT', '审计日志正被同时写入，请重试', [{ path: 'audit', message: '并发写入' }], 1))).toBe(true);
    expect(isRetryable(new ApiError(409, 'VERSION_CONFLICT', 'x'))).toBe(false);
    expect(isRetryable(new ApiError(409, 'CONFLICT', '该走访已签退', [{ path: 'id', message: '该走访已签退' }]))).toBe(false);
    expect(shouldQueue(new ApiError(400, 'VALIDATION_FAILED', 'x'), false)).toBe(true);
    expect(shouldQueue(new ApiError(400, 'VALIDATION_FAILED', 'x'), true)).toBe(false);
  });
});
