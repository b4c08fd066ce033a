import { DEFAULT_TENANT_CONFIG, newRecordMeta, provinceOf, type InitialCredentials, type Page, type TenantCreateInput, type TenantRecord } from '@beatlink/shared';
import { getTenant as readTenant, listTenants as readTenants, createTenantOp, deleteTenantOp } from '../../data/tenants';
import { deleteConfigOp, putConfigOp } from '../../data/tenant-config';
import { runTransaction } from '../../data/repository';
import { claimUniqueOp, releaseUniqueOp, USERNAME_SCOPE, type UniqueValue } from '../../data/unique-values';
import { conflict, notFound } from '../../lib/app-error';
import { isoNow } from '../../lib/clock';
import { logger } from '../../lib/logger';
import type { TenantContext } from '../../lib/tenant-context';
import { defaultDeps, type ServiceDeps } from '../deps';
import { UsernameTakenError } from '../identity/identity-provider';

export interface OnboardingResult {
  tenant: TenantRecord;
  adminCredentials: InitialCredentials;
}

const tenantMissing = () => notFound('tenantId', '县局不存在 / tenant not found');

/**
 * Onboards a county: its registry record, its configuration (defaults with its time zone) and its
 * first administrator (活动办, group `program_office`) in one transaction, then the account. If
 * the account cannot be made, the records are taken back and the caller gets 503 (or 409).
 */
export async function onboardTenant(ctx: TenantContext, input: TenantCreateInput, deps: ServiceDeps = defaultDeps()): Promise<OnboardingResult> {
  const now = isoNow(deps.clock);
  const provinceId = provinceOf(input.tenantId);
  const tenant: TenantRecord = {
    tenantId: input.tenantId,
    provinceId,
    name: input.name,
    adminUsername: input.admin.username,
    ...newRecordMeta(now, ctx.username),
  };
  const config = {
    ...DEFAULT_TENANT_CONFIG,
    timeZone: input.timeZone ?? DEFAULT_TENANT_CONFIG.timeZone,
    tenantId: input.tenantId,
    version: 1,
    updatedAt: now,
    updatedBy: ctx.username,
  };
  const username: UniqueValue = {
    scope: USERNAME_SCOPE,
    value: input.admin.username,
    path: 'admin.username',
    message: '用户名已被使用 / username already taken',
    releaseOnDeactivate: false,
  };
  const owner = { kind: 'tenantAdmin', id: input.tenantId, tenantId: input.tenantId };
  if (await readTenant(input.tenantId)) throw conflict('tenantId', '该县局已开通 / this county is already onboarded');
  await runTransaction([
    createTenantOp(tenant),
    putConfigOp(config, undefined, conflict('tenantId', '该县局已开通 / this county is already onboarded')),
    claimUniqueOp(username, owner, now),
  ]);

  try {
    const adminCredentials = await deps.identity.createUser({
      username: input.admin.username,
      group: 'program_office',
      attributes: {
        name: input.admin.name,
        ...(input.admin.email ? { email: input.admin.email } : {}),
        'custom:tenantId': input.tenantId,
        'custom:provinceId': provinceId,
      },
    });
    return { tenant, adminCredentials };
  } catch (error) {
    try {
      await runTransaction([deleteTenantOp(input.tenantId), deleteConfigOp(input.tenantId), releaseUniqueOp(username, owner)]);
    } catch (undoError) {
      logger.error('onboarding compensation failed', { tenantId: input.tenantId, errorName: (undoError as Error).name });
    }
    if (error instanceof UsernameTakenError) throw conflict('admin.username', '用户名已被使用 / username already taken');
    throw error;
  }
}

export async function getTenant(_ctx: TenantContext, tenantId: string): Promise<TenantRecord> {
  const tenant = await readTenant(tenantId);
  if (!tenant) throw tenantMissing();
  return tenant;
}

export function listTenants(
  _ctx: TenantContext,
  query: { limit: number; cursor?: string; status: 'active' | 'inactive' | 'all' },
): Promise<Page<TenantRecord>> {
  return readTenants({ limit: query.limit, cursor: query.cursor }, query.status === 'all' ? undefined : { attr: 'status', eq: query.status });
}
