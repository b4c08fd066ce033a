import { ROLE_LABELS, isRole } from '@beatlink/shared/roles';
import {
  MATTER_KIND_LABELS,
  MATTER_OUTCOME_LABELS,
  RISK_LEVEL_LABELS,
  SEVERITY_LABELS,
  VERIFY_METHOD_LABELS,
  type MatterKind,
  type MatterOutcome,
  type MatterStatus,
  type RiskLevel,
  type Severity,
  type VerifyMethod,
} from '@beatlink/shared/matters/kinds';
import { TRANSITION_LABELS, isTransitionName } from '@beatlink/shared/matters/transitions';
import type { MatterEvent, MatterEventType } from '@beatlink/shared/matters/views';
import { formatDateTime } from '../format';
import { HOLDER_TYPE_LABELS, statusLabel } from './labels';

/** One timeline entry in Chinese: what happened, who, when, from → to, and the details it set. */
export interface TimelineEntry {
  id: string;
  title: string;
  who: string;
  when: string;
  /** "待研判 → 已交办", absent when the status did not change. */
  change?: string;
  note?: string;
  details: string[];
  /** Colour of the dot: red for refusals and overdue, green for closing, blue otherwise. */
  tone: 'blue' | 'green' | 'red' | 'gray' | 'orange';
}

const EVENT_LABELS: Record<Exclude<MatterEventType, keyof typeof TRANSITION_LABELS>, string> = {
  created: '录入',
  reminded: '到期提醒',
  overdue: '超期',
  dispute_updated: '更新纠纷记录',
  attachment_added: '添加附件',
};

export function eventLabel(type: MatterEventType): string {
  if (isTransitionName(type)) return TRANSITION_LABELS[type].zh;
  return EVENT_LABELS[type as keyof typeof EVENT_LABELS] ?? type;
}

export interface TimelineContext {
  categoryName(id: string): string;
  timeZone?: string;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const yesNo = (value: unknown) => (value ? '是' : '否');

function fromTo<T extends string>(value: unknown, label: (v: T) => string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { from, to } = value as { from?: T; to?: T };
  if (!to) return undefined;
  return from ? `${label(from)} → ${label(to)}` : label(to);
}

/** The details a step recorded in `data`, in Chinese, one line each. */
export function eventDetails(event: Pick<MatterEvent, 'type' | 'data'>, context: TimelineContext): string[] {
  const data = event.data ?? {};
  const lines: string[] = [];
  const holder = data.holder as { type?: keyof typeof HOLDER_TYPE_LABELS; name?: string; officerName?: string } | undefined;
  if (holder?.name) {
    const type = holder.type ? HOLDER_TYPE_LABELS[holder.type] : undefined;
    lines.push(`承办单位：${holder.name}${holder.officerName ? ` · ${holder.officerName}` : ''}${type ? `（${type}）` : ''}`);
  }
  if (str(data.previousHolder)) lines.push(`原承办单位：${str(data.previousHolder)}`);
  if (str(data.acceptBy)) lines.push(`签收时限：${formatDateTime(str(data.acceptBy), context.timeZone)}`);
  if (str(data.feedbackBy)) lines.push(`反馈时限：${formatDateTime(str(data.feedbackBy), context.timeZone)}`);
  const category = fromTo<string>(data.categoryId, context.categoryName);
  if (category) lines.push(`分类：${category}`);
  const kind = fromTo<MatterKind>(data.kind, (k) => MATTER_KIND_LABELS[k]?.zh ?? k);
  if (kind) lines.push(`类型：${kind}`);
  if (str(data.severity)) lines.push(`严重程度：${SEVERITY_LABELS[data.severity as Severity]?.zh ?? str(data.severity)}`);
  if (typeof data.policeBusiness === 'boolean') lines.push(`公安职责：${yesNo(data.policeBusiness)}`);
  if (str(data.outcome)) lines.push(`办理结果：${MATTER_OUTCOME_LABELS[data.outcome as MatterOutcome]?.zh ?? str(data.outcome)}`);
  if (typeof data.satisfied === 'boolean') {
    const method = str(data.method) ? `（${VERIFY_METHOD_LABELS[data.method as VerifyMethod]?.zh ?? str(data.method)}）` : '';
    lines.push(`回访结果：${data.satisfied ? '满意' : '不满意'}${method}`);
  }
  if (typeof data.level === 'number') lines.push(`督办级别：第 ${data.level} 级`);
  if (str(data.intoMatterId)) lines.push(`并入事项：${str(data.intoMatterId)}`);
  if (str(data.merged)) lines.push(`并入本事项：${str(data.title) ?? ''}（${str(data.merged)}）`);
  if (str(data.returnedBy)) lines.push(`退回单位：${str(data.returnedBy)}`);
  if (Array.isArray(data.attachmentIds) && data.attachmentIds.length) lines.push(`附件：${data.attachmentIds.length} 个`);
  if (event.type === 'dispute_updated') {
    if (str(data.riskLevel)) lines.push(`风险等级：${RISK_LEVEL_LABELS[data.riskLevel as RiskLevel]?.zh ?? str(data.riskLevel)}`);
    if (typeof data.mediations === 'number') lines.push(`调解 ${data.mediations} 次，回访 ${typeof data.followUps === 'number' ? data.followUps : 0} 次`);
    const flags = [data.resolvedAtVillage && '村级化解', data.escalated && '上交', data.turnedIntoCase && '转为案件'].filter(Boolean);
    if (flags.length) lines.push(`标记：${flags.join('、')}`);
  }
  return lines;
}

function toneOf(event: Pick<MatterEvent, 'type' | 'to' | 'data'>): TimelineEntry['tone'] {
  if (event.type === 'overdue' || event.type === 'return' || event.type === 'escalate') return 'red';
  if (event.type === 'verify' && event.data?.satisfied === false) return 'red';
  if (event.type === 'urge' || event.type === 'reminded') return 'orange';
  if (event.to === 'closed_resolved' || event.to === 'verified') return 'green';
  if (event.to === 'closed_unresolved' || event.to === 'merged') return 'gray';
  return 'blue';
}

function whoOf(event: Pick<MatterEvent, 'byName' | 'byRole'>): string {
  if (event.byRole === 'system') return event.byName || '督导系统';
  if (event.byRole === 'integrator') return `${event.byName}（接口接入）`;
  const role = isRole(event.byRole) ? ROLE_LABELS[event.byRole].zh : undefined;
  return role ? `${event.byName}（${role}）` : event.byName;
}

/** A timeline event as the page shows it. */
export function timelineEntry(event: MatterEvent, context: TimelineContext): TimelineEntry {
  const changed = event.from && event.to && event.from !== event.to;
  return {
    id: event.id,
    title: eventLabel(event.type),
    who: whoOf(event),
    when: formatDateTime(event.at, context.timeZone),
    ...(changed ? { change: `${statusLabel(event.from as MatterStatus)} → ${statusLabel(event.to as MatterStatus)}` } : {}),
    ...(event.note ? { note: event.note } : {}),
    details: eventDetails(event, context),
    tone: toneOf(event),
  };
}
