import { describe, expect, it } from 'vitest';
import { routes, type RouteDef } from '@beatlink/functions/routes';
import {
  apiGatewayTime,
  buildHttpApiEvent,
  compileRoutes,
  lambdaContext,
  matchRoute,
  queryParameters,
  responseFromResult,
  stringifyClaims,
} from './http-api-event';

const compiled = compileRoutes(routes);

describe('matchRoute', () => {
  it('matches method and path template, decoding path parameters', () => {
    const match = matchRoute(compiled, 'GET', '/platform/tenants/370283');
    expect(match.kind).toBe('matched');
    if (match.kind !== 'matched') return;
    expect(match.compiled.routeKey).toBe('GET /platform/tenants/{tenantId}');
    expect(match.pathParameters).toEqual({ tenantId: '370283' });
  });

  it('prefers a literal segment over a parameter, like API Gateway', () => {
    const table: RouteDef[] = [
      { operationId: 'a', method: 'GET', path: '/x/{id}', context: 'directory', action: 'me.read', summary: '' },
      { operationId: 'b', method: 'GET', path: '/x/tree', context: 'directory', action: 'me.read', summary: '' },
    ];
    const match = matchRoute(compileRoutes(table), 'GET', '/x/tree');
    expect(match.kind === 'matched' && match.compiled.route.operationId).toBe('b');
  });

  it('does not match another method, a trailing slash or an unknown path', () => {
    expect(matchRoute(compiled, 'DELETE', '/me').kind).toBe('not-found');
    expect(matchRoute(compiled, 'GET', '/me/').kind).toBe('not-found');
    expect(matchRoute(compiled, 'GET', '/nope').kind).toBe('not-found');
  });
});

describe('claims and query', () => {
  it('stringifies claims as API Gateway does (arrays as "[a b]")', () => {
    expect(stringifyClaims({ 'cognito:groups': ['program_office', 'bureau_leader'], exp: 1700000000, email_verified: false, 'custom:tenantId': '370283', skip: undefined })).toEqual({
      'cognito:groups': '[program_office bureau_leader]',
      exp: '1700000000',
      email_verified: 'false',
      'custom:tenantId': '370283',
    });
  });

  it('joins repeated query parameters with commas', () => {
    expect(queryParameters('a=1&a=2&b=%E4%B8%AD')).toEqual({ a: '1,2', b: '中' });
    expect(queryParameters('')).toBeUndefined();
  });

  it("takes Object's own names as plain parameters", () => {
    const query = queryParameters('toString=x&__proto__=y&constructor=z&__proto__=w')!;
    expect(Object.entries(query)).toEqual([
      ['toString', 'x'],
      ['__proto__', 'y,w'],
      ['constructor', 'z'],
    ]);
    expect(Object.getPrototypeOf(query)).toBe(Object.prototype);
  });

  it('formats requestContext.time like API Gateway', () => {
    expect(apiGatewayTime(new Date('2020-03-12T19:03:58Z'))).toBe('12/Mar/2020:19:03:58 +0000');
  });
});

describe('buildHttpApiEvent', () => {
  it('builds the payload format 2.0 event', () => {
    const match = matchRoute(compiled, 'POST', '/directory/offices/ofc_01ARZ3NDEKTSV4RRFFQ69G5FAV/deactivate');
    if (match.kind !== 'matched') throw new Error('no match');
    const now = new Date('2026-03-03T06:00:00Z');
    const event = buildHttpApiEvent({
      request: {
        method: 'POST',
        url: '/directory/offices/ofc_01ARZ3NDEKTSV4RRFFQ69G5FAV/deactivate?x=1',
        headers: { 'content-type': 'application/json', 'user-agent': 'vitest', cookie: 'a=1; b=2', host: '127.0.0.1:4000' },
        body: Buffer.from('{"version":1}'),
        sourceIp: '127.0.0.1',
        host: '127.0.0.1:4000',
        localPort: 4000,
      },
      compiled: match.compiled,
      pathParameters: match.pathParameters,
      claims: { 'cognito:groups': '[program_office]' },
      requestId: 'req-1',
      now,
    });
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /directory/offices/{id}/deactivate',
      rawPath: '/directory/offices/ofc_01ARZ3NDEKTSV4RRFFQ69G5FAV/deactivate',
      rawQueryString: 'x=1',
      cookies: ['a=1', 'b=2'],
      queryStringParameters: { x: '1' },
      pathParameters: { id: 'ofc_01ARZ3NDEKTSV4RRFFQ69G5FAV' },
      body: '{"version":1}',
      isBase64Encoded: false,
      requestContext: {
        http: { method: 'POST', path: '/directory/offices/ofc_01ARZ3NDEKTSV4RRFFQ69G5FAV/deactivate', sourceIp: '127.0.0.1', userAgent: 'vitest' },
        requestId: 'req-1',
        routeKey: 'POST /directory/offices/{id}/deactivate',
        stage: '$default',
        time: '03/Mar/2026:06:00:00 +0000',
        timeEpoch: now.getTime(),
        authorizer: { jwt: { claims: { 'cognito:groups': '[program_office]' }, scopes: null } },
      },
    });
    expect(event.headers['content-type']).toBe('application/json');
    expect(event.headers.cookie).toBeUndefined();
    expect(event.headers['x-forwarded-for']).toBe('127.0.0.1');
  });

  it('leaves out body, query and path parameters when there are none', () => {
    const match = matchRoute(compiled, 'GET', '/me');
    if (match.kind !== 'matched') throw new Error('no match');
    const event = buildHttpApiEvent({
      request: { method: 'GET', url: '/me', headers: {}, body: Buffer.alloc(0), sourceIp: '127.0.0.1', host: 'h', localPort: 1 },
      compiled: match.compiled,
      pathParameters: match.pathParameters,
      claims: {},
      requestId: 'r',
      now: new Date(),
    });
    expect(event.body).toBeUndefined();
    expect(event.queryStringParameters).toBeUndefined();
    expect(event.pathParameters).toBeUndefined();
    expect(event.rawQueryString).toBe('');
  });
});

describe('responseFromResult', () => {
  it('uses a structured result as is', () => {
    const response = responseFromResult({ statusCode: 201, headers: { 'Content-Type': 'application/json' }, body: '{"id":"x"}', cookies: ['s=1'] });
    expect(response.statusCode).toBe(201);
    expect(response.headers).toEqual({ 'content-type': 'application/json', 'set-cookie': ['s=1'] });
    expect(response.body.toString()).toBe('{"id":"x"}');
  });

  it('decodes a base64 body', () => {
    expect(responseFromResult({ statusCode: 200, body: Buffer.from('hi').toString('base64'), isBase64Encoded: true }).body.toString()).toBe('hi');
  });

  it('sends anything else as a 200 JSON body', () => {
    const response = responseFromResult({ ok: true });
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body.toString())).toEqual({ ok: true });
  });
});

describe('lambdaContext', () => {
  it('counts the remaining time down from the time-out', () => {
    const context = lambdaContext('beatlink-directory', 'r', 30_000, 'cn-north-1');
    expect(context.getRemainingTimeInMillis()).toBeGreaterThan(29_000);
    expect(context.invokedFunctionArn).toBe('arn:aws:lambda:cn-north-1:000000000000:function:beatlink-directory');
  });
});
