import { Entity } from 'dynamodb-toolbox/entity';
import { any } from 'dynamodb-toolbox/schema/any';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { table } from '../client';
import { tenantPartition } from './common';

/**
 * A spot check (月抽查) of one contact officer for one month: `T#<t>#SPOT_CHECK` /
 * `spc_<month>_<officerId>`. The id is stable per officer and month, so a draw that runs twice
 * finds the first one's check, and a month's checks are one begins_with range of the partition
 * (a month has at most one check per contact officer, so it stays small). The sample and the
 * candidate counts are stored as built (`any`) from the shared types.
 */
export const SpotCheckEntity = new Entity({
  name: 'spotCheck',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    id: string().key(),
    month: string(),
    officerId: string(),
    officerName: string(),
    workstationId: string().optional(),
    seed: string(),
    candidates: any(),
    items: any(),
    status: string().enum('open', 'done'),
    passed: number(),
    failed: number(),
    unreachable: number(),
    drawnAt: string(),
    version: number(),
    updatedAt: string(),
    updatedBy: string(),
  }),
  computeKey: ({ tenantId, id }) => ({ pk: tenantPartition(tenantId, 'SPOT_CHECK'), sk: id }),
});
