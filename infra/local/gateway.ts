import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
// JwtVerifier is what aws-jwt-verify 5 calls the former JwtRsaVerifier (now a deprecated alias).
import { JwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { Fetcher } from 'aws-jwt-verify/https';
import { BOUNDED_CONTEXTS, allRoutes, isPublicRoute, type BoundedContext } from '@beatlink/functions/routes';
import type { ErrorBody, ErrorCode } from '@beatlink/shared';
import type { LocalStackConfig } from './stack-config';
import { cognitoIssuer, cognitoJwksUri } from './cognito-local';
import { localDynamoDbClient } from './dynamodb-local';
import { bucketAnswers } from './s3-server';
import { LOCAL_WEBHOOK_ECHO_PATH, webhookEcho } from './webhook-echo';
import { applyHandlerEnv, httpHandlerFile, importHandler, type LambdaHandler } from './handler-runtime';
import {
  buildHttpApiEvent,
  compileRoutes,
  lambdaContext,
  matchRoute,
  newRequestId,
  responseFromResult,
  stringifyClaims,
  type HttpResponse,
} from './http-api-event';

/**
 * The local API gateway: serves THE route table like the HTTP API does in AWS — CORS, JWT
 * authorizer (cognito-local's ID tokens), payload format 2.0 — and invokes the same `handler`
 * export of `functions/src/http/<context>/index.ts` that Lambda runs.
 */
export const CORS_ALLOW_HEADERS = ['authorization', 'content-type', 'idempotency-key', 'x-api-key'];
export const CORS_ALLOW_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
/** Response headers the portal may read: when to retry, and which request a failure was. */
export const CORS_EXPOSE_HEADERS = ['retry-after', 'apigw-requestid', 'idempotent-replayed', 'content-disposition'];
/** API Gateway's integration time-out (30 s) and payload limit (10 MB). */
const HANDLER_TIMEOUT_MS = 30_000;
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface GatewayOptions {
  /** The stack the handlers talk to; the gateway's own URL is filled in once it listens. */
  stack: Omit<LocalStackConfig, 'gatewayUrl'>;
  port: number;
  host?: string;
  /** One line per request; silent when omitted. */
  log?: (line: string) => void;
  /** How a context's handler is loaded; by default the `handler` export of functions/src/http/<context>/index.ts. */
  loadHandler?: (context: BoundedContext) => Promise<LambdaHandler>;
}

export type CheckState = 'ok' | 'starting' | string;

export interface HealthReport {
  status: 'ok' | 'unavailable';
  checks: { dynamodb: CheckState; cognito: CheckState; s3: CheckState; handlers: Record<string, CheckState> };
}

export interface Gateway {
  url: string;
  port: number;
  config: LocalStackConfig;
  /** Resolves once every bounded context's handler is imported; rejects naming the one that failed. */
  handlersReady: Promise<void>;
  health(): Promise<HealthReport>;
  close(graceMs?: number): Promise<void>;
}

/** Fetches the JWKS over plain HTTP (cognito-local has no TLS; the library's default is HTTPS). */
const httpFetcher: Fetcher = {
  async fetch(uri) {
    const response = await fetch(uri, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(`GET ${uri} answered ${response.status}`);
    return response.arrayBuffer();
  },
};

export function errorBody(code: ErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}

function jsonResponse(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { statusCode, headers: { 'content-type': 'application/json', ...headers }, body: Buffer.from(JSON.stringify(body)) };
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timed-out'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timed-out'>((resolveTimeout) => {
    timer = setTimeout(() => resolveTimeout('timed-out'), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const host = options.host ?? '127.0.0.1';
  const compiled = compileRoutes(allRoutes);
  const { stack } = options;
  const verifier = JwtVerifier.create(
    {
      issuer: cognitoIssuer(stack.cognitoEndpoint, stack.userPoolId),
      jwksUri: cognitoJwksUri(stack.cognitoEndpoint, stack.userPoolId),
      // API Gateway's JWT authorizer checks `aud`, or `client_id` when there is no `aud`.
      audience: null,
      customJwtCheck: ({ payload }) => {
        const audience = payload.aud ?? (payload as { client_id?: unknown }).client_id;
        const audiences = Array.isArray(audience) ? audience : [audience];
        if (!audiences.includes(stack.userPoolClientId)) throw new Error('Token was not issued for this app client');
      },
    },
    { jwksCache: new SimpleJwksCache({ fetcher: httpFetcher }) },
  );
  const echo = webhookEcho();
  const handlerState: Record<string, CheckState> = Object.fromEntries(BOUNDED_CONTEXTS.map((c) => [c, 'starting']));
  const handlers = new Map<BoundedContext, Promise<LambdaHandler>>();
  let closing = false;

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.log?.(`gateway: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) send(res, req, jsonResponse(500, errorBody('INTERNAL', 'Internal error in the local gateway')));
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  const config: LocalStackConfig = { ...stack, gatewayUrl: url };

  applyHandlerEnv(config);
  const dynamodb: DynamoDBClient = localDynamoDbClient(stack.dynamodbEndpoint, stack.region);
  const loadHandler = options.loadHandler ?? ((context: BoundedContext) => importHandler(httpHandlerFile(context)));
  for (const context of BOUNDED_CONTEXTS) {
    const loading = loadHandler(context);
    loading.then(
      () => (handlerState[context] = 'ok'),
      (error: unknown) => (handlerState[context] = `failed: ${(error as Error).message}`),
    );
    handlers.set(context, loading);
  }
  const handlersReady = Promise.all(
    [...handlers.entries()].map(([context, loading]) =>
      loading.catch((error: unknown) => {
        throw new Error(`The ${context} handler could not be loaded: ${(error as Error).message}`);
      }),
    ),
  ).then(() => undefined);
  handlersReady.catch(() => undefined);

  async function health(): Promise<HealthReport> {
    const [dynamodbState, cognitoState, s3State] = await Promise.all([
      dynamodb
        .send(new DescribeTableCommand({ TableName: stack.tableName }), { abortSignal: AbortSignal.timeout(2_000) })
        .then((r) => (r.Table?.TableStatus === 'ACTIVE' ? 'ok' : `table ${r.Table?.TableStatus ?? 'missing'}`))
        .catch((error: unknown) => `unavailable: ${(error as Error).name}`),
      fetch(cognitoJwksUri(stack.cognitoEndpoint, stack.userPoolId), { signal: AbortSignal.timeout(2_000) })
        .then((r) => (r.ok ? 'ok' : `JWKS answered ${r.status}`))
        .catch((error: unknown) => `unavailable: ${(error as Error).message}`),
      bucketAnswers(stack.s3Endpoint, stack.attachmentBucket)
        .then((ok) => (ok ? 'ok' : `bucket ${stack.attachmentBucket} missing`))
        .catch((error: unknown) => `unavailable: ${(error as Error).message}`),
    ]);
    const checks = { dynamodb: dynamodbState, cognito: cognitoState, s3: s3State, handlers: { ...handlerState } };
    const allOk = [dynamodbState, cognitoState, s3State, ...Object.values(handlerState)].every((s) => s === 'ok');
    return { status: allOk ? 'ok' : 'unavailable', checks };
  }

  function corsHeaders(req: IncomingMessage): Record<string, string> {
    return {
      'access-control-allow-origin': req.headers.origin ?? '*',
      'access-control-expose-headers': CORS_EXPOSE_HEADERS.join(','),
      vary: 'Origin',
    };
  }

  function send(res: ServerResponse, req: IncomingMessage, response: HttpResponse): void {
    res.writeHead(response.statusCode, { ...response.headers, ...corsHeaders(req), 'content-length': String(response.body.length) });
    res.end(response.body);
  }

  async function authorize(req: IncomingMessage): Promise<Record<string, string> | HttpResponse> {
    const header = req.headers.authorization;
    if (!header) return jsonResponse(401, errorBody('UNAUTHENTICATED', '未登录 / missing Authorization header'));
    const token = header.replace(/^Bearer\s+/i, '').trim();
    try {
      const payload = await verifier.verify(token);
      return stringifyClaims(payload as Record<string, unknown>);
    } catch (error) {
      return jsonResponse(401, errorBody('UNAUTHENTICATED', `登录已失效 / invalid token: ${(error as Error).message}`));
    }
  }

  async function dispatch(req: IncomingMessage, requestId: string): Promise<HttpResponse> {
    const method = (req.method ?? 'GET').toUpperCase();
    const rawUrl = req.url ?? '/';
    const path = rawUrl.split('?')[0] ?? '/';
    if (method === 'OPTIONS' && req.headers['access-control-request-method']) {
      return {
        statusCode: 204,
        headers: {
          'access-control-allow-methods': CORS_ALLOW_METHODS.join(','),
          'access-control-allow-headers': CORS_ALLOW_HEADERS.join(','),
          'access-control-max-age': '600',
        },
        body: Buffer.alloc(0),
      };
    }
    if (path === LOCAL_WEBHOOK_ECHO_PATH) return echo.answer(method, req);
    if (method === 'GET' && path === '/health') {
      const report = await health();
      return jsonResponse(report.status === 'ok' ? 200 : 503, report, report.status === 'ok' ? {} : { 'retry-after': '1' });
    }
    const match = matchRoute(compiled, method, path);
    if (match.kind === 'not-found') return jsonResponse(404, errorBody('NOT_FOUND', `没有该接口 / no route for ${method} ${path}`));
    const body = await readBody(req);
    if (body === 'too-large') return jsonResponse(413, errorBody('VALIDATION_FAILED', '请求体超过 10 MB / request body exceeds 10 MB'));
    // The public API has no authorizer: its handler checks the integrator's API key.
    const claims = isPublicRoute(match.compiled.route) ? undefined : await authorize(req);
    if (claims && 'statusCode' in claims) return claims as HttpResponse;
    const context = match.compiled.route.context;
    let handler: LambdaHandler;
    try {
      handler = await (handlers.get(context) as Promise<LambdaHandler>);
    } catch (error) {
      return jsonResponse(503, errorBody('DEPENDENCY_UNAVAILABLE', `The ${context} handler is not available: ${(error as Error).message}`), {
        'retry-after': '5',
      });
    }
    const event = buildHttpApiEvent({
      request: {
        method,
        url: rawUrl,
        headers: req.headers,
        body,
        sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
        host: req.headers.host ?? `${host}:${port}`,
        localPort: port,
      },
      compiled: match.compiled,
      pathParameters: match.pathParameters,
      claims,
      requestId,
      now: new Date(),
    });
    const lambda = lambdaContext(`beatlink-${context}`, requestId, HANDLER_TIMEOUT_MS, stack.region);
    const result = await withTimeout(handler(event, lambda), HANDLER_TIMEOUT_MS);
    if (result === 'timed-out') {
      return jsonResponse(503, errorBody('DEPENDENCY_UNAVAILABLE', '处理超时 / the handler timed out'), { 'retry-after': '5' });
    }
    return responseFromResult(result);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const requestId = newRequestId();
    let response: HttpResponse;
    if (closing) {
      // Draining: nothing new starts, so what is in flight can finish before the stack stops.
      req.resume();
      response = jsonResponse(503, errorBody('DEPENDENCY_UNAVAILABLE', '服务正在停止 / the gateway is shutting down'), { 'retry-after': '5' });
    } else {
      try {
        response = await dispatch(req, requestId);
      } catch (error) {
        options.log?.(`gateway: ${req.method} ${req.url} threw: ${(error as Error).stack ?? String(error)}`);
        response = jsonResponse(500, errorBody('INTERNAL', '服务器内部错误 / internal error'));
      }
    }
    response.headers['apigw-requestid'] = requestId;
    if (closing) response.headers.connection = 'close';
    send(res, req, response);
    if (req.url !== '/health') options.log?.(`${req.method} ${req.url} → ${response.statusCode} ${Date.now() - started} ms`);
  }

  return {
    url,
    port,
    config,
    handlersReady,
    health,
    /** Stops accepting requests, lets those in flight finish (at most `graceMs`), then closes. */
    close: (graceMs = 10_000) =>
      new Promise<void>((resolveClose) => {
        closing = true;
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        server.close(() => {
          clearTimeout(force);
          dynamodb.destroy();
          resolveClose();
        });
        server.closeIdleConnections();
      }),
  };
}
