import type { MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError, unauthenticated } from './app-error';
import type { HttpEvent, HttpResponse, RouteEvent } from './http-types';
import type { IdempotencyRecord, IdempotencyStore } from './idempotency';
import type { Integrator } from './integrator';
import { logger } from './logger';
import { currentTenant } from './tenant-scope';
import { publicBaseUrl, publicRoute, publicRouter, type PublicHandler, type PublicHandlers, type PublicInput } from './public-route';
import { publicRoutes, type PublicRouteDef } from '../routes';

const KEY = 'blk_370283_01JD3Z6Q9V8C2M4N5P6R7S8T9V_' + 'a'.repeat(43);
const integrator: Integrator = { tenantId: '370283', keyId: 'key_01JD3Z6Q9V8C2M4N5P6R7S8T9V', keyName: '12345 热线', scopes: ['matters:write', 'matters:read', 'stats:read'] };

vi.mock('../services/integrations/api-key-auth', () => ({
  authenticateApiKey: vi.fn(async (raw: string | undefined, scope: string | undefined) => {
    if (!raw) throw unauthenticated('缺少 API 密钥（api_key） / missing api_key');
    if (raw === 'slow') throw new AppError('RATE_LIMITED', '请求过于频繁 / rate limited', { retryAfter: 7 });
    if (raw !== KEY) throw unauthenticated('API 密钥无效 / invalid api_key');
    if (scope && !integrator.scopes.includes(scope as never)) throw new AppError('FORBIDDEN', 'scope');
    return integrator;
  }),
}));

function memoryStore(): IdempotencyStore {
  const records = new Map<string, IdempotencyRecord>();
  return {
    async begin(scope, key, hash) {
      const existing = records.get(`${scope}|${key}`);
      if (existing) return { claimed: false, existing };
      records.set(`${scope}|${key}`, { hash, state: 'in_progress' });
      return { claimed: true };
    },
    async complete(scope, key, hash, response) {
      records.set(`${scope}|${key}`, { hash, state: 'completed', response });
    },
    async release(scope, key) {
      records.delete(`${scope}|${key}`);
    },
  };
}

const seen: Array<{ op: string; input: PublicInput; tenant: string | undefined }> = [];
const answers: Record<string, unknown> = {
  open311DiscoveryXml: { changeset: 'c', endpoints: [{ url: 'u', formats: ['text/xml', 'application/json'] }] },
  open311GetService: { service_code: 'sanitation', attributes: [{ code: 'kind', values: [{ key: 'demand', name: '群众诉求 & <诉求>' }] }] },
  open311CreateRequestXml: [{ service_request_id: 'mat_1', token: 'tok_1', service_notice: 'n' }],
  open311CreateRequestJson: [{ service_request_id: 'mat_1', token: 'tok_1', service_notice: 'n' }],
  open311ListServicesJson: [{ service_code: 'a' }],
  v1GetStats: { total: 0 },
};
const handlers = Object.fromEntries(
  publicRoutes.map((r) => [
    r.operationId,
    (async (input: PublicInput) => {
      seen.push({ op: r.operationId, input, tenant: currentTenant() });
      return answers[r.operationId] ?? {};
    }) as PublicHandler,
  ]),
) as PublicHandlers;
const router = publicRouter(handlers, { idempotencyStore: memoryStore() });

function event(method: string, path: string, opts: { headers?: Record<string, string>; query?: Record<string, string>; body?: string } = {}): HttpEvent {
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'api.example.gov.cn', ...opts.headers },
    queryStringParameters: opts.query,
    isBase64Encoded: false,
    body: opts.body,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: 'api.example.gov.cn',
      domainPrefix: 'api',
      requestId: 'r1',
      routeKey: `${method} ${path}`,
      stage: '$default',
      time: '',
      timeEpoch: 0,
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
    },
  } as HttpEvent;
}

const call = (method: string, path: string, opts: Parameters<typeof event>[2] = {}) => router(event(method, path, opts), {} as Context);
const form = { 'content-type': 'application/x-www-form-urlencoded' };

beforeAll(() => logger.setLogLevel('SILENT'));
beforeEach(() => {
  seen.length = 0;
});

describe('publicRouter: Open311', () => {
  it('serves discovery as XML without a key', async () => {
    const res = await call('GET', '/open311/v2/discovery.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(res.body).toBe('<?xml version="1.0" encoding="utf-8"?><discovery><changeset>c</changeset><endpoints><endpoint><url>u</url><formats><format>text/xml</format><format>application/json</format></formats></endpoint></endpoints></discovery>');
  });

  it('refuses a missing key with the spec error list in the route format', async () => {
    const res = await call('GET', '/open311/v2/services.json');
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(res.body)).toEqual([{ code: 401, description: '缺少 API 密钥（api_key） / missing api_key' }]);
    const xml = await call('GET', '/open311/v2/services.xml');
    expect(xml.body).toBe('<?xml version="1.0" encoding="utf-8"?><errors><error><code>401</code><description>缺少 API 密钥（api_key） / missing api_key</description></error></errors>');
  });

  it('takes the key from X-Api-Key, Bearer or api_key, and the format from the item suffix', async () => {
    const variants: Array<Parameters<typeof event>[2]> = [{ headers: { 'X-Api-Key': KEY } }, { headers: { authorization: `Bearer ${KEY}` } }, { query: { api_key: KEY } }];
    for (const opts of variants) {
      const res = await call('GET', '/open311/v2/services/sanitation.xml', opts);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<service_definition><service_code>sanitation</service_code><attributes><attribute><code>kind</code><values><value><key>demand</key><name>群众诉求 &amp; &lt;诉求&gt;</name></value></values></attribute></attributes></service_definition>');
    }
    expect(seen.map((s) => s.input.params)).toEqual(Array(3).fill({ service_code: 'sanitation' }));
    expect(seen[0]!.input.integrator).toEqual(integrator);
    expect(seen[0]!.input.ctx).toMatchObject({ tenantId: '370283', username: `apikey:${integrator.keyId}`, roles: [], scope: 'tenant' });
    // Run in the scope of the county the key's text names (in AWS: that county's credentials only).
    expect(seen.map((s) => s.tenant)).toEqual(Array(3).fill('370283'));
    expect(currentTenant()).toBeUndefined();
  });

  it('refuses an item without a known suffix, naming the parameter', async () => {
    for (const path of ['/open311/v2/services/sanitation', '/open311/v2/services/sanitation.html']) {
      const res = await call('GET', path, { headers: { 'X-Api-Key': KEY } });
      expect(res.statusCode).toBe(400);
      expect(JSON.parse(res.body)[0].description).toMatch(/^service_code: /);
    }
    expect(seen).toHaveLength(0);
  });

  it('parses a form, strips api_key and jurisdiction_id, and answers 201 in XML', async () => {
    const body = `api_key=${KEY}&jurisdiction_id=370283&service_code=sanitation&address_string=%E4%B8%9C%E6%9D%91&lat=36.1&long=120.3&attribute%5Bkind%5D=dispute`;
    const res = await call('POST', '/open311/v2/requests.xml', { headers: form, body });
    expect(res.statusCode).toBe(201);
    expect(res.body).toContain('<service_requests><request><service_request_id>mat_1</service_request_id><token>tok_1</token>');
    expect(seen[0]!.input.body).toEqual({ service_code: 'sanitation', address_string: '东村', lat: 36.1, long: 120.3, attribute: { kind: 'dispute' } });
  });

  it('answers each validation problem as one error naming its field, and writes nothing', async () => {
    const res = await call('POST', '/open311/v2/requests.xml', { headers: { ...form, 'X-Api-Key': KEY }, body: 'lat=36.1&attribute[kind]=crime&attribute[colour]=red' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<code>400</code><description>service_code: ');
    expect(res.body).toContain('<description>attribute[kind]: ');
    expect(res.body).toContain('<description>attribute[colour]: ');
    expect(seen).toHaveLength(0);
  });

  it('does not find another jurisdiction', async () => {
    const res = await call('GET', '/open311/v2/requests.json', { query: { api_key: KEY, jurisdiction_id: '370285' } });
    expect(res.statusCode).toBe(404);
    expect(JSON.parse(res.body)).toEqual([{ code: 404, description: 'jurisdiction_id: 未找到该辖区 / jurisdiction_id was not found' }]);
  });

  it('keeps Retry-After on 429 and refuses a missing scope with 403', async () => {
    const slow = await call('GET', '/open311/v2/services.json', { headers: { 'X-Api-Key': 'slow' } });
    expect(slow.statusCode).toBe(429);
    expect(slow.headers['retry-after']).toBe('7');
    const scope = await call('POST', '/open311/v2/servicerequestupdates.json', { headers: { 'X-Api-Key': KEY } });
    expect(scope.statusCode).toBe(403);
  });

  it('replays an idempotent POST without running it again', async () => {
    const opts = { headers: { ...form, 'X-Api-Key': KEY, 'Idempotency-Key': 'abc-1' }, body: 'service_code=sanitation&address_string=x' };
    const first = await call('POST', '/open311/v2/requests.json', opts);
    const second = await call('POST', '/open311/v2/requests.json', opts);
    expect(second.body).toBe(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(seen).toHaveLength(1);
  });
});

describe('publicRouter: REST v1', () => {
  it('answers the JSON error body and validates the query', async () => {
    const res = await call('GET', '/v1/stats', { headers: { 'X-Api-Key': KEY }, query: { from: '2026-11-01' } });
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'to' }] });
  });

  it('answers 404 in the JSON error body for an unknown route', async () => {
    const res = await call('GET', '/v1/nothing');
    expect(res.statusCode).toBe(404);
    expect(JSON.parse(res.body).error.code).toBe('NOT_FOUND');
  });

  it('serves the OpenAPI route without a key', async () => {
    const res = await call('GET', '/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    expect(seen[0]!.input.baseUrl).toBe('https://api.example.gov.cn');
  });
});

describe('publicBaseUrl', () => {
  it('prefers PUBLIC_API_BASE_URL, else the host (http for loopback)', () => {
    expect(publicBaseUrl(event('GET', '/'), { PUBLIC_API_BASE_URL: 'https://x.gov.cn/' })).toBe('https://x.gov.cn');
    expect(publicBaseUrl(event('GET', '/', { headers: { host: '127.0.0.1:4000' } }), {})).toBe('http://127.0.0.1:4000');
  });
});

describe('publicRoute: origin verification', () => {
  // Stands in for the CloudFront origin check in AWS: refuses every request it is asked about.
  const refuseAll: MiddlewareObj<RouteEvent, HttpResponse> = {
    before: () => {
      throw new AppError('FORBIDDEN', 'not through the edge');
    },
  };
  const routeOf = (operationId: string) => (publicRoutes as readonly PublicRouteDef[]).find((r) => r.operationId === operationId)!;
  const handle = (operationId: string, e: HttpEvent) => publicRoute(routeOf(operationId), handlers[operationId as keyof PublicHandlers]!, { idempotencyStore: memoryStore() }, refuseAll)(e, {} as Context);

  it('refuses keyed routes before the key is read or anything runs', async () => {
    const res = await handle('v1GetStats', event('GET', '/v1/stats', { headers: { 'x-api-key': KEY } }));
    expect(res.statusCode).toBe(403);
    expect(seen).toEqual([]);
  });

  it('leaves the public documents (auth none) readable at the API address', async () => {
    for (const [operationId, path] of [['v1GetOpenApi', '/v1/openapi.json'], ['open311DiscoveryXml', '/open311/v2/discovery.xml']] as const) {
      expect(routeOf(operationId).auth.kind).toBe('none');
      expect((await handle(operationId, event('GET', path))).statusCode, operationId).toBe(200);
    }
  });
});
