import { emptyResources, type ResourcesUpdateInput, type VillageResources } from '@beatlink/shared/registry/households';
import { getResourcesRecord, putResourcesOp, type StoredResources } from '../../data/registry';
import { runTransaction } from '../../data/repository';
import { versionConflict } from '../../lib/app-error';
import { isoNow } from '../../lib/clock';
import { requireTenant, type TenantContext } from '../../lib/tenant-context';
import { defaultDeps, type ServiceDeps } from '../deps';
import { loadVillage } from './reach';

/**
 * 群防群治 / 物防 of a village: one versioned record. A village without one answers an empty
 * record with version 0, and the first PUT (version 0) creates it.
 */
const toView = ({ tenantId: _t, ...resources }: StoredResources): VillageResources => resources;

export async function getVillageResources(ctxIn: TenantContext, villageId: string): Promise<VillageResources> {
  const ctx = requireTenant(ctxIn);
  await loadVillage(ctx, villageId, { path: 'id', outsideReach: 'hide' });
  const record = await getResourcesRecord(ctx.tenantId, villageId);
  return record ? toView(record) : emptyResources(villageId);
}

export async function updateVillageResources(ctxIn: TenantContext, villageId: string, input: ResourcesUpdateInput, deps: ServiceDeps = defaultDeps()): Promise<VillageResources> {
  const ctx = requireTenant(ctxIn);
  await loadVillage(ctx, villageId, { path: 'id', outsideReach: 'hide' });
  const current = await getResourcesRecord(ctx.tenantId, villageId);
  if ((current?.version ?? 0) !== input.version) throw versionConflict();
  const now = isoNow(deps.clock);
  const { version: _v, note, ...counts } = input;
  const next: StoredResources = {
    tenantId: ctx.tenantId,
    villageId,
    ...counts,
    ...(note ? { note } : {}),
    version: input.version + 1,
    createdAt: current?.createdAt ?? now,
    createdBy: current?.createdBy ?? ctx.username,
    updatedAt: now,
    updatedBy: ctx.username,
  };
  await runTransaction([putResourcesOp(next, current?.version)]);
  return toView(next);
}
