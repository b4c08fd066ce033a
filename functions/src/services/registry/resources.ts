import { emptyResources, type ResourcesUpdateInput, type VillageResources } from '@beatlink/shared/registry/households';
import { getResourcesRecord, putResourcesOp, type StoredResources } from '../../data/registry';
import { versionConflict } from '../../lib/app-error';
import { isoNow } from '../../lib/clock';
import { requireTenant, type TenantContext } from '../../lib/tenant-context';
import { auditActor, changedFieldNames, type AuditEntryInput } from '../audit/audit-log';
import { defaultDeps } from '../deps';
import { commitOf, META_FIELDS, type RegistryDeps } from './households';
import { loadVillageInReach } from '../directory/village-reach';

/**
 * 群防群治 / 物防 of a village: one versioned record. A village without one answers an empty
 * record with version 0, and the first PUT (version 0) creates it.
 */
const toView = ({ tenantId: _t, ...resources }: StoredResources): VillageResources => resources;

export async function getVillageResources(ctxIn: TenantContext, villageId: string): Promise<VillageResources> {
  const ctx = requireTenant(ctxIn);
  await loadVillageInReach(ctx, villageId, { path: 'id', outsideReach: 'hide' });
  const record = await getResourcesRecord(ctx.tenantId, villageId);
  return record ? toView(record) : emptyResources(villageId);
}

export async function updateVillageResources(ctxIn: TenantContext, villageId: string, input: ResourcesUpdateInput, deps: RegistryDeps = defaultDeps()): Promise<VillageResources> {
  const ctx = requireTenant(ctxIn);
  await loadVillageInReach(ctx, villageId, { path: 'id', outsideReach: 'hide' });
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
  const changed = changedFieldNames({ ...current }, { ...next }, [...META_FIELDS, 'villageId']);
  const entry: AuditEntryInput = { actor: auditActor(ctx), action: current ? 'update' : 'create', record: { kind: 'resources', id: villageId }, summary: { version: next.version, changed }, at: now };
  await commitOf(deps)(ctx.tenantId, [putResourcesOp(next, current?.version)], [entry], deps.clock);
  return toView(next);
}
