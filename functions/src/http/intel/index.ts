import type { IntelCreateInput, IntelHistoryQuery, IntelListQuery, IntelLookupInput, IntelRevealInput, IntelUpdateInput, IntelVerifyInput } from '@beatlink/shared';
import { dynamoIdempotencyStore } from '../../data/idempotency-store';
import { contextRouter, handle } from '../../lib/http-route';
import { createIntelRecord, getIntelRecordDetail, listIntelHistory, listIntelRecords, lookupIntelRecords, updateIntelRecord, verifyIntelRecord } from '../../services/intel/records';
import { revealIntelField } from '../../services/intel/reveal';

type ById = { id: string };

/** The intel context: the information store (信息采集, 公安非标库). */
export const handler = contextRouter(
  'intel',
  {
    createIntelRecord: handle<IntelCreateInput>(({ ctx, body }) => createIntelRecord(ctx, body)),
    listIntelRecords: handle<unknown, IntelListQuery>(({ ctx, query }) => listIntelRecords(ctx, query)),
    getIntelRecord: handle<unknown, unknown, ById>(({ ctx, params }) => getIntelRecordDetail(ctx, params.id)),
    updateIntelRecord: handle<IntelUpdateInput, unknown, ById>(({ ctx, params, body }) => updateIntelRecord(ctx, params.id, body)),
    listIntelHistory: handle<unknown, IntelHistoryQuery, ById>(({ ctx, params, query }) => listIntelHistory(ctx, params.id, query)),
    verifyIntelRecord: handle<IntelVerifyInput, unknown, ById>(({ ctx, params, body }) => verifyIntelRecord(ctx, params.id, body)),
    revealIntelField: handle<IntelRevealInput, unknown, ById>(({ ctx, params, body }) => revealIntelField(ctx, params.id, body)),
    lookupIntelRecords: handle<IntelLookupInput>(({ ctx, body }) => lookupIntelRecords(ctx, body)),
  },
  { idempotencyStore: dynamoIdempotencyStore() },
);
