import type { Page, SensitivePeriod, SensitivePeriodStatus } from '@beatlink/shared';
import { versionConflict } from '../lib/app-error';
import { tenantPartition } from './entities/common';
import { SensitivePeriodEntity } from './entities/analysis';
import { getItem, putOp, queryAll, queryPage, withoutIndexKeys, type PageRequest, type TxOp } from './repository';

/** Sensitive periods (`T#<t>#SENSITIVE_PERIOD`, see entities/analysis.ts). */
export type StoredSensitivePeriod = SensitivePeriod & { cancelReason?: string };

const base = (tenantId: string) => tenantPartition(tenantId, 'SENSITIVE_PERIOD');
export const periodsByEndPartition = (tenantId: string) => `${base(tenantId)}#BY#END`;

export async function getSensitivePeriodRecord(tenantId: string, id: string): Promise<StoredSensitivePeriod | undefined> {
  const item = await getItem<Record<string, unknown>>(SensitivePeriodEntity, { tenantId, id });
  return item ? withoutIndexKeys<StoredSensitivePeriod>(item) : undefined;
}

/** A new period must not exist; a change must find the version it was based on. */
export function putSensitivePeriodOp(period: StoredSensitivePeriod, previousVersion: number | undefined): TxOp {
  const condition = previousVersion === undefined ? { attr: 'id', exists: false } : { attr: 'version', eq: previousVersion };
  return putOp(SensitivePeriodEntity, { ...period, gsi1pk: periodsByEndPartition(period.tenantId), gsi1sk: `${period.endDate}#${period.id}` }, condition, versionConflict());
}

const withStatus = (status: SensitivePeriodStatus | undefined) => (status ? { filter: { attr: 'status', eq: status } } : {});

/** One page of the county's periods (of one status, or all), newest declared first. */
export function querySensitivePeriods(tenantId: string, status: SensitivePeriodStatus | undefined, page: PageRequest): Promise<Page<StoredSensitivePeriod>> {
  return queryPage<StoredSensitivePeriod>(SensitivePeriodEntity, { partition: base(tenantId), reverse: true, ...withStatus(status) }, page);
}

/** One page of the periods ending on or after `date` (of one status, or all), latest end first. */
export function querySensitivePeriodsEndingFrom(tenantId: string, date: string, status: SensitivePeriodStatus | undefined, page: PageRequest): Promise<Page<StoredSensitivePeriod>> {
  return queryPage<StoredSensitivePeriod>(
    SensitivePeriodEntity,
    { partition: base(tenantId), index: { name: 'gsi1', partition: periodsByEndPartition(tenantId) }, range: { gte: date }, reverse: true, ...withStatus(status) },
    page,
  );
}

/** Every period ending on or after `date` (the current and coming ones: a handful). */
export function sensitivePeriodsEndingFrom(tenantId: string, date: string): Promise<StoredSensitivePeriod[]> {
  return queryAll<StoredSensitivePeriod>(SensitivePeriodEntity, { partition: base(tenantId), index: { name: 'gsi1', partition: periodsByEndPartition(tenantId) }, range: { gte: date } });
}
