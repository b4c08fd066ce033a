import type { SpotCheck } from '@beatlink/shared';
import { tenantPartition } from './entities/common';
import { SpotCheckEntity } from './entities/spot-checks';
import { getItem, putOp, queryAll, queryPage, withoutIndexKeys, type TxOp } from './repository';

/** Spot checks of contact officers (月抽查): `T#<t>#SPOT_CHECK` / `spc_<month>_<officerId>` (entities/spot-checks.ts). */

const partition = (tenantId: string) => tenantPartition(tenantId, 'SPOT_CHECK');

export async function getSpotCheckRecord(tenantId: string, id: string): Promise<SpotCheck | undefined> {
  const item = await getItem<Record<string, unknown>>(SpotCheckEntity, { tenantId, id });
  return item ? withoutIndexKeys<SpotCheck>(item) : undefined;
}

/** Every check of a month (one per contact officer drawn): the `spc_<month>_` range of the partition. */
export function spotChecksOfMonth(tenantId: string, month: string): Promise<SpotCheck[]> {
  return queryAll<SpotCheck>(SpotCheckEntity, { partition: partition(tenantId), range: { beginsWith: `spc_${month}_` } });
}

/** The latest month that has checks (ids sort by month), if any. */
export async function latestSpotCheckMonth(tenantId: string): Promise<string | undefined> {
  const page = await queryPage<SpotCheck>(SpotCheckEntity, { partition: partition(tenantId), range: { beginsWith: 'spc_' }, reverse: true }, { limit: 1 });
  return page.items[0]?.month;
}

/** A first write: fails (with `onConditionFailed`) when the officer's check of that month exists. */
export function putNewSpotCheckOp(check: SpotCheck, onConditionFailed: TxOp['onConditionFailed']): TxOp {
  return putOp(SpotCheckEntity, { ...check }, { attr: 'id', exists: false }, onConditionFailed);
}

/** A change (a result recorded): must find the version it was based on. */
export function putSpotCheckChangeOp(check: SpotCheck, previousVersion: number, onConditionFailed: TxOp['onConditionFailed']): TxOp {
  return putOp(SpotCheckEntity, { ...check }, { attr: 'version', eq: previousVersion }, onConditionFailed);
}
