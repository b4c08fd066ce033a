import { activeDeadline, supervisionState, type SupervisionState } from '@beatlink/shared/matters/deadlines';
import {
  MATTER_OUTCOME_LABELS,
  VERIFY_METHOD_LABELS,
  type MatterOutcome,
  type VerifyMethod,
} from '@beatlink/shared/matters/kinds';
import type { MatterInbox } from '@beatlink/shared/matters/inboxes';
import { TRANSITION_LABELS, type TransitionName } from '@beatlink/shared/matters/transitions';
import type { Matter, MatterEvent, MatterEventType } from '@beatlink/shared/matters/views';
import { statusLabel } from './matter-links';
import { formatDateTime } from '../format';

export { matterHref, statusLabel } from './matter-links';

/**
 * What the phone pages show of matters: the three inboxes of 我的事项, a card's deadline line, the
 * timeline in Chinese, and the few transitions an officer makes in the field. Zod-free.
 */

/** The tabs of 我的事项, in order (labels of the field pages; `all` is the officer's own area). */
export const FIELD_INBOXES = ['mine', 'reported', 'all'] as const satisfies readonly MatterInbox[];
export type FieldInbox = (typeof FIELD_INBOXES)[number];
export const FIELD_INBOX_LABELS: Record<FieldInbox, string> = { mine: '我的待办', reported: '我录入的', all: '本辖区' };

export function isFieldInbox(value: unknown): value is FieldInbox {
  return typeof value === 'string' && (FIELD_INBOXES as readonly string[]).includes(value);
}


export interface DeadlineLine {
  state: SupervisionState;
  text: string;
}

const HOUR = 3_600_000;

function spanText(ms: number): string {
  const hours = ms / HOUR;
  if (hours < 1) return `${Math.max(1, Math.round(ms / 60_000))} 分钟`;
  if (hours < 48) return `${Math.round(hours)} 小时`;
  return `${Math.round(hours / 24)} 天`;
}

/**
 * The running deadline of a card ("签收时限 05/12 14:00", "反馈已超期 5 小时"), or undefined when
 * none runs. `remindBeforeHours` comes from the county's configuration (0 when unknown).
 */
export function deadlineLine(matter: Pick<Matter, 'status' | 'acceptBy' | 'feedbackBy'>, now: Date, remindBeforeHours = 0): DeadlineLine | undefined {
  const deadline = activeDeadline(matter);
  if (!deadline) return undefined;
  const what = matter.status === 'assigned' ? '签收' : '反馈';
  const state = supervisionState(matter, now.toISOString(), remindBeforeHours);
  const left = Date.parse(deadline) - now.getTime();
  if (state === 'overdue') return { state, text: `${what}已超期 ${spanText(-left)}` };
  if (state === 'due_soon') return { state, text: `${what}时限还剩 ${spanText(left)}` };
  return { state, text: `${what}时限 ${formatDateTime(deadline)}` };
}

// ---- Timeline ----

const EVENT_LABELS: Record<Exclude<MatterEventType, TransitionName>, string> = {
  created: '录入',
  reminded: '临期提醒',
  overdue: '超期',
  dispute_updated: '纠纷记录更新',
  attachment_added: '添加附件',
};

export function eventLabel(type: MatterEventType): string {
  return (EVENT_LABELS as Record<string, string>)[type] ?? TRANSITION_LABELS[type as TransitionName]?.zh ?? type;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/** The lines under an event's title: status change, who it went to, outcome, note. */
export function eventDetails(event: MatterEvent): string[] {
  const lines: string[] = [];
  const data = event.data ?? {};
  if (event.from && event.to && event.from !== event.to) lines.push(`${statusLabel(event.from)} → ${statusLabel(event.to)}`);
  const holder = data.holder as { name?: unknown; officerName?: unknown } | undefined;
  if (holder && str(holder.name)) lines.push(`承办：${str(holder.name)}${str(holder.officerName) ? `（${str(holder.officerName)}）` : ''}`);
  if (str(data.acceptBy) && str(data.feedbackBy)) {
    lines.push(`签收时限 ${formatDateTime(str(data.acceptBy))}，反馈时限 ${formatDateTime(str(data.feedbackBy))}`);
  }
  const outcome = str(data.outcome) as MatterOutcome | undefined;
  if (outcome) lines.push(`结果：${MATTER_OUTCOME_LABELS[outcome]?.zh ?? outcome}`);
  if (typeof data.satisfied === 'boolean') {
    const method = str(data.method) as VerifyMethod | undefined;
    lines.push(`${method ? `${VERIFY_METHOD_LABELS[method]?.zh ?? method}：` : ''}${data.satisfied ? '群众满意' : '群众不满意'}`);
  }
  if (str(data.returnedBy)) lines.push(`退回单位：${str(data.returnedBy)}`);
  if (Array.isArray(data.attachmentIds) && data.attachmentIds.length) lines.push(`附件 ${data.attachmentIds.length} 个`);
  if (event.note) lines.push(event.note);
  return lines;
}

/** Oldest first, as a story reads. */
export function sortTimeline(events: readonly MatterEvent[]): MatterEvent[] {
  return [...events].sort((a, b) => (a.at === b.at ? a.id.localeCompare(b.id) : a.at.localeCompare(b.at)));
}

// ---- Field actions ----

/** The transitions an officer makes on the phone: 签收, 退回, 反馈. The office does the rest. */
export const FIELD_ACTIONS = ['accept', 'return', 'feedback'] as const satisfies readonly TransitionName[];
export type FieldAction = (typeof FIELD_ACTIONS)[number];

export const FIELD_ACTION_LABELS: Record<FieldAction, string> = {
  accept: TRANSITION_LABELS.accept.zh,
  return: TRANSITION_LABELS.return.zh,
  feedback: TRANSITION_LABELS.feedback.zh,
};

/** Of what the API says the caller may do now, what the phone offers. */
export function fieldActions(allowed: readonly TransitionName[] | undefined): FieldAction[] {
  return FIELD_ACTIONS.filter((name) => allowed?.includes(name));
}

export interface ActionDraft {
  note: string;
  outcome: MatterOutcome | '';
}

export type ActionErrors = Partial<Record<'note' | 'outcome' | 'photos', string>>;

const NOTE_LIMIT: Record<FieldAction, number> = { accept: 1000, return: 500, feedback: 2000 };
const count = (value: string) => Array.from(value.trim()).length;

/** The checks of an action's sheet: a return needs its reason, a feedback its outcome and note. */
export function validateAction(action: FieldAction, draft: ActionDraft): ActionErrors {
  const errors: ActionErrors = {};
  const note = draft.note.trim();
  if (action === 'return' && !note) errors.note = '请填写退回原因';
  if (action === 'feedback') {
    if (!draft.outcome) errors.outcome = '请选择办理结果';
    if (!note) errors.note = '请填写办理情况';
  }
  if (!errors.note && count(note) > NOTE_LIMIT[action]) errors.note = `最多 ${NOTE_LIMIT[action]} 个字`;
  return errors;
}

/** The body of POST /matters/{id}/{action} (TRANSITION_BODY_SCHEMAS), with the version last read. */
export function actionBody(action: FieldAction, version: number, draft: ActionDraft, attachmentIds: readonly string[] = []): Record<string, unknown> {
  const note = draft.note.trim();
  switch (action) {
    case 'accept':
      return { version, ...(note ? { note } : {}) };
    case 'return':
      return { version, reason: note };
    case 'feedback':
      return { version, outcome: draft.outcome, note, ...(attachmentIds.length ? { attachmentIds: [...attachmentIds] } : {}) };
  }
}

/** Maps an action's API 400 details (`reason`, `note`, `outcome`, `attachmentIds.0`) to its fields. */
export function actionFieldOfPath(path: string): keyof ActionErrors | undefined {
  const head = path.split('.')[0];
  if (head === 'note' || head === 'reason') return 'note';
  if (head === 'outcome') return 'outcome';
  if (head === 'attachmentIds') return 'photos';
  return undefined;
}

// ---- Small things of the detail page ----

/** The `?id=` of /m/matter, when it looks like a matter id. */
export function matterIdFrom(search: string): string | undefined {
  const id = new URLSearchParams(search).get('id') ?? '';
  return /^mat_[0-9A-HJKMNP-TV-Z]{26}$/.test(id) ? id : undefined;
}

/** A `tel:` link for a revealed number (digits, `+` and `-` only). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+-]/g, '')}`;
}

