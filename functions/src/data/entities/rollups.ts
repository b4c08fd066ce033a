import { Entity } from 'dynamodb-toolbox/entity';
import { any } from 'dynamodb-toolbox/schema/any';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { ROLLUP_PERIOD_TYPES } from '@beatlink/shared';
import { table } from '../client';

/** The sort key suffix of a period's province row: `~` sorts after every county code. */
export const ROLLUP_TOTAL_ROW = '~total';

/** `P#<provinceId>#ROLLUP#<week|month>`: one partition per province and period type. */
export const rollupPartition = (provinceId: string, periodType: string): string => `P#${provinceId}#ROLLUP#${periodType}`;

/**
 * A row of the provincial rollup (省厅汇总), outside every county's partitions:
 * - `<period>#<countyId>`: one county's figures, index and rank (a CountyRollup);
 * - `<period>#~total`: the province's total, the county ids and when it was produced. It is
 *   written in the same transaction as the county rows and sorts last, so "the latest period
 *   stored" is the first item read in reverse, and a period exists exactly when its total does.
 * Periods of one type share one format (`2026-W47`, `2026-10`), so the sort key orders them.
 * Figures are stored as they are (`any`): built from the shared RollupFigures, counts only.
 */
export const RollupEntity = new Entity({
  name: 'rollup',
  table,
  timestamps: false,
  schema: item({
    provinceId: string().key(),
    periodType: string().enum(...ROLLUP_PERIOD_TYPES).key(),
    period: string().key(),
    /** The county code, or ROLLUP_TOTAL_ROW. */
    row: string().key(),
    countyName: string().optional(),
    figures: any(),
    index: number().optional(),
    rank: number().optional(),
    /** Province row only: the counties of the period, by code. */
    countyIds: any().optional(),
    generatedAt: string(),
  }),
  computeKey: ({ provinceId, periodType, period, row }) => ({ pk: rollupPartition(provinceId, periodType), sk: `${period}#${row}` }),
});
