import { findDuplicateCandidates, matterVisibleTo, type DuplicateCandidateView, type MatterConfig, type MatterViewer } from '@beatlink/shared';
import { MATTER_INDEXES, queryAllMatters, type StoredMatter } from '../../data/matters';
import type { TenantContext } from '../../lib/tenant-context';
import { loadVisibleStoredMatter, viewerOf } from './matter-access';
import { loadMatterRules } from './matter-rules';

const DAY = 86_400_000;

/**
 * Likely duplicates (疑似重复) of a matter: one Query of its village's index over the configured
 * window either side of its intake, same category, then text similarity (shared rules).
 */
export async function duplicatesOf(
  tenantId: string,
  probe: Pick<StoredMatter, 'villageId' | 'categoryId' | 'description' | 'createdAt'> & { id?: string },
  rules: MatterConfig['duplicates'],
  viewer: MatterViewer,
): Promise<DuplicateCandidateView[]> {
  const at = Date.parse(probe.createdAt);
  const from = new Date(at - rules.windowDays * DAY).toISOString();
  const to = `${new Date(at + rules.windowDays * DAY).toISOString()}~`;
  const candidates = await queryAllMatters(tenantId, {
    index: { name: MATTER_INDEXES.village.index, partition: MATTER_INDEXES.village.partition(tenantId, probe.villageId) },
    range: { between: [from, to] },
    filter: { and: [{ attr: 'categoryId', eq: probe.categoryId }, { attr: 'status', ne: 'merged' }] },
  });
  const visible = candidates.filter((m) => matterVisibleTo(viewer, m));
  return findDuplicateCandidates(probe, visible, rules)
    .slice(0, 10)
    .map(({ matter, score }) => ({
      id: matter.id,
      title: matter.title,
      description: matter.description,
      status: matter.status,
      createdAt: matter.createdAt,
      score: Math.round(score * 100) / 100,
    }));
}

/** GET /matters/{id}/duplicates: for the triage desk; only candidates the caller may see. */
export async function listMatterDuplicates(ctx: TenantContext, matterId: string): Promise<{ items: DuplicateCandidateView[] }> {
  const { ctx: tenant, matter } = await loadVisibleStoredMatter(ctx, matterId);
  const { config } = await loadMatterRules(tenant.tenantId);
  return { items: await duplicatesOf(tenant.tenantId, matter, config.duplicates, viewerOf(tenant)) };
}
