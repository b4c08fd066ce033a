import {
  TRANSITIONS,
  TRANSITION_TABLE,
  bestScope,
  isAssignee,
  routeFor,
  supervisionState,
  type MatterDetail,
  type MatterEvent,
  type TransitionName,
} from '@beatlink/shared';
import { getDisputeRecord, listMatterEvents, type StoredMatter } from '../../data/matters';
import { isoNow } from '../../lib/clock';
import type { TenantContext, TenantScopedContext } from '../../lib/tenant-context';
import { defaultDeps, type ServiceDeps } from '../deps';
import { suggestHolder } from './directory-lookup';
import { toDisputeView } from './disputes';
import { loadVisibleStoredMatter, toMatterView, viewerOf } from './matter-access';
import { loadMatterRules, type MatterRules } from './matter-rules';

/** The transitions the caller may make now: the table for any of his roles, and the assignee check. */
export function transitionsFor(ctx: TenantScopedContext, matter: StoredMatter): TransitionName[] {
  const viewer = viewerOf(ctx);
  return TRANSITIONS.filter((name) => {
    const rule = TRANSITION_TABLE[name];
    if (!rule.from.includes(matter.status)) return false;
    if (!ctx.roles.some((role) => rule.roles.includes(role))) return false;
    return !rule.assigneeOnly || isAssignee(viewer, matter);
  });
}

const AWAITING_ROUTING = new Set(['triage', 'reopened']);

/** The rules may be passed in by a caller that has just read them (a transition). */
export async function matterDetail(ctx: TenantScopedContext, matter: StoredMatter, deps: ServiceDeps = defaultDeps(), rules?: MatterRules): Promise<MatterDetail> {
  const { config } = rules ?? (await loadMatterRules(ctx.tenantId));
  const route = routeFor(config, matter.categoryId);
  const [suggested, dispute] = await Promise.all([
    route && AWAITING_ROUTING.has(matter.status) ? suggestHolder(ctx, route, matter) : undefined,
    matter.kind === 'dispute' ? getDisputeRecord(ctx.tenantId, matter.id) : undefined,
  ]);
  return {
    ...toMatterView(matter),
    allowedTransitions: transitionsFor(ctx, matter),
    mayReveal: bestScope(ctx.roles, 'matter.reveal') !== undefined,
    supervisionState: supervisionState(matter, isoNow(deps.clock), config.remindBeforeHours),
    ...(route ? { routing: { route, ...(suggested ? { suggested } : {}) } } : {}),
    ...(dispute ? { dispute: toDisputeView(dispute) } : {}),
  };
}

export async function getMatter(ctx: TenantContext, matterId: string, deps: ServiceDeps = defaultDeps()): Promise<MatterDetail> {
  const { ctx: tenant, matter } = await loadVisibleStoredMatter(ctx, matterId);
  return matterDetail(tenant, matter, deps);
}

export async function getMatterTimeline(ctx: TenantContext, matterId: string): Promise<{ items: MatterEvent[] }> {
  const { ctx: tenant, matter } = await loadVisibleStoredMatter(ctx, matterId);
  return { items: await listMatterEvents(tenant.tenantId, matter.id) };
}
