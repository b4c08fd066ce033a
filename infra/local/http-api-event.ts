import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import type { PublicRouteDef, RouteDef } from '@beatlink/functions/routes';

/**
 * What API Gateway (HTTP API, payload format 2.0, JWT authorizer) hands a Lambda, built from a
 * plain HTTP request. Pure functions, so the shape is unit-tested against AWS's documented event.
 */

export interface CompiledRoute {
  route: RouteDef | PublicRouteDef;
  routeKey: string;
  pattern: RegExp;
  paramNames: string[];
  /** Literal segments count: API Gateway prefers the most specific route. */
  literalSegments: number;
}

export function compileRoutes(routes: ReadonlyArray<RouteDef | PublicRouteDef>): CompiledRoute[] {
  return routes
    .map((route) => {
      const paramNames: string[] = [];
      const segments = route.path.split('/').slice(1);
      const source = segments
        .map((segment) => {
          const param = /^\{([A-Za-z0-9_]+)\}$/.exec(segment);
          if (param?.[1]) {
            paramNames.push(param[1]);
            return '/([^/]+)';
          }
          return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
        })
        .join('');
      return {
        route,
        routeKey: `${route.method} ${route.path}`,
        pattern: new RegExp(`^${source}$`),
        paramNames,
        literalSegments: segments.length - paramNames.length,
      };
    })
    .sort((a, b) => b.literalSegments - a.literalSegments);
}

export type RouteMatch =
  | { kind: 'matched'; compiled: CompiledRoute; pathParameters: Record<string, string> }
  | { kind: 'not-found' };

export function matchRoute(compiled: readonly CompiledRoute[], method: string, path: string): RouteMatch {
  for (const candidate of compiled) {
    if (candidate.route.method !== method) continue;
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    const pathParameters: Record<string, string> = {};
    let decodable = true;
    candidate.paramNames.forEach((name, index) => {
      const raw = match[index + 1] ?? '';
      try {
        pathParameters[name] = decodeURIComponent(raw);
      } catch {
        decodable = false;
      }
    });
    if (decodable) return { kind: 'matched', compiled: candidate, pathParameters };
  }
  return { kind: 'not-found' };
}

/**
 * API Gateway passes JWT claims as strings: numbers and booleans as their text, arrays as
 * `[a b]` (e.g. `cognito:groups`), objects as JSON.
 */
export function stringifyClaims(payload: Record<string, unknown>): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) claims[name] = `[${value.map(String).join(' ')}]`;
    else if (typeof value === 'object') claims[name] = JSON.stringify(value);
    else claims[name] = String(value);
  }
  return claims;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `12/Mar/2020:19:03:58 +0000`, the format of `requestContext.time`. */
export function apiGatewayTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
}

/** API Gateway's request ids look like `JKJaXmPLvHcESHA=`. */
export function newRequestId(): string {
  return randomBytes(10).toString('base64');
}

export interface IncomingRequest {
  method: string;
  /** Path and query exactly as received, e.g. `/directory/offices?limit=5`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  sourceIp: string;
  /** `host:port` the client called. */
  host: string;
  localPort: number;
}

export interface EventInput {
  request: IncomingRequest;
  compiled: CompiledRoute;
  pathParameters: Record<string, string>;
  /** The verified token's claims; undefined for a route without an authorizer (the public API). */
  claims: Record<string, string> | undefined;
  requestId: string;
  now: Date;
}

function splitUrl(url: string): { rawPath: string; rawQueryString: string } {
  const index = url.indexOf('?');
  return index < 0 ? { rawPath: url, rawQueryString: '' } : { rawPath: url.slice(0, index), rawQueryString: url.slice(index + 1) };
}

/**
 * Repeated query parameters are joined with commas, as API Gateway does. A Map, then own
 * properties: `?toString=x` or `?__proto__=x` are parameters like any other, not Object's.
 */
export function queryParameters(rawQueryString: string): Record<string, string> | undefined {
  if (!rawQueryString) return undefined;
  const result = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    const earlier = result.get(name);
    result.set(name, earlier === undefined ? value : `${earlier},${value}`);
  }
  return result.size > 0 ? Object.fromEntries(result) : undefined;
}

export function buildHttpApiEvent(input: EventInput): APIGatewayProxyEventV2WithJWTAuthorizer {
  const { request, compiled } = input;
  const { rawPath, rawQueryString } = splitUrl(request.url);
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(',') : value;
    // API Gateway moves the Cookie header into `cookies`.
    if (name === 'cookie') cookies = text.split(';').map((c) => c.trim()).filter(Boolean);
    else headers[name.toLowerCase()] = text;
  }
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${request.sourceIp}` : request.sourceIp;
  headers['x-forwarded-port'] = String(request.localPort);
  headers['x-forwarded-proto'] = 'http';
  const [domainPrefix] = request.host.split('.');
  const event: APIGatewayProxyEventV2WithJWTAuthorizer = {
    version: '2.0',
    routeKey: compiled.routeKey,
    rawPath,
    rawQueryString,
    ...(cookies ? { cookies } : {}),
    headers,
    ...(queryParameters(rawQueryString) ? { queryStringParameters: queryParameters(rawQueryString) } : {}),
    ...(compiled.paramNames.length > 0 ? { pathParameters: input.pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      ...(input.claims
        ? { authorizer: { jwt: { claims: input.claims, scopes: null } } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer['requestContext']['authorizer'] }
        : {}),
      domainName: request.host,
      domainPrefix: domainPrefix ?? request.host,
      http: {
        method: request.method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: input.requestId,
      routeKey: compiled.routeKey,
      stage: '$default',
      time: apiGatewayTime(input.now),
      timeEpoch: input.now.getTime(),
      // A route without an authorizer has no `authorizer` at all, as in API Gateway.
    } as APIGatewayProxyEventV2WithJWTAuthorizer['requestContext'],
    isBase64Encoded: false,
  };
  if (request.body.length > 0) event.body = request.body.toString('utf8');
  return event;
}

/** A Lambda context for one invocation of `functionName` with `timeoutMs` to run. */
export function lambdaContext(functionName: string, requestId: string, timeoutMs: number, region: string): Context {
  const deadline = Date.now() + timeoutMs;
  const unsupported = () => {
    throw new Error('Callback-style completion is not supported: return a value or a promise');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/${new Date().toISOString().slice(0, 10)}/[$LATEST]${requestId}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/**
 * A Lambda result as API Gateway turns it into a response (payload format 2.0): an object with
 * `statusCode` is used as is; anything else is sent as a 200 JSON body.
 */
export function responseFromResult(result: unknown): HttpResponse {
  if (result !== null && typeof result === 'object' && 'statusCode' in result) {
    const structured = result as {
      statusCode: number;
      headers?: Record<string, string | number | boolean>;
      multiValueHeaders?: Record<string, Array<string | number | boolean>>;
      cookies?: string[];
      body?: string;
      isBase64Encoded?: boolean;
    };
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(structured.headers ?? {})) headers[name.toLowerCase()] = String(value);
    for (const [name, values] of Object.entries(structured.multiValueHeaders ?? {})) headers[name.toLowerCase()] = values.map(String);
    if (structured.cookies?.length) headers['set-cookie'] = structured.cookies;
    const body = structured.body === undefined ? Buffer.alloc(0) : Buffer.from(structured.body, structured.isBase64Encoded ? 'base64' : 'utf8');
    return { statusCode: structured.statusCode, headers, body };
  }
  const body = result === undefined ? '' : typeof result === 'string' ? result : JSON.stringify(result);
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(body, 'utf8') };
}
