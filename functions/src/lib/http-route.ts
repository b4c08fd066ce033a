import middy, { type MiddyfiedHandler } from '@middy/core';
import httpRouterHandler from '@middy/http-router';
import type { Context } from 'aws-lambda';
import { AppError, forbidden } from './app-error';
import { fileResponse, jsonResponse, stateOf, type FileBody, type HttpEvent, type HttpResponse, type RouteEvent } from './http-types';
import type { IdempotencyStore } from './idempotency';
import { auth } from './middleware/auth';
import { errorHandler } from './middleware/error-handler';
import { idempotency } from './middleware/idempotency';
import { jsonBody } from './middleware/json-body';
import { loggerContext } from './middleware/logger-context';
import { validation } from './middleware/validation';
import type { TenantContext } from './tenant-context';
import { runInTenantIfAny } from './tenant-scope';
import { defaultDeps } from '../services/deps';
import { displayNameOf } from '../services/identity/display-name';
import { routesOf, type BoundedContext, type OperationId, type RouteDef } from '../routes';

/** What a route handler gets: the caller and the validated input (types from the route's schemas). */
export interface RouteInput<B = unknown, Q = unknown, P = unknown> {
  ctx: TenantContext;
  params: P;
  query: Q;
  body: B;
}

export type RouteHandler = (input: RouteInput<never, never, never>) => Promise<unknown>;

/**
 * Declares a handler with the input types its route's schemas produce (`z.infer` of the same
 * schemas routes.ts names). The handler returns the response body; the status is the route's.
 */
export function handle<B = unknown, Q = unknown, P = unknown>(fn: (input: RouteInput<B, Q, P>) => Promise<unknown>): RouteHandler {
  return fn as RouteHandler;
}

/**
 * The caller with his display name: Cognito puts `name` in the ID token, cognito-local does not,
 * and what he writes (collected by, verified by, history, audit) must name him, not his username.
 */
async function withDisplayName(ctx: TenantContext): Promise<TenantContext> {
  if (ctx.name && ctx.name !== ctx.username) return ctx;
  try {
    return { ...ctx, name: await displayNameOf(ctx, defaultDeps().identity) };
  } catch {
    return ctx;
  }
}

export interface RouteDeps {
  idempotencyStore: IdempotencyStore;
}

export type HttpHandler = MiddyfiedHandler<HttpEvent, HttpResponse, Error, Context>;

/**
 * One route's Lambda handler: error handler → logger context → auth (TenantContext, permission)
 * → [the caller's county scope] → JSON body → zod validation → idempotency (POST) → the handler.
 * Everything after auth runs in two stages: a caller of a county runs it inside
 * `runInTenant(county)` (in AWS: that county's tenant-scoped credentials, idempotency records
 * included); a caller of no county (platform, province) outside any scope.
 */
export function httpRoute(route: RouteDef, fn: RouteHandler, deps: RouteDeps): HttpHandler {
  const core = async (event: RouteEvent): Promise<HttpResponse> => {
    const state = stateOf(event);
    if (!state.tenantContext) throw forbidden();
    const result = await (fn as (input: RouteInput) => Promise<unknown>)({
      ctx: await withDisplayName(state.tenantContext),
      params: state.params,
      query: state.query,
      body: state.body,
    });
    const status = route.successStatus ?? 200;
    return route.file ? fileResponse(status, result as FileBody) : jsonResponse(status, result);
  };
  const scoped = middy<RouteEvent, HttpResponse, Error, Context>(core).use(jsonBody()).use(validation(route));
  if (route.method === 'POST') scoped.use(idempotency(route.operationId, deps.idempotencyStore, route.secretFields));
  const chain = middy<RouteEvent, HttpResponse, Error, Context>((event: RouteEvent, context: Context) =>
    runInTenantIfAny(stateOf(event).tenantContext?.tenantId, () => scoped(event, context)),
  )
    .use(errorHandler())
    .use(loggerContext(route.operationId))
    .use(auth(route));
  return chain as unknown as HttpHandler;
}

/** Every operation of a context must have its handler: a missing key is a type error. */
export type ContextHandlers<C extends BoundedContext> = Record<OperationId<C>, RouteHandler>;

/** The `@middy/http-router` handler of one bounded context, built from the route table. */
export function contextRouter<C extends BoundedContext>(context: C, handlers: ContextHandlers<C>, deps: RouteDeps): HttpHandler {
  const table = handlers as Record<string, RouteHandler | undefined>;
  const router = httpRouterHandler<HttpEvent, HttpResponse>({
    routes: routesOf(context).map((route) => {
      const fn = table[route.operationId];
      if (!fn) throw new Error(`No handler for ${route.operationId}`);
      return { method: route.method, path: route.path, handler: httpRoute(route, fn, deps) };
    }),
    notFoundResponse: () => {
      throw new AppError('NOT_FOUND', '接口不存在 / no such route');
    },
  });
  return middy<HttpEvent, HttpResponse, Error, Context>(router).use(errorHandler()) as unknown as HttpHandler;
}
