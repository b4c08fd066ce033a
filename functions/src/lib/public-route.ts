import middy, { type MiddlewareObj } from '@middy/core';
import httpRouterHandler from '@middy/http-router';
import type { Context } from 'aws-lambda';
import { AppError, unauthenticated } from './app-error';
import { headerOf, jsonResponse, stateOf, type HttpEvent, type HttpResponse, type RouteEvent, type RouteRequest } from './http-types';
import type { HttpHandler, RouteDeps } from './http-route';
import type { Integrator } from './integrator';
import { apiKeyAuth } from './middleware/api-key';
import { idempotency } from './middleware/idempotency';
import { loggerContext } from './middleware/logger-context';
import { originVerify, PUBLIC_HOST_HEADER } from './middleware/origin-verify';
import { publicErrorHandler } from './middleware/public-errors';
import { publicInput } from './middleware/public-input';
import { validation } from './middleware/validation';
import { open311Response } from './open311-render';
import { publicOperationOf, type PublicOperation } from './public-operations';
import { publicStateOf, type Open311Format } from './public-state';
import type { TenantScopedContext } from './tenant-context';
import { runInTenantIfAny } from './tenant-scope';
import { publicRoutes, type PublicOperationId, type PublicRouteDef } from '../routes';
import { parseCountyApiKey } from '../services/integrations/api-key-county';

/** What a public route's handler gets: the verified key (API-key routes), the validated input, where the API is. */
export interface PublicInput<B = unknown, Q = unknown, P = unknown> {
  /** The caller's key; only API-key routes have one (reading it elsewhere is a 401). */
  readonly integrator: Integrator;
  readonly ctx: TenantScopedContext | undefined;
  params: P;
  query: Q;
  body: B;
  /** `https://api.example.gov.cn` — for documents that name their own URLs. */
  baseUrl: string;
  format: Open311Format;
}

export type PublicHandler = (input: PublicInput<never, never, never>) => Promise<unknown>;

/** Declares a handler with its input types (`z.infer` of the route's schemas); it returns the body. */
export function handlePublic<B = unknown, Q = unknown, P = unknown>(fn: (input: PublicInput<B, Q, P>) => Promise<unknown>): PublicHandler {
  return fn as PublicHandler;
}

export type PublicHandlers = Record<PublicOperationId, PublicHandler>;

/**
 * Where the API is served: `PUBLIC_API_BASE_URL` when the deployment sets it, else the request's
 * own host (API Gateway's domain, or the local gateway's host header).
 */
export function publicBaseUrl(event: HttpEvent, env: NodeJS.ProcessEnv = process.env): string {
  if (env.PUBLIC_API_BASE_URL) return env.PUBLIC_API_BASE_URL.replace(/\/+$/, '');
  // Behind CloudFront the Host is the origin's (execute-api); the edge puts the viewer's host in
  // x-beatlink-public-host (PublicApiEdgeStack), overwriting whatever the caller sent.
  const host = headerOf(event, PUBLIC_HOST_HEADER) ?? headerOf(event, 'host') ?? event.requestContext?.domainName ?? 'localhost';
  const proto = headerOf(event, 'x-forwarded-proto') ?? (/^(localhost|127\.|\[::1\])/.test(host) ? 'http' : 'https');
  return `${proto}://${host}`;
}

const kindOf = (route: PublicRouteDef): 'open311' | 'v1' => (route.open311 ? 'open311' : 'v1');

/**
 * Idempotency per API key: two systems of one county may use the same Idempotency-Key without
 * meeting each other's answers. The shared middleware is stateless apart from its name.
 */
function perKeyIdempotency(operationId: string, deps: RouteDeps): MiddlewareObj<RouteEvent, HttpResponse> {
  const forRequest = (request: RouteRequest) => idempotency(`${operationId}@${publicStateOf(request.event).integrator?.keyId ?? 'anonymous'}`, deps.idempotencyStore);
  return {
    name: 'idempotency',
    before: (request) => forRequest(request).before?.(request),
    after: (request) => forRequest(request).after?.(request),
    onError: (request) => forRequest(request).onError?.(request),
  };
}

function render(route: PublicRouteDef, operation: PublicOperation, format: Open311Format, result: unknown): HttpResponse {
  const status = route.successStatus ?? 200;
  if (route.open311 && operation.xml) return open311Response(status, result, format, operation.xml);
  return jsonResponse(status, result);
}

/**
 * The county an API-key route serves: the one the presented key's text names, known before the
 * key is read. Routes without a key (and malformed keys, refused unread) serve none.
 */
function countyOfRequest(route: PublicRouteDef, event: RouteEvent): string | undefined {
  return route.auth.kind === 'apiKey' ? parseCountyApiKey(publicStateOf(event).apiKey)?.tenantId : undefined;
}

/**
 * One public route's Lambda handler: error handler (Open311's or v1's) → logger context → origin
 * verification (came through CloudFront; 403 otherwise) → input
 * (format, body as JSON or form, key and jurisdiction taken off) → [the key's county scope] →
 * API key (county, scope, rate; jurisdiction) → zod validation → idempotency (POST, per key) →
 * the handler → Open311 JSON/XML or JSON. From the key lookup on, the request runs inside
 * `runInTenant(<the county the key's text names>)`: in AWS with that county's credentials only.
 */
export function publicRoute(route: PublicRouteDef, fn: PublicHandler, deps: RouteDeps, verifyOrigin: MiddlewareObj<RouteEvent, HttpResponse> = originVerify()): HttpHandler {
  const operation = publicOperationOf(route);
  const core = async (event: RouteEvent): Promise<HttpResponse> => {
    const state = stateOf(event);
    const pub = publicStateOf(event);
    const input: PublicInput = {
      get integrator(): Integrator {
        if (!pub.integrator) throw unauthenticated('缺少 API 密钥（api_key） / missing api_key');
        return pub.integrator;
      },
      ctx: state.tenantContext as TenantScopedContext | undefined,
      params: state.params,
      query: state.query,
      body: state.body,
      baseUrl: publicBaseUrl(event),
      format: pub.format,
    };
    const result = await (fn as (input: PublicInput) => Promise<unknown>)(input);
    return render(route, operation, pub.format, result);
  };
  const scoped = middy<RouteEvent, HttpResponse, Error, Context>(core).use(apiKeyAuth(route.auth)).use(validation(operation));
  if (route.method === 'POST') scoped.use(perKeyIdempotency(route.operationId, deps));
  const chain = middy<RouteEvent, HttpResponse, Error, Context>((event: RouteEvent, context: Context) =>
    runInTenantIfAny(countyOfRequest(route, event), () => scoped(event, context)),
  )
    .use(publicErrorHandler(kindOf(route)))
    .use(loggerContext(route.operationId));
  // Before anything reads the request: a keyed call that bypassed CloudFront (and its WAF) is refused
  // unread. The public documents (`auth: none`: discovery, the OpenAPI document) hold no county data
  // and stay readable at the API's own address too — the portal's API docs page reads them there.
  if (route.auth.kind !== 'none') chain.use(verifyOrigin);
  chain.use(publicInput(route));
  return chain as unknown as HttpHandler;
}

/** The public API's `@middy/http-router` handler, built from `publicRoutes`: every operation needs its handler. */
export function publicRouter(handlers: PublicHandlers, deps: RouteDeps): HttpHandler {
  const table = handlers as Record<string, PublicHandler | undefined>;
  // One instance for the function: the routes share the cached origin secret.
  const verifyOrigin = originVerify();
  const router = httpRouterHandler<HttpEvent, HttpResponse>({
    routes: (publicRoutes as readonly PublicRouteDef[]).map((route) => {
      const fn = table[route.operationId];
      if (!fn) throw new Error(`No handler for ${route.operationId}`);
      return { method: route.method, path: route.path, handler: publicRoute(route, fn, deps, verifyOrigin) };
    }),
    notFoundResponse: () => {
      throw new AppError('NOT_FOUND', '接口不存在 / no such route');
    },
  });
  return middy<HttpEvent, HttpResponse, Error, Context>(router).use(publicErrorHandler('v1')) as unknown as HttpHandler;
}
