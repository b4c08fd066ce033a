import { ROLE_LABELS, isRole } from '../roles';
import { MATTER_OUTCOME_LABELS, type MatterOutcome } from '../matters/kinds';
import { TRANSITION_LABELS, isTransitionName } from '../matters/transitions';
import type { MatterEvent, MatterEventType } from '../matters/views';
import type { PublicTimelineEvent } from './public-matters';

/**
 * A matter's timeline as integrators see it: what happened and when, by which role — never a
 * person's name, a note (notes quote residents) or a phone. The unit a matter went to and the
 * outcome it was closed with are public.
 */
const EVENT_LABELS: Record<Exclude<MatterEventType, keyof typeof TRANSITION_LABELS>, string> = {
  created: '录入',
  reminded: '到期提醒',
  overdue: '超期',
  dispute_updated: '更新纠纷记录',
  attachment_added: '添加附件',
};

export function publicEventTypeLabel(type: string): string {
  if (isTransitionName(type)) return TRANSITION_LABELS[type].zh;
  return EVENT_LABELS[type as keyof typeof EVENT_LABELS] ?? type;
}

/** The acting role's label: 民警 roles by name, the supervision job, an integrator's system. */
export function publicActorLabel(byRole: string): string {
  if (byRole === 'system') return '督导系统';
  if (byRole === 'integrator') return '集成方（接口接入）';
  return isRole(byRole) ? ROLE_LABELS[byRole].zh : '其他';
}

function detailOf(event: Pick<MatterEvent, 'type' | 'data'>): string | undefined {
  const data = event.data ?? {};
  if (event.type === 'assign' || event.type === 'reassign') {
    const holder = data.holder as { name?: unknown } | undefined;
    return typeof holder?.name === 'string' ? holder.name : undefined;
  }
  if (event.type === 'feedback' || event.type === 'close') {
    const outcome = data.outcome as MatterOutcome | undefined;
    return outcome && MATTER_OUTCOME_LABELS[outcome] ? MATTER_OUTCOME_LABELS[outcome].zh : undefined;
  }
  return undefined;
}

export function publicTimelineEventOf(event: MatterEvent): PublicTimelineEvent {
  const detail = detailOf(event);
  return {
    id: event.id,
    type: event.type,
    typeLabel: publicEventTypeLabel(event.type),
    at: event.at,
    ...(event.from ? { from: event.from } : {}),
    ...(event.to ? { to: event.to } : {}),
    actor: publicActorLabel(event.byRole),
    ...(detail ? { detail } : {}),
  };
}
