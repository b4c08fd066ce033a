import type { z } from 'zod';
import { publicRoutes, type PublicRouteDef } from '../routes';

/**
 * A public route's schemas as the router validates with them and the OpenAPI document describes
 * them — read from the route table, the one source.
 */
export interface PublicOperation {
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response?: z.ZodType;
  /** Open311: the XML root element, and the element of each item when the answer is a list. */
  xml?: { root: string; item?: string };
}

/** Nested lists of the Open311 answers and the element of their items. */
export const OPEN311_XML_ITEMS: Readonly<Record<string, string>> = {
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
};

/** The route's schemas and, for Open311, its XML element names — all from routes.ts. */
export function publicOperationOf(route: PublicRouteDef): PublicOperation {
  return {
    ...(route.params ? { params: route.params } : {}),
    ...(route.query ? { query: route.query } : {}),
    ...(route.body ? { body: route.body } : {}),
    ...(route.response ? { response: route.response } : {}),
    ...(route.open311 ? { xml: route.open311.xml } : {}),
  };
}

/** Every public route with its operation (in the table's order). */
export function publicOperations(): Array<{ route: PublicRouteDef; operation: PublicOperation }> {
  return (publicRoutes as readonly PublicRouteDef[]).map((route) => ({ route, operation: publicOperationOf(route) }));
}
