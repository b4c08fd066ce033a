import type { MiddlewareObj } from '@middy/core';
import { invalidField } from '../app-error';
import { stateOf, type HttpResponse, type RouteEvent, type RouteRequest } from '../http-types';

/** Largest body accepted (bytes, after base64 decoding). Schemas cap every string well below. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Decodes and parses a JSON body; an empty body is `undefined` (the schema then says what is missing). */
export function parseJsonBody(body: string | undefined, isBase64Encoded = false): unknown {
  if (body === undefined || body === null || body === '') return undefined;
  const raw = isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
  if (raw.byteLength > MAX_BODY_BYTES) {
    throw invalidField('', `请求体过大（上限 ${MAX_BODY_BYTES / 1024} KB） / body larger than ${MAX_BODY_BYTES / 1024} KB`);
  }
  const text = raw.toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalidField('', '请求体不是有效的 JSON / body is not valid JSON');
  }
}

export function jsonBody(): MiddlewareObj<RouteEvent, HttpResponse> {
  return {
    name: 'jsonBody',
    before: (request: RouteRequest) => {
      const { event } = request;
      stateOf(event).rawBody = parseJsonBody(event.body, event.isBase64Encoded);
    },
  };
}
