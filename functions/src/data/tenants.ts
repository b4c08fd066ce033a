import type { Page, TenantRecord } from '@beatlink/shared';
import { conflict } from '../lib/app-error';
import type { Condition } from './conditions';
import { provinceTenantsPartition, TENANT_PARTITION, TenantEntity } from './entities/platform';
import { deleteOp, getItem, putOp, queryPage, withoutIndexKeys, type PageRequest, type TxOp } from './repository';

/** The tenant registry (`PLATFORM#TENANT`), also listed per province through gsi1. */

export async function getTenant(tenantId: string): Promise<TenantRecord | undefined> {
  const item = await getItem<Record<string, unknown>>(TenantEntity, { tenantId });
  return item ? withoutIndexKeys<TenantRecord>(item) : undefined;
}

export function listTenants(page: PageRequest, filter?: Condition): Promise<Page<TenantRecord>> {
  return queryPage<TenantRecord>(TenantEntity, { partition: TENANT_PARTITION, filter }, page);
}

export function createTenantOp(tenant: TenantRecord): TxOp {
  return putOp(
    TenantEntity,
    { ...tenant, gsi1pk: provinceTenantsPartition(tenant.provinceId), gsi1sk: tenant.tenantId },
    { attr: 'tenantId', exists: false },
    conflict('tenantId', '该县局已开通 / this county is already onboarded'),
  );
}

/** Undoes an onboarding whose identity step failed. */
export function deleteTenantOp(tenantId: string): TxOp {
  return deleteOp(TenantEntity, { tenantId }, { attr: 'version', eq: 1 }, conflict('tenantId', '县局记录已变化 / the tenant changed'));
}
