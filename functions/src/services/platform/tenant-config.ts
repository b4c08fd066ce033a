import { tenantConfigSchema, type ConfigUpdateInput, type ErrorDetail, type TenantConfig, type TenantConfigRecord } from '@beatlink/shared';
import { getConfigRecord, putConfigOp } from '../../data/tenant-config';
import { runTransaction } from '../../data/repository';
import { notFound, validationFailed, versionConflict } from '../../lib/app-error';
import { isoNow } from '../../lib/clock';
import { requireTenant, type TenantContext } from '../../lib/tenant-context';
import { issuesToDetails } from '../../lib/zod-issues';
import { defaultDeps, type ServiceDeps } from '../deps';

const missing = () => notFound('', '县局配置不存在 / configuration not found');

export async function getConfig(ctxIn: TenantContext): Promise<TenantConfigRecord> {
  const { tenantId } = requireTenant(ctxIn);
  const config = await getConfigRecord(tenantId);
  if (!config) throw missing();
  return config;
}

/** The whole configuration after a partial update, checked as a whole (and min ≤ max). */
export function mergeConfig(current: TenantConfig, input: Omit<ConfigUpdateInput, 'version'>): TenantConfig {
  const merged = {
    timeZone: input.timeZone ?? current.timeZone,
    duty: { ...current.duty, ...input.duty },
    directory: { ...current.directory, ...input.directory },
    matters: input.matters ?? current.matters,
    analysis: { ...current.analysis, ...input.analysis },
    reminders: { ...current.reminders, ...input.reminders },
  };
  const result = tenantConfigSchema.safeParse(merged);
  const details: ErrorDetail[] = result.success ? [] : issuesToDetails(result.error.issues);
  if (merged.directory.minWorkstationsPerOffice > merged.directory.maxWorkstationsPerOffice) {
    details.push({ path: 'directory.minWorkstationsPerOffice', message: '最少警务工作站数不能大于最多数 / minimum exceeds maximum' });
  }
  if (merged.duty.contactOfficerWindowStart >= merged.duty.contactOfficerWindowEnd) {
    details.push({ path: 'duty.contactOfficerWindowEnd', message: '结束时间须晚于开始时间 / the window must end after it starts' });
  }
  if (details.length > 0 || !result.success) throw validationFailed(details);
  return result.data;
}

/** Versioned partial update of the county's configuration. */
export async function updateConfig(ctxIn: TenantContext, input: ConfigUpdateInput, deps: ServiceDeps = defaultDeps()): Promise<TenantConfigRecord> {
  const ctx = requireTenant(ctxIn);
  const current = await getConfigRecord(ctx.tenantId);
  if (!current) throw missing();
  if (current.version !== input.version) throw versionConflict();
  const { version: _version, ...patch } = input;
  const next: TenantConfigRecord = {
    ...mergeConfig(current, patch),
    tenantId: ctx.tenantId,
    version: current.version + 1,
    updatedAt: isoNow(deps.clock),
    updatedBy: ctx.username,
  };
  await runTransaction([putConfigOp(next, current.version, versionConflict())]);
  return next;
}
