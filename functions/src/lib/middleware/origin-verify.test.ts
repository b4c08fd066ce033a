import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import type { HttpEvent, HttpResponse, RouteEvent } from '../http-types';
import { jsonResponse } from '../http-types';
import { MISMATCH_REFETCH_MS, ORIGIN_VERIFY_HEADER, originVerify, SECRET_CACHE_MS, type OriginVerifyOptions } from './origin-verify';
import { publicErrorHandler } from './public-errors';

const ARN = 'arn:aws:secretsmanager:ap-east-1:123456789012:secret:origin-verify-AbCdEf';

function event(headers: Record<string, string> = {}): HttpEvent {
  return {
    version: '2.0',
    routeKey: 'GET /v1/stats',
    rawPath: '/v1/stats',
    rawQueryString: '',
    headers: { host: 'abc.execute-api.ap-east-1.amazonaws.com', ...headers },
    isBase64Encoded: false,
    requestContext: {
      accountId: 'local',
      apiId: 'abc',
      domainName: 'abc.execute-api.ap-east-1.amazonaws.com',
      domainPrefix: 'abc',
      requestId: 'r1',
      routeKey: 'GET /v1/stats',
      stage: '$default',
      time: '',
      timeEpoch: 0,
      http: { method: 'GET', path: '/v1/stats', protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'test' },
    },
  };
}

/** The public chain's shape: the route's error handler, then origin verification, then the rest. */
function harness(kind: 'open311' | 'v1', options: OriginVerifyOptions) {
  const reached = vi.fn(async () => jsonResponse(200, { ok: true }));
  const handler = middy<RouteEvent, HttpResponse, Error, Context>(reached).use(publicErrorHandler(kind)).use(originVerify(options));
  const call = (headers?: Record<string, string>) => handler(event(headers) as RouteEvent, {} as Context);
  return { reached, call };
}

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('originVerify', () => {
  it('refuses a request without the header (403 FORBIDDEN, v1 style) and runs nothing else', async () => {
    const fetchSecret = vi.fn(async () => ['s3cret']);
    const { reached, call } = harness('v1', { secretArn: ARN, fetchSecret });
    const res = await call();
    expect(res.statusCode).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'FORBIDDEN', message: expect.stringContaining('public API address') } });
    expect(reached).not.toHaveBeenCalled();
    // A missing header is refused before any secret lookup.
    expect(fetchSecret).not.toHaveBeenCalled();
  });

  it('refuses a wrong value in the Open311 error style', async () => {
    const { reached, call } = harness('open311', { secretArn: ARN, fetchSecret: async () => ['s3cret'] });
    const res = await call({ [ORIGIN_VERIFY_HEADER]: 'guess' });
    expect(res.statusCode).toBe(403);
    expect(JSON.parse(res.body)).toEqual([expect.objectContaining({ code: 403, description: expect.stringContaining('public API address') })]);
    expect(reached).not.toHaveBeenCalled();
  });

  it('passes the right value (any header case) and fetches the secret once per warm container', async () => {
    const fetchSecret = vi.fn(async () => ['s3cret']);
    const time = clock();
    const { reached, call } = harness('v1', { secretArn: ARN, fetchSecret, now: time.now });
    expect((await call({ [ORIGIN_VERIFY_HEADER]: 's3cret' })).statusCode).toBe(200);
    time.advance(SECRET_CACHE_MS - 1);
    expect((await call({ 'X-Beatlink-Origin-Verify': 's3cret' })).statusCode).toBe(200);
    expect(reached).toHaveBeenCalledTimes(2);
    expect(fetchSecret).toHaveBeenCalledTimes(1);
    // After the cache time the value is fetched again.
    time.advance(1);
    expect((await call({ [ORIGIN_VERIFY_HEADER]: 's3cret' })).statusCode).toBe(200);
    expect(fetchSecret).toHaveBeenCalledTimes(2);
  });

  it('picks up a rotated value on a mismatch, re-fetching at most once a minute', async () => {
    let values = ['old'];
    const fetchSecret = vi.fn(async () => values);
    const time = clock();
    const { call } = harness('v1', { secretArn: ARN, fetchSecret, now: time.now });
    expect((await call({ [ORIGIN_VERIFY_HEADER]: 'old' })).statusCode).toBe(200);

    // Rotated: Secrets Manager now holds `new` as AWSCURRENT and `old` as AWSPREVIOUS.
    values = ['new', 'old'];
    time.advance(MISMATCH_REFETCH_MS / 2);
    expect((await call({ [ORIGIN_VERIFY_HEADER]: 'new' })).statusCode).toBe(403);
    expect(fetchSecret).toHaveBeenCalledTimes(1);

    time.advance(MISMATCH_REFETCH_MS / 2);
    expect((await call({ [ORIGIN_VERIFY_HEADER]: 'new' })).statusCode).toBe(200);
    expect(fetchSecret).toHaveBeenCalledTimes(2);
    // The previous value still passes during the overlap (CloudFront not yet redeployed).
    expect((await call({ [ORIGIN_VERIFY_HEADER]: 'old' })).statusCode).toBe(200);

    // Wrong values do not turn into a Secrets Manager call per request.
    for (let i = 0; i < 5; i++) expect((await call({ [ORIGIN_VERIFY_HEADER]: `wrong-${i}` })).statusCode).toBe(403);
    expect(fetchSecret).toHaveBeenCalledTimes(2);
  });

  it('does nothing without a secret ARN (the local stack)', async () => {
    const fetchSecret = vi.fn(async () => ['s3cret']);
    const { reached, call } = harness('v1', { fetchSecret });
    expect((await call()).statusCode).toBe(200);
    expect(reached).toHaveBeenCalledTimes(1);
    expect(fetchSecret).not.toHaveBeenCalled();
  });

  it('answers 503 with Retry-After (not 500) when the secret cannot be fetched, and runs nothing else', async () => {
    const fetchSecret = vi.fn(async (): Promise<string[]> => {
      throw Object.assign(new Error('boom'), { name: 'InternalServiceError' });
    });
    const { reached, call } = harness('v1', { secretArn: ARN, fetchSecret });
    const res = await call({ [ORIGIN_VERIFY_HEADER]: 's3cret' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'DEPENDENCY_UNAVAILABLE', retryAfter: 5 } });
    expect(reached).not.toHaveBeenCalled();
  });

  it('keeps serving the cached value when a refresh fails', async () => {
    let fail = false;
    const fetchSecret = vi.fn(async () => {
      if (fail) throw new Error('throttled');
      return ['s3cret'];
    });
    const time = clock();
    const { call } = harness('v1', { secretArn: ARN, fetchSecret, now: time.now });
    expect((await call({ [ORIGIN_VERIFY_HEADER]: 's3cret' })).statusCode).toBe(200);
    fail = true;
    time.advance(SECRET_CACHE_MS);
    expect((await call({ [ORIGIN_VERIFY_HEADER]: 's3cret' })).statusCode).toBe(200);
    expect((await call({ [ORIGIN_VERIFY_HEADER]: 'wrong' })).statusCode).toBe(403);
    expect(fetchSecret).toHaveBeenCalledTimes(2);
  });
});
