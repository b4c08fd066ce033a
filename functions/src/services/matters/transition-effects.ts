import { computeDeadlines, type MatterConfig, type MatterHolder, type MatterStatus, type TransitionBody, type TransitionName } from '@beatlink/shared';
import type { StoredMatter } from '../../data/matters';
import type { Actor } from './matter-events';

/** What a transition needs besides the matter and its body: resolved by the service first. */
export interface EffectInput {
  at: string;
  actor: Actor;
  config: MatterConfig;
  /** assign / reassign: the resolved assignee. */
  holder?: MatterHolder;
}

export interface Effect {
  next: StoredMatter;
  note?: string;
  /** What the step set, for the timeline. */
  data: Record<string, unknown>;
}

type AnyBody = { [K in TransitionName]: TransitionBody<K> }[TransitionName];
const freshSupervision = { escalationLevel: 0, urgeCount: 0 };

/**
 * The matter after a transition the table allowed, and what its timeline event records. Pure:
 * the service has checked status, role, assignee and version, and resolved the holder.
 */
export function transitionEffect(matter: StoredMatter, name: TransitionName, body: AnyBody, to: MatterStatus, input: EffectInput): Effect {
  const base: StoredMatter = { ...matter, status: to, version: matter.version + 1, updatedAt: input.at, updatedBy: input.actor.username };
  const b = body as Record<string, unknown> & { note?: string; reason?: string };
  switch (name) {
    case 'triage': {
      const t = body as TransitionBody<'triage'>;
      const next = {
        ...base,
        ...(t.kind ? { kind: t.kind } : {}),
        ...(t.categoryId ? { categoryId: t.categoryId, categoryName: input.config.categories.find((c) => c.id === t.categoryId)?.name ?? t.categoryId } : {}),
        severity: t.severity,
        policeBusiness: t.policeBusiness,
        linkage: matter.linkage || !t.policeBusiness,
      };
      const data: Record<string, unknown> = { severity: t.severity, policeBusiness: t.policeBusiness };
      if (next.categoryId !== matter.categoryId) data.categoryId = { from: matter.categoryId, to: next.categoryId };
      if (next.kind !== matter.kind) data.kind = { from: matter.kind, to: next.kind };
      return { next, note: t.note, data };
    }
    case 'assign':
    case 'reassign': {
      const a = body as TransitionBody<'assign'>;
      const holder = input.holder!;
      const deadlines = computeDeadlines(input.config, matter.categoryId, matter.severity, input.at, { acceptBy: a.acceptBy, feedbackBy: a.feedbackBy });
      const { acceptedAt: _accepted, ...rest } = base;
      return {
        next: { ...rest, holder, assignedAt: input.at, ...deadlines, linkage: matter.linkage || holder.type === 'agency', supervision: freshSupervision },
        note: b.note ?? b.reason,
        data: { holder: { type: holder.type, id: holder.id, name: holder.name, ...(holder.officerName ? { officerName: holder.officerName } : {}) }, ...deadlines, ...(matter.holder ? { previousHolder: matter.holder.name } : {}) },
      };
    }
    case 'accept':
      // The feedback deadline now runs: supervision starts afresh for it.
      return { next: { ...base, acceptedAt: input.at, supervision: freshSupervision }, note: b.note, data: {} };
    case 'return': {
      const { holder: _h, acceptBy: _a, feedbackBy: _f, acceptedAt: _ac, assignedAt: _as, ...rest } = base;
      return { next: { ...rest, returnCount: matter.returnCount + 1, supervision: freshSupervision }, note: b.reason, data: { returnedBy: matter.holder?.name } };
    }
    case 'feedback': {
      const f = body as TransitionBody<'feedback'>;
      const attachmentIds = f.attachmentIds ?? [];
      return {
        next: {
          ...base,
          feedback: { outcome: f.outcome, note: f.note, at: input.at, by: input.actor.name, attachmentIds },
          attachmentIds: [...matter.attachmentIds, ...attachmentIds],
        },
        note: f.note,
        data: { outcome: f.outcome, ...(attachmentIds.length ? { attachmentIds } : {}) },
      };
    }
    case 'verify': {
      const v = body as TransitionBody<'verify'>;
      return {
        next: {
          ...base,
          verification: { satisfied: v.satisfied, method: v.method, ...(v.note ? { note: v.note } : {}), at: input.at, by: input.actor.name },
          reopenCount: matter.reopenCount + (v.satisfied ? 0 : 1),
        },
        note: v.note,
        data: { satisfied: v.satisfied, method: v.method },
      };
    }
    case 'close': {
      const c = body as TransitionBody<'close'>;
      return { next: { ...base, outcome: c.outcome, closedAt: input.at }, note: c.note, data: { outcome: c.outcome } };
    }
    case 'merge': {
      const m = body as TransitionBody<'merge'>;
      return { next: { ...base, mergedInto: m.intoMatterId, closedAt: input.at }, note: m.note, data: { intoMatterId: m.intoMatterId } };
    }
    case 'urge':
      return { next: { ...base, supervision: { ...matter.supervision, urgeCount: matter.supervision.urgeCount + 1 } }, note: b.reason, data: {} };
    case 'escalate': {
      const level = matter.supervision.escalationLevel + 1;
      return { next: { ...base, supervision: { ...matter.supervision, escalationLevel: level } }, note: b.reason, data: { level } };
    }
  }
}
