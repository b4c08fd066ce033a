import { DEFAULT_TENANT_CONFIG, type TenantConfig } from '@beatlink/shared';
import { getConfigRecord } from '../../data/tenant-config';
import type { TenantScopedContext } from '../../lib/tenant-context';

export type DirectoryRules = TenantConfig['directory'];

/** The county's directory rules; a county without a stored configuration gets the defaults. */
export async function directoryRules(ctx: TenantScopedContext): Promise<DirectoryRules> {
  const config = await getConfigRecord(ctx.tenantId);
  return config?.directory ?? DEFAULT_TENANT_CONFIG.directory;
}
