import { INITIAL_STATUS, newId, type Assignee, type MatterKind, type Severity, type TransitionBody } from '@beatlink/shared';
import { putDisputeOp, putEventOp, putMatterOp, type StoredMatter } from '../../data/matters';
import type { TxOp } from '../../data/repository';
import type { TenantScopedContext } from '../../lib/tenant-context';
import { requireVillage, resolveHolder } from './directory-lookup';
import { initialDisputeRecord } from './disputes';
import { timelineEvent, type Actor } from './matter-events';
import { loadMatterRules, requireCategory } from './matter-rules';
import { newStoredMatter } from './new-matter';
import { transitionEffect } from './transition-effects';

/**
 * An office's intake that is triaged and assigned at once (研判结论交办: a report's action item
 * becomes a matter): the matter goes through the same three steps as one taken in, triaged and
 * assigned by hand — created, triaged, assigned, each with its timeline event, the deadlines from
 * the county's SLA table — but as ops the caller commits in one transaction with its own.
 *
 * The three events get consecutive milliseconds so the timeline (sorted by time) shows them in
 * the order they logically happened.
 */
export interface AssignedIntakeInput {
  kind: MatterKind;
  categoryId: string;
  severity: Severity;
  policeBusiness: boolean;
  villageId: string;
  title: string;
  description: string;
  assignee: Assignee;
  acceptBy?: string;
  feedbackBy?: string;
  note?: string;
}

const plusMs = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

export async function assignedIntakeOps(ctx: TenantScopedContext, input: AssignedIntakeInput, actor: Actor, at: string): Promise<{ matter: StoredMatter; ops: TxOp[] }> {
  const [rules, village, holder] = await Promise.all([loadMatterRules(ctx.tenantId), requireVillage(ctx, input.villageId), resolveHolder(ctx, input.assignee)]);
  const category = requireCategory(rules.config, input.categoryId, 'categoryId', { active: true });
  const id = newId('matter', Date.parse(at));
  const created = newStoredMatter(
    ctx.tenantId,
    id,
    { kind: input.kind, source: 'office', title: input.title, description: input.description, severity: input.severity, occurredAt: at },
    village,
    category,
    actor,
    at,
  );

  const triagedAt = plusMs(at, 1);
  const triageBody: TransitionBody<'triage'> = { version: created.version, severity: input.severity, policeBusiness: input.policeBusiness, ...(input.note ? { note: input.note } : {}) };
  const triaged = transitionEffect(created, 'triage', triageBody, 'triage', { at: triagedAt, actor, config: rules.config });

  const assignedAt = plusMs(at, 2);
  const assignBody: TransitionBody<'assign'> = {
    version: triaged.next.version,
    assignee: input.assignee,
    ...(input.acceptBy ? { acceptBy: input.acceptBy } : {}),
    ...(input.feedbackBy ? { feedbackBy: input.feedbackBy } : {}),
    ...(input.note ? { note: input.note } : {}),
  };
  const assigned = transitionEffect(triaged.next, 'assign', assignBody, 'assigned', { at: assignedAt, actor, config: rules.config, holder });
  // One new item: written at its final version, never seen in between.
  const matter: StoredMatter = { ...assigned.next, createdAt: at };

  const ops: TxOp[] = [
    putMatterOp(matter, undefined),
    putEventOp(ctx.tenantId, timelineEvent(id, 'created', actor, at, { to: INITIAL_STATUS, data: { kind: matter.kind, categoryId: matter.categoryId, source: matter.source } })),
    putEventOp(ctx.tenantId, timelineEvent(id, 'triage', actor, triagedAt, { from: INITIAL_STATUS, to: 'triage', note: triaged.note, data: triaged.data })),
    putEventOp(ctx.tenantId, timelineEvent(id, 'assign', actor, assignedAt, { from: 'triage', to: 'assigned', note: assigned.note, data: assigned.data })),
  ];
  if (matter.kind === 'dispute') ops.push(putDisputeOp(ctx.tenantId, await initialDisputeRecord(ctx.tenantId, matter, undefined, undefined, at, actor.username), undefined));
  return { matter, ops };
}
