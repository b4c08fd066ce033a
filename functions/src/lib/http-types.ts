import type { Request } from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { TenantContext } from './tenant-context';
import { contentDisposition } from '../services/attachments/content-disposition';

/** What the middlewares learn about a request, carried on the event for the next ones. */
export interface RouteState {
  tenantContext?: TenantContext;
  /** The JSON body as sent (before validation), used for idempotency fingerprints. */
  rawBody?: unknown;
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  /** Set when this request holds an idempotency key (see middleware/idempotency.ts). */
  idempotency?: { scope: string; key: string; hash: string };
}

/** An API Gateway HTTP API v2 event (JWT authorizer), as Lambda and the local gateway send it. */
export type HttpEvent = Omit<APIGatewayProxyEventV2WithJWTAuthorizer, 'requestContext'> & {
  requestContext: Omit<APIGatewayProxyEventV2WithJWTAuthorizer['requestContext'], 'authorizer'> & {
    authorizer?: Partial<APIGatewayProxyEventV2WithJWTAuthorizer['requestContext']['authorizer']>;
  };
};

export type RouteEvent = HttpEvent & { beatlink?: RouteState };

export type HttpResponse = APIGatewayProxyStructuredResultV2 & { statusCode: number; headers: Record<string, string>; body: string };

export type RouteRequest = Request<RouteEvent, HttpResponse, Error, Context>;

export const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' } as const;

export function jsonResponse(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { statusCode, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

/** What a `file: true` route's handler returns: the bytes, their type and the name to save them as. */
export interface FileBody {
  contentType: string;
  fileName: string;
  data: Buffer;
}

/** A file as an HTTP API response: base64 with `isBase64Encoded` (API Gateway and the local gateway decode it). */
export function fileResponse(statusCode: number, file: FileBody): HttpResponse {
  return {
    statusCode,
    headers: { 'content-type': file.contentType, 'content-disposition': contentDisposition(file.fileName), 'cache-control': 'no-store' },
    body: file.data.toString('base64'),
    isBase64Encoded: true,
  };
}

/** The route state, created on first use. */
export function stateOf(event: RouteEvent): RouteState {
  event.beatlink ??= { params: {}, query: {}, body: undefined };
  return event.beatlink;
}

export function headerOf(event: HttpEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}
