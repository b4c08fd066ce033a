import { DEFAULT_MATTER_CONFIG, DEFAULT_TENANT_CONFIG, type TenantConfigRecord } from '@beatlink/shared';
import { conflict } from '../lib/app-error';
import { TenantConfigEntity } from './entities/platform';
import { deleteOp, getItem, putOp, type TxOp } from './repository';

/** A county's configuration record (`T#<t>#CONFIG`). */

export async function getConfigRecord(tenantId: string): Promise<TenantConfigRecord | undefined> {
  const record = await getItem<TenantConfigRecord>(TenantConfigEntity, { tenantId });
  // Counties onboarded before a rule existed get its default until they edit it.
  return (
    record && {
      ...record,
      duty: { ...DEFAULT_TENANT_CONFIG.duty, ...record.duty },
      matters: record.matters ?? DEFAULT_MATTER_CONFIG,
      analysis: { ...DEFAULT_TENANT_CONFIG.analysis, ...record.analysis },
      reminders: { ...DEFAULT_TENANT_CONFIG.reminders, ...record.reminders },
    }
  );
}

/**
 * Writes the whole configuration: a first write requires that none exists, a later one that the
 * stored version is the one the change was based on.
 */
export function putConfigOp(record: TenantConfigRecord, previousVersion: number | undefined, onConditionFailed: TxOp['onConditionFailed']): TxOp {
  const condition = previousVersion === undefined ? { attr: 'tenantId', exists: false } : { attr: 'version', eq: previousVersion };
  return putOp(TenantConfigEntity, { ...record }, condition, onConditionFailed);
}

export function deleteConfigOp(tenantId: string): TxOp {
  return deleteOp(TenantConfigEntity, { tenantId }, { attr: 'version', eq: 1 }, conflict('tenantId', '配置已变化 / the configuration changed'));
}
