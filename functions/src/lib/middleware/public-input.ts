import type { MiddlewareObj } from '@middy/core';
import { invalidField } from '../app-error';
import { isFormContentType, parseFormBody } from '../form-body';
import { headerOf, stateOf, type HttpResponse, type RouteEvent, type RouteRequest } from '../http-types';
import { publicStateOf, type Open311Format } from '../public-state';
import type { PublicRouteDef } from '../../routes';
import { parseJsonBody } from './json-body';

/** Fields that carry the credentials and the jurisdiction, not the request: taken off before validation. */
const CONTROL_FIELDS = ['api_key', 'jurisdiction_id'] as const;

const FORMATS: readonly Open311Format[] = ['json', 'xml'];

/** The `{name}` of an Open311 item route (`/open311/v2/requests/{service_request_id}`). */
function itemParameterOf(path: string): string | undefined {
  return /\{([^}]+)\}$/.exec(path)?.[1];
}

/**
 * An Open311 item's format from its parameter's suffix (`sanitation.json`): the parameter keeps
 * the bare value. A missing or unknown suffix is a 400 naming the parameter.
 */
export function splitFormatSuffix(value: string | undefined, name: string): { value: string; format: Open311Format } {
  const dot = (value ?? '').lastIndexOf('.');
  const format = dot > 0 ? value!.slice(dot + 1).toLowerCase() : '';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw invalidField(name, '须以 .json 或 .xml 结尾 / must end in .json or .xml');
  }
  return { value: value!.slice(0, dot), format: format as Open311Format };
}

/** The API key as presented: `X-Api-Key`, `Authorization: Bearer`, or `api_key` in the query or body. */
export function presentedApiKey(event: RouteEvent, body: unknown): string | undefined {
  const header = headerOf(event, 'x-api-key');
  if (header?.trim()) return header.trim();
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headerOf(event, 'authorization') ?? '');
  if (bearer) return bearer[1];
  const fromQuery = event.queryStringParameters?.api_key;
  if (fromQuery) return fromQuery;
  const fromBody = isRecord(body) ? body.api_key : undefined;
  return typeof fromBody === 'string' ? fromBody : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutControlFields<T>(value: T): T {
  if (!isRecord(value)) return value;
  const copy: Record<string, unknown> = { ...value };
  for (const field of CONTROL_FIELDS) delete copy[field];
  return copy as T;
}

/**
 * The public routes' input: the Open311 format (path or suffix), the body (JSON, or a form for
 * any POST that says so), the credentials and the jurisdiction — which are then removed from the
 * query and the body, so that validation and the idempotency fingerprint see only the request.
 */
export function publicInput(route: PublicRouteDef): MiddlewareObj<RouteEvent, HttpResponse> {
  const item = route.open311 && !route.open311.format ? itemParameterOf(route.path) : undefined;
  return {
    name: 'publicInput',
    before: (request: RouteRequest) => {
      const { event } = request;
      const pub = publicStateOf(event);
      if (route.open311?.format) pub.format = route.open311.format;
      if (item) {
        const split = splitFormatSuffix(event.pathParameters?.[item], item);
        pub.format = split.format;
        event.pathParameters = { ...event.pathParameters, [item]: split.value };
      }
      const body = isFormContentType(headerOf(event, 'content-type')) ? parseFormBody(event.body, event.isBase64Encoded) : parseJsonBody(event.body, event.isBase64Encoded);
      pub.apiKey = presentedApiKey(event, body);
      const jurisdiction = event.queryStringParameters?.jurisdiction_id ?? (isRecord(body) ? body.jurisdiction_id : undefined);
      if (typeof jurisdiction === 'string' && jurisdiction !== '') pub.jurisdictionId = jurisdiction;
      if (event.queryStringParameters) event.queryStringParameters = withoutControlFields(event.queryStringParameters);
      stateOf(event).rawBody = withoutControlFields(body);
    },
  };
}
