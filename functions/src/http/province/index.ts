import type { RollupQuery, RollupTrendQuery } from '@beatlink/shared';
import { dynamoIdempotencyStore } from '../../data/idempotency-store';
import { contextRouter, handle } from '../../lib/http-route';
import { getProvinceRollup, getProvinceTrend } from '../../services/province/rollup-access';
import { exportProvinceRollup } from '../../services/province/rollup-export';

/**
 * The province context: the provincial bureau's rollups (省厅汇总) — aggregates of its counties,
 * read-only. GETs only, but the router's deps require an idempotency store (used for POSTs).
 */
export const handler = contextRouter(
  'province',
  {
    getProvinceRollup: handle<unknown, RollupQuery>(({ ctx, query }) => getProvinceRollup(ctx, query)),
    getProvinceTrend: handle<unknown, RollupTrendQuery>(({ ctx, query }) => getProvinceTrend(ctx, query)),
    exportProvinceRollup: handle<unknown, RollupQuery>(({ ctx, query }) => exportProvinceRollup(ctx, query)),
  },
  { idempotencyStore: dynamoIdempotencyStore() },
);
