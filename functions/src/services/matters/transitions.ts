import {
  TransitionNotAllowed,
  applyTransition,
  isAssignee,
  type MatterDetail,
  type Role,
  type TransitionBody,
  type TransitionName,
} from '@beatlink/shared';
import { getDisputeRecord, putDisputeOp, putEventOp, putMatterOp, type StoredMatter } from '../../data/matters';
import { runTransaction, type TxOp } from '../../data/repository';
import { invalidField, versionConflict } from '../../lib/app-error';
import { isoNow } from '../../lib/clock';
import { requireTenant, type TenantContext, type TenantScopedContext } from '../../lib/tenant-context';
import { linkAttachmentOps } from '../attachments/attachments';
import { defaultDeps, type ServiceDeps } from '../deps';
import { resolveHolder } from './directory-lookup';
import { initialDisputeRecord } from './disputes';
import { matterDetail } from './matter-detail';
import { loadVisibleStoredMatter, viewerOf } from './matter-access';
import { timelineEvent, userActor, type Actor } from './matter-events';
import { loadMatterRules, requireCategory, type MatterRules } from './matter-rules';
import { transitionEffect } from './transition-effects';

type AnyBody = { [K in TransitionName]: TransitionBody<K> }[TransitionName];

/** The caller's role the table allows for this transition now; the first role's refusal otherwise. */
function actingRole(ctx: TenantScopedContext, name: TransitionName, matter: StoredMatter): Role {
  const role = ctx.roles.find((r) => {
    try {
      applyTransition(name, matter.status, r, {});
      return true;
    } catch (error) {
      // Missing input (verify's `satisfied`, close's `outcome`) is not a refusal of the role.
      return error instanceof TransitionNotAllowed && error.refusal === 'input';
    }
  });
  if (role) return role;
  // No role may: the table says why for the first one (status before role).
  const first = ctx.roles[0]!;
  applyTransition(name, matter.status, first, {});
  throw new TransitionNotAllowed(name, matter.status, first, 'role');
}

/** Ops beyond the matter and its event: attachments, the merge target, a new dispute record. */
async function sideOps(ctx: TenantScopedContext, name: TransitionName, body: AnyBody, matter: StoredMatter, next: StoredMatter, actor: Actor, at: string): Promise<TxOp[]> {
  if (name === 'feedback') {
    const ids = (body as TransitionBody<'feedback'>).attachmentIds ?? [];
    return ids.length ? linkAttachmentOps(ctx, ids, { kind: 'matter', id: matter.id }, 'attachmentIds') : [];
  }
  if (name === 'merge') {
    const { intoMatterId } = body as TransitionBody<'merge'>;
    if (intoMatterId === matter.id) throw invalidField('intoMatterId', '不能合并到自身 / cannot merge a matter into itself');
    const { matter: target } = await loadVisibleStoredMatter(ctx, intoMatterId, 'intoMatterId');
    if (target.status === 'merged') throw invalidField('intoMatterId', '目标事项已被合并，请合并到其主事项 / the target was itself merged');
    const updated: StoredMatter = { ...target, mergedCount: target.mergedCount + 1, version: target.version + 1, updatedAt: at, updatedBy: actor.username };
    return [
      putMatterOp(updated, target.version),
      putEventOp(ctx.tenantId, timelineEvent(target.id, 'merge', actor, at, { data: { merged: matter.id, title: matter.title } })),
    ];
  }
  if (name === 'triage' && next.kind === 'dispute' && matter.kind !== 'dispute' && !(await getDisputeRecord(ctx.tenantId, matter.id))) {
    return [putDisputeOp(ctx.tenantId, await initialDisputeRecord(ctx.tenantId, next, undefined, undefined, at, actor.username), undefined)];
  }
  return [];
}

function checkInput(rules: MatterRules, name: TransitionName, body: AnyBody): void {
  if (name === 'triage') {
    const categoryId = (body as TransitionBody<'triage'>).categoryId;
    if (categoryId) requireCategory(rules.config, categoryId, 'categoryId', { active: true });
  }
}

/**
 * One step of the state machine: the table decides (422 otherwise), the assignee-only steps check
 * the caller holds the matter, the version stops lost updates (409), and the matter, its
 * timeline event and everything the step implies are written in one transaction.
 */
export async function transitionMatter(ctxIn: TenantContext, name: TransitionName, matterId: string, body: AnyBody, deps: ServiceDeps = defaultDeps()): Promise<MatterDetail> {
  // The matter and the county's rules are read side by side.
  const [{ ctx, matter }, rules] = await Promise.all([loadVisibleStoredMatter(ctxIn, matterId), loadMatterRules(requireTenant(ctxIn).tenantId)]);
  if (body.version !== matter.version) throw versionConflict();
  const role = actingRole(ctx, name, matter);
  const input = { satisfied: (body as { satisfied?: boolean }).satisfied, outcome: (body as { outcome?: TransitionBody<'close'>['outcome'] }).outcome };
  const { rule, to } = applyTransition(name, matter.status, role, input);
  if (rule.assigneeOnly && !isAssignee(viewerOf(ctx), matter)) {
    throw new TransitionNotAllowed(name, matter.status, role, 'role', '仅承办单位可以操作 / only the assignee may do this');
  }
  checkInput(rules, name, body);
  const at = isoNow(deps.clock);
  const actor = await userActor(ctx, role, deps);
  const assignee = name === 'assign' || name === 'reassign' ? (body as TransitionBody<'assign'>).assignee : undefined;
  const holder = assignee ? await resolveHolder(ctx, assignee) : undefined;
  const effect = transitionEffect(matter, name, body, to, { at, actor, config: rules.config, holder });
  const event = timelineEvent(matter.id, name, actor, at, { from: matter.status, to, note: effect.note, data: effect.data });
  await runTransaction([putMatterOp(effect.next, matter.version), putEventOp(ctx.tenantId, event), ...(await sideOps(ctx, name, body, matter, effect.next, actor, at))]);
  return matterDetail(ctx, effect.next, deps, rules);
}
