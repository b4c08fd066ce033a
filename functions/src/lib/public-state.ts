import type { RouteEvent } from './http-types';
import type { Integrator } from './integrator';

export type Open311Format = 'json' | 'xml';

/** What the public API's middlewares learn about a request (beside the shared RouteState). */
export interface PublicState {
  /** Open311 answers and errors: from the path, or the item parameter's suffix. */
  format: Open311Format;
  /** The API key as presented (header, bearer, `api_key`); never logged. */
  apiKey?: string;
  /** Open311's `jurisdiction_id`, when sent. */
  jurisdictionId?: string;
  /** The verified caller of an `apiKey` route. */
  integrator?: Integrator;
}

export type PublicRouteEvent = RouteEvent & { beatlinkPublic?: PublicState };

export function publicStateOf(event: RouteEvent): PublicState {
  const e = event as PublicRouteEvent;
  e.beatlinkPublic ??= { format: 'json' };
  return e.beatlinkPublic;
}
