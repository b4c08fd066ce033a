import type { CheckInInput, CheckOutInput, VisitListQuery } from '@beatlink/shared';
import { dynamoIdempotencyStore } from '../../data/idempotency-store';
import { contextRouter, handle } from '../../lib/http-route';
import { checkIn, checkOut, getVisit, listVisits } from '../../services/duty/visits';

type ById = { id: string };

/** The duty context: officers' visits to their villages (警力下沉). */
export const handler = contextRouter(
  'duty',
  {
    checkIn: handle<CheckInInput>(({ ctx, body }) => checkIn(ctx, body)),
    checkOut: handle<CheckOutInput, unknown, ById>(({ ctx, params, body }) => checkOut(ctx, params.id, body)),
    listVisits: handle<unknown, VisitListQuery>(({ ctx, query }) => listVisits(ctx, query)),
    getVisit: handle<unknown, unknown, ById>(({ ctx, params }) => getVisit(ctx, params.id)),
  },
  { idempotencyStore: dynamoIdempotencyStore() },
);
