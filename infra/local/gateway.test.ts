import { createSign, generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { BOUNDED_CONTEXTS } from '@beatlink/functions/routes';
import { startGateway, type Gateway } from './gateway';
import type { LambdaHandler } from './handler-runtime';

/**
 * The gateway against a stand-in for cognito-local (a JWKS server and tokens signed with our own
 * key) and stand-in handlers: authorizer, CORS, routing and the event the handler receives.
 */
const POOL = 'local_TestPool';
const CLIENT = 'testclient';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });

function sign(payload: Record<string, unknown>, key = privateKey): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT', kid: 'test' })}.${encode(payload)}`;
  return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(key).toString('base64url')}`;
}

let jwks: Server;
let gateway: Gateway;
let issuer: string;
const received: APIGatewayProxyEventV2WithJWTAuthorizer[] = [];

const echo: LambdaHandler = async (event) => {
  received.push(event as APIGatewayProxyEventV2WithJWTAuthorizer);
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ok: true }) };
};

function token(overrides: Record<string, unknown> = {}, key = privateKey): string {
  const now = Math.floor(Date.now() / 1000);
  return sign(
    { iss: issuer, aud: CLIENT, iat: now, exp: now + 600, token_use: 'id', 'cognito:username': 'program.370283', 'cognito:groups': ['program_office'], 'custom:tenantId': '370283', ...overrides },
    key,
  );
}

beforeAll(async () => {
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'test', alg: 'RS256', use: 'sig' };
  jwks = createServer((req, res) => {
    res.writeHead(req.url === `/${POOL}/.well-known/jwks.json` ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolveListen) => jwks.listen(0, '127.0.0.1', () => resolveListen()));
  const cognitoEndpoint = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}`;
  issuer = `${cognitoEndpoint}/${POOL}`;
  gateway = await startGateway({
    stack: {
      region: 'cn-north-1',
      tableName: 'beatlink',
      // Nothing listens there: /health must say DynamoDB (and the S3 server) are down.
      dynamodbEndpoint: 'http://127.0.0.1:9',
      cognitoEndpoint,
      s3Endpoint: 'http://127.0.0.1:9',
      attachmentBucket: 'beatlink-attachments',
      masterKeyFile: '/nonexistent/master.key',
      userPoolId: POOL,
      userPoolClientId: CLIENT,
    },
    port: 0,
    loadHandler: async () => echo,
  });
  await gateway.handlersReady;
});

afterAll(async () => {
  await gateway?.close();
  await new Promise<void>((resolveClose) => (jwks ? jwks.close(() => resolveClose()) : resolveClose()));
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${gateway.url}${path}`, { headers });

describe('local gateway', () => {
  it('sets the handler environment for the stack', () => {
    expect(process.env).toMatchObject({ TABLE_NAME: 'beatlink', USER_POOL_ID: POOL, APP_STAGE: 'local', DYNAMODB_ENDPOINT: 'http://127.0.0.1:9' });
  });

  it('refuses missing, forged, foreign-audience and expired tokens with 401 before invoking anything', async () => {
    const before = received.length;
    const now = Math.floor(Date.now() / 1000);
    const attempts: Array<Record<string, string>> = [
      {},
      { authorization: 'Bearer not-a-jwt' },
      { authorization: `Bearer ${token({}, other.privateKey)}` },
      { authorization: `Bearer ${token({ aud: 'another-client' })}` },
      { authorization: `Bearer ${token({ exp: now - 10 })}` },
      { authorization: `Bearer ${token({ iss: 'http://127.0.0.1:1/local_Other' })}` },
    ];
    for (const headers of attempts) {
      const response = await get('/me', headers);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    }
    expect(received.length).toBe(before);
  });

  it('invokes the handler with the claims as API Gateway passes them', async () => {
    const response = await get('/directory/offices/ofc_01ARZ3NDEKTSV4RRFFQ69G5FAV?limit=5', {
      authorization: `Bearer ${token()}`,
      origin: 'http://127.0.0.1:3000',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000');
    expect(response.headers.get('apigw-requestid')).toBeTruthy();
    const event = received.at(-1)!;
    expect(event.routeKey).toBe('GET /directory/offices/{id}');
    expect(event.pathParameters).toEqual({ id: 'ofc_01ARZ3NDEKTSV4RRFFQ69G5FAV' });
    expect(event.queryStringParameters).toEqual({ limit: '5' });
    expect(event.requestContext.authorizer.jwt.claims).toMatchObject({
      'cognito:groups': '[program_office]',
      'custom:tenantId': '370283',
      aud: CLIENT,
    });
    expect(typeof event.requestContext.authorizer.jwt.claims.exp).toBe('string');
    expect(event.headers.authorization).toMatch(/^Bearer /);
  });

  it('passes a POST body as a string', async () => {
    const response = await fetch(`${gateway.url}/directory/stations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token()}`, 'content-type': 'application/json', 'idempotency-key': 'k1' },
      body: JSON.stringify({ name: '城关派出所' }),
    });
    expect(response.status).toBe(200);
    const event = received.at(-1)!;
    expect(event.body).toBe('{"name":"城关派出所"}');
    expect(event.isBase64Encoded).toBe(false);
    expect(event.headers['idempotency-key']).toBe('k1');
  });

  it('answers an unknown route with 404 and a preflight with the CORS headers', async () => {
    const notFound = await get('/nowhere', { authorization: `Bearer ${token()}` });
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const preflight = await fetch(`${gateway.url}/config`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:3000', 'access-control-request-method': 'PUT' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization,content-type,idempotency-key,x-api-key');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
  });

  it('reports 503 on /health while a part is down', async () => {
    const response = await get('/health');
    expect(response.status).toBe(503);
    const report = (await response.json()) as { status: string; checks: { dynamodb: string; cognito: string; s3: string; handlers: Record<string, string> } };
    expect(report.status).toBe('unavailable');
    expect(report.checks.cognito).toBe('ok');
    expect(report.checks.handlers).toEqual(Object.fromEntries(BOUNDED_CONTEXTS.map((context) => [context, 'ok'])));
    expect(report.checks.dynamodb).toMatch(/^unavailable/);
    expect(report.checks.s3).toMatch(/^unavailable/);
  });
});
