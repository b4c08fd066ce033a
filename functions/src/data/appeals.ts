import type { Appeal, AppealStatus, IndicatorId, Page } from '@beatlink/shared';
import { tenantPartition } from './entities/common';
import { AppealEntity, OpenAppealGuardEntity } from './entities/assessment';
import { deleteOp, getItem, putOp, queryPage, withoutIndexKeys, type PageRequest, type TxOp } from './repository';

/** Appeals (申诉) against a score item, and the guard of one open appeal per item (entities/assessment.ts). */

const base = (tenantId: string) => tenantPartition(tenantId, 'APPEAL');
export const officerAppealsPartition = (tenantId: string, officerId: string) => `${base(tenantId)}#BY#OFFICER#${officerId}`;
export const statusAppealsPartition = (tenantId: string, status: AppealStatus) => `${base(tenantId)}#BY#STATUS#${status}`;

function toItem(appeal: Appeal): Record<string, unknown> {
  return {
    ...appeal,
    gsi1pk: officerAppealsPartition(appeal.tenantId, appeal.officerId),
    gsi1sk: appeal.id,
    gsi2pk: statusAppealsPartition(appeal.tenantId, appeal.status),
    gsi2sk: appeal.id,
  };
}

export async function getAppealRecord(tenantId: string, id: string): Promise<Appeal | undefined> {
  const item = await getItem<Record<string, unknown>>(AppealEntity, { tenantId, id });
  return item ? withoutIndexKeys<Appeal>(item) : undefined;
}

export function putNewAppealOp(appeal: Appeal, onConditionFailed: TxOp['onConditionFailed']): TxOp {
  return putOp(AppealEntity, toItem(appeal), { attr: 'id', exists: false }, onConditionFailed);
}

export function putAppealChangeOp(appeal: Appeal, previousVersion: number, onConditionFailed: TxOp['onConditionFailed']): TxOp {
  return putOp(AppealEntity, toItem(appeal), { attr: 'version', eq: previousVersion }, onConditionFailed);
}

type GuardKey = { tenantId: string; officerId: string; period: string; indicator: IndicatorId };

/** Fails when the officer already has an open appeal on that item of that period. */
export function putOpenAppealGuardOp(key: GuardKey, appealId: string, onConditionFailed: TxOp['onConditionFailed']): TxOp {
  return putOp(OpenAppealGuardEntity, { ...key, appealId }, { attr: 'appealId', exists: false }, onConditionFailed);
}

/** Frees the item for a new appeal once this one is decided. */
export function deleteOpenAppealGuardOp(key: GuardKey, appealId: string, onConditionFailed: TxOp['onConditionFailed']): TxOp {
  return deleteOp(OpenAppealGuardEntity, key, { attr: 'appealId', eq: appealId }, onConditionFailed);
}

/** One page of appeals, newest first: an officer's, one status's, or the county's. */
export function queryAppeals(tenantId: string, by: { officerId?: string; status?: AppealStatus }, page: PageRequest, filter?: { period?: string; status?: AppealStatus }): Promise<Page<Appeal>> {
  const conditions = [
    ...(filter?.period ? [{ attr: 'period', eq: filter.period }] : []),
    ...(filter?.status ? [{ attr: 'status', eq: filter.status }] : []),
  ];
  const index = by.officerId
    ? { name: 'gsi1' as const, partition: officerAppealsPartition(tenantId, by.officerId) }
    : by.status
      ? { name: 'gsi2' as const, partition: statusAppealsPartition(tenantId, by.status) }
      : undefined;
  return queryPage<Appeal>(
    AppealEntity,
    {
      partition: base(tenantId),
      ...(index ? { index } : { range: { beginsWith: 'apl_' } }),
      reverse: true,
      ...(conditions.length === 1 ? { filter: conditions[0]! } : conditions.length > 1 ? { filter: { and: conditions } } : {}),
    },
    page,
  );
}
