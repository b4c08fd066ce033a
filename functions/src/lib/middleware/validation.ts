import type { ErrorDetail } from '@beatlink/shared';
import type { MiddlewareObj } from '@middy/core';
import type { z } from 'zod';
import { validationFailed } from '../app-error';
import { issuesToDetails } from '../zod-issues';
import { stateOf, type HttpResponse, type RouteEvent, type RouteRequest } from '../http-types';
import type { RouteDef } from '../../routes';

type Part = 'params' | 'query' | 'body';

export interface ValidatedInput {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}

/** Validates path parameters, query string and body against the route's schemas, all at once. */
export function validateInput(
  route: Pick<RouteDef, 'params' | 'query' | 'body'>,
  raw: { params: unknown; query: unknown; body: unknown },
): ValidatedInput {
  const details: ErrorDetail[] = [];
  const out: ValidatedInput = { params: {}, query: {}, body: undefined };
  const check = (part: Part, schema: z.ZodType | undefined, value: unknown) => {
    if (!schema) return;
    const result = schema.safeParse(value);
    if (result.success) {
      if (part === 'body') out.body = result.data;
      else out[part] = result.data as Record<string, unknown>;
    } else {
      details.push(...issuesToDetails(result.error.issues));
    }
  };
  check('params', route.params, raw.params ?? {});
  check('query', route.query, raw.query ?? {});
  check('body', route.body, raw.body);
  if (details.length > 0) throw validationFailed(details);
  return out;
}

export function validation(route: Pick<RouteDef, 'params' | 'query' | 'body'>): MiddlewareObj<RouteEvent, HttpResponse> {
  return {
    name: 'validation',
    before: (request: RouteRequest) => {
      const { event } = request;
      const state = stateOf(event);
      const input = validateInput(route, {
        params: event.pathParameters ?? {},
        query: event.queryStringParameters ?? {},
        body: state.rawBody,
      });
      state.params = input.params;
      state.query = input.query;
      state.body = input.body;
    },
  };
}
