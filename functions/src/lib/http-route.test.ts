import type { Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { conflict } from './app-error';
import { contextRouter, handle, httpRoute, type RouteHandler } from './http-route';
import type { HttpEvent } from './http-types';
import type { IdempotencyRecord, IdempotencyStore, StoredResponse } from './idempotency';
import { logger } from './logger';
import { currentTenant } from './tenant-scope';
import type { RouteDef } from '../routes';

/** An in-memory idempotency store with the same contract as the DynamoDB one. */
function memoryStore(): IdempotencyStore & { records: Map<string, IdempotencyRecord> } {
  const records = new Map<string, IdempotencyRecord>();
  const id = (scope: string, key: string) => `${scope}|${key}`;
  return {
    records,
    async begin(scope, key, hash) {
      const existing = records.get(id(scope, key));
      if (existing) return { claimed: false, existing };
      records.set(id(scope, key), { hash, state: 'in_progress' });
      return { claimed: true };
    },
    async complete(scope, key, hash, response: StoredResponse) {
      records.set(id(scope, key), { hash, state: 'completed', response });
    },
    async release(scope, key) {
      records.delete(id(scope, key));
    },
  };
}

const route: RouteDef = {
  operationId: 'createThing',
  method: 'POST',
  path: '/things/{id}',
  context: 'directory',
  action: 'directory.unit.write',
  summary: 'test route',
  params: z.strictObject({ id: z.string().max(5) }),
  query: z.strictObject({ limit: z.coerce.number().int().min(1).default(10) }),
  body: z.strictObject({ name: z.string().trim().min(1).max(10), nested: z.strictObject({ a: z.number() }).optional() }),
  successStatus: 201,
};

const officeAdmin = { 'cognito:username': 'admin370285', 'cognito:groups': '[program_office]', 'custom:tenantId': '370285' };

function event(opts: { body?: string; claims?: Record<string, string>; id?: string; headers?: Record<string, string>; query?: Record<string, string> } = {}): HttpEvent {
  return {
    version: '2.0',
    routeKey: 'POST /things/{id}',
    rawPath: `/things/${opts.id ?? 'a1'}`,
    rawQueryString: '',
    headers: opts.headers ?? {},
    queryStringParameters: opts.query,
    pathParameters: { id: opts.id ?? 'a1' },
    isBase64Encoded: false,
    body: opts.body,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      requestId: 'r1',
      routeKey: 'POST /things/{id}',
      stage: '$default',
      time: '',
      timeEpoch: 0,
      http: { method: 'POST', path: `/things/${opts.id ?? 'a1'}`, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      ...(opts.claims === undefined ? {} : { authorizer: { jwt: { claims: opts.claims, scopes: [] } } }),
    },
  } as HttpEvent;
}

let calls = 0;
const thing = handle<{ name: string }, { limit: number }, { id: string }>(async ({ ctx, body, params, query }) => {
  calls++;
  if (body.name === 'boom') throw new Error('secret internals: table beatlink key T#370285');
  if (body.name === 'throttle') throw Object.assign(new Error('slow down'), { name: 'ProvisionedThroughputExceededException', $metadata: { httpStatusCode: 400 } });
  if (body.name === 'taken') throw conflict('name', '已被使用 / taken');
  return { id: params.id, name: body.name, tenantId: ctx.tenantId, limit: query.limit, call: calls };
});

const store = memoryStore();
const handler = httpRoute(route, thing, { idempotencyStore: store });
const invoke = async (e: HttpEvent) => {
  const response = await handler(e, {} as Context);
  return { status: response.statusCode, headers: response.headers, body: JSON.parse(response.body) };
};

beforeAll(() => logger.setLogLevel('SILENT'));

describe('httpRoute', () => {
  it('runs the handler with the caller and validated input, answering the route status', async () => {
    const r = await invoke(event({ body: JSON.stringify({ name: ' 甲 ' }), claims: officeAdmin }));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ id: 'a1', name: '甲', tenantId: '370285', limit: 10 });
    expect(r.headers['content-type']).toContain('application/json');
  });

  it('401 without claims, 403 for a role without the action; the handler does not run', async () => {
    const before = calls;
    expect((await invoke(event({ body: '{"name":"x"}' }))).status).toBe(401);
    const aux = { ...officeAdmin, 'cognito:groups': '[auxiliary]' };
    const r = await invoke(event({ body: '{"name":"x"}', claims: aux }));
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('FORBIDDEN');
    expect(calls).toBe(before);
  });

  it('400 naming each field; unknown keys one detail each; nothing runs', async () => {
    const before = calls;
    const r = await invoke(event({ body: JSON.stringify({ name: '', nested: { a: 'x' }, foo: 1, bar: 2 }), claims: officeAdmin, id: 'toolong', query: { limit: '0' } }));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    const paths = r.body.error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['bar', 'foo', 'id', 'limit', 'name', 'nested.a']);
    expect(calls).toBe(before);
  });

  it('400 with path "" for invalid JSON and for a body over 256 KB', async () => {
    const bad = await invoke(event({ body: '{"name":', claims: officeAdmin }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ path: '', message: expect.any(String) }]);
    const huge = await invoke(event({ body: JSON.stringify({ name: 'x'.repeat(300 * 1024) }), claims: officeAdmin }));
    expect(huge.status).toBe(400);
    expect(huge.body.error.details[0].path).toBe('');
    const longString = await invoke(event({ body: JSON.stringify({ name: 'x'.repeat(100 * 1024) }), claims: officeAdmin }));
    expect(longString.status).toBe(400);
    expect(longString.body.error.details[0].path).toBe('name');
  });

  it('500 INTERNAL without internals for unknown errors; 503 with Retry-After for throttling', async () => {
    const boom = await invoke(event({ body: '{"name":"boom"}', claims: officeAdmin }));
    expect(boom.status).toBe(500);
    expect(boom.body.error.code).toBe('INTERNAL');
    expect(JSON.stringify(boom.body)).not.toContain('secret');
    const slow = await invoke(event({ body: '{"name":"throttle"}', claims: officeAdmin }));
    expect(slow.status).toBe(503);
    expect(slow.body.error.code).toBe('DEPENDENCY_UNAVAILABLE');
    expect(Number(slow.headers['retry-after'])).toBeGreaterThan(0);
    const taken = await invoke(event({ body: '{"name":"taken"}', claims: officeAdmin }));
    expect(taken.status).toBe(409);
    expect(taken.body).toEqual({ error: { code: 'CONFLICT', message: '已被使用 / taken', details: [{ path: 'name', message: '已被使用 / taken' }] } });
  });
});

describe('idempotency', () => {
  const withKey = (key: string, body: string, id = 'a1') => event({ body, claims: officeAdmin, id, headers: { 'Idempotency-Key': key } });

  it('replays the first success for the same key and body without running again', async () => {
    const first = await invoke(withKey('k-1', '{"name":"乙"}'));
    const callsAfterFirst = calls;
    const again = await invoke(withKey('k-1', '{ "name" : "乙" }'));
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(calls).toBe(callsAfterFirst);
    expect([...store.records.keys()]).toContain('T#370285|createThing#k-1');
  });

  it('422 for the same key with another body or another path parameter', async () => {
    await invoke(withKey('k-2', '{"name":"丙"}'));
    const other = await invoke(withKey('k-2', '{"name":"丁"}'));
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(other.body.error.details[0].path).toBe('Idempotency-Key');
    expect((await invoke(withKey('k-2', '{"name":"丙"}', 'b2'))).status).toBe(422);
  });

  it('makes concurrent duplicates wait for the first answer: one run, one answer', async () => {
    const before = calls;
    const answers = await Promise.all(Array.from({ length: 5 }, () => invoke(withKey('k-5', '{"name":"戊"}'))));
    expect(calls).toBe(before + 1);
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([answers[0]!.status]));
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
  });

  it('frees the key when the request fails, so a retry runs again', async () => {
    expect((await invoke(withKey('k-3', '{"name":"taken"}'))).status).toBe(409);
    expect(store.records.has('T#370285|createThing#k-3')).toBe(false);
    const before = calls;
    await invoke(withKey('k-3', '{"name":"taken"}'));
    expect(calls).toBe(before + 1);
  });

  it('never stores a one-time secret: the replay says it was shown once', async () => {
    const secretStore = memoryStore();
    const withSecret = httpRoute({ ...route, secretFields: ['key'] }, handle(async () => ({ id: 'k1', key: 'blk_s3cret' })), { idempotencyStore: secretStore });
    const call = async () => {
      const r = (await withSecret(withKey('k-6', '{"name":"己"}'), {} as never)) as { statusCode: number; body: string };
      return JSON.parse(r.body) as Record<string, unknown>;
    };
    expect(await call()).toEqual({ id: 'k1', key: 'blk_s3cret' });
    const replay = await call();
    expect(replay.id).toBe('k1');
    expect(replay.key).toBeUndefined();
    expect(replay.secretNotShownAgain).toBeTruthy();
    expect(JSON.stringify([...secretStore.records.values()])).not.toContain('s3cret');
  });

  it('refuses a malformed key before taking it', async () => {
    const r = await invoke(withKey('bad key', '{"name":"x"}'));
    expect(r.status).toBe(400);
    expect(r.body.error.details[0].path).toBe('Idempotency-Key');
  });
});

describe('contextRouter', () => {
  const seen: unknown[] = [];
  const record: RouteHandler = handle(async (input) => {
    seen.push(input.params);
    return { ok: true };
  });
  const router = contextRouter(
    'admin',
    { createTenant: record, listTenants: record, getTenant: record, getConfig: record, updateConfig: record },
    { idempotencyStore: memoryStore() },
  );
  const platformAdmin = { 'cognito:username': 'root', 'cognito:groups': '[platform_admin]' };
  const get = (path: string) =>
    router(
      {
        ...event({ claims: platformAdmin }),
        rawPath: path,
        pathParameters: undefined,
        requestContext: { ...event({ claims: platformAdmin }).requestContext, http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '', userAgent: '' } },
      } as HttpEvent,
      {} as Context,
    );

  it('dispatches by the route table, path parameters included', async () => {
    const r = await get('/platform/tenants/370285');
    expect(r.statusCode).toBe(200);
    expect(seen.at(-1)).toEqual({ tenantId: '370285' });
  });

  it('answers an unknown route with a 404 in the error format', async () => {
    const r = await get('/platform/nothing/here');
    expect(r.statusCode).toBe(404);
    expect(JSON.parse(r.body)).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });
});

describe('tenant scope of a route', () => {
  it("runs a county caller's request in its county's scope, idempotency records included", async () => {
    const scopes: Array<string | undefined> = [];
    const store = memoryStore();
    const recording: IdempotencyStore = {
      begin: (...args) => (scopes.push(currentTenant()), store.begin(...args)),
      complete: (...args) => (scopes.push(currentTenant()), store.complete(...args)),
      release: (...args) => (scopes.push(currentTenant()), store.release(...args)),
    };
    const scoped = httpRoute(route, handle(async () => ({ tenant: currentTenant() ?? null })), { idempotencyStore: recording });
    const r = await scoped(event({ body: JSON.stringify({ name: '甲' }), claims: officeAdmin, headers: { 'Idempotency-Key': 'scope-1' } }), {} as Context);
    expect(JSON.parse(r.body)).toEqual({ tenant: '370285' });
    expect(scopes).toEqual(['370285', '370285']);
    expect(currentTenant()).toBeUndefined();
  });

  it("runs a platform caller's request outside any county scope", async () => {
    const tenants: Array<string | undefined> = [];
    const record: RouteHandler = handle(async () => {
      tenants.push(currentTenant());
      return {};
    });
    const router = contextRouter('admin', { createTenant: record, listTenants: record, getTenant: record, getConfig: record, updateConfig: record }, { idempotencyStore: memoryStore() });
    const platformAdmin = { 'cognito:username': 'root', 'cognito:groups': '[platform_admin]' };
    const base = event({ claims: platformAdmin });
    const r = await router(
      { ...base, rawPath: '/platform/tenants/370285', pathParameters: undefined, requestContext: { ...base.requestContext, http: { ...base.requestContext.http, method: 'GET', path: '/platform/tenants/370285' } } } as HttpEvent,
      {} as Context,
    );
    expect(r.statusCode).toBe(200);
    expect(tenants).toEqual([undefined]);
  });
});
