import { matterVisibleTo, type Matter, type MatterViewer } from '@beatlink/shared';
import { getMatterRecord, type StoredMatter } from '../../data/matters';
import { notFound } from '../../lib/app-error';
import { requireTenant, type TenantContext, type TenantScopedContext } from '../../lib/tenant-context';

export function viewerOf(ctx: TenantContext): MatterViewer {
  return { roles: ctx.roles, username: ctx.username, officerId: ctx.officerId, unitId: ctx.unitId, agencyId: ctx.agencyId };
}

export const matterNotFound = (path = 'id') => notFound(path, '事项不存在 / matter not found');

/** The stored matter if it is in the caller's county and he may see it; else 404 (never 403). */
export async function loadVisibleStoredMatter(ctxIn: TenantContext, matterId: string, path = 'id'): Promise<{ ctx: TenantScopedContext; matter: StoredMatter }> {
  const ctx = requireTenant(ctxIn);
  const matter = await getMatterRecord(ctx.tenantId, matterId);
  if (!matter || !matterVisibleTo(viewerOf(ctx), matter)) throw matterNotFound(path);
  return { ctx, matter };
}

/** What responses carry: never the encrypted phone. */
export function toMatterView(stored: StoredMatter): Matter {
  const { reporter, ...rest } = stored;
  return { ...rest, ...(reporter ? { reporter: { name: reporter.name, phoneMasked: reporter.phoneMasked } } : {}) };
}

/** For other contexts (attachments): the matter as the caller may see it, or 404. */
export async function loadVisibleMatter(ctx: TenantContext, matterId: string): Promise<Matter> {
  return toMatterView((await loadVisibleStoredMatter(ctx, matterId)).matter);
}
