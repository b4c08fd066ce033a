import type { EscalationLevel, MatterConfig } from './config';
import type { MatterStatus, Severity } from './kinds';

/**
 * Pure SLA arithmetic. Times are UTC ISO strings in and out. SLA hours are wall-clock hours
 * (calendar time, not working hours) counted as elapsed time, so the tenant's time zone does not
 * change them (Asia/Shanghai has no daylight saving; elsewhere an hour is still an hour).
 */
const HOUR = 3_600_000;

function toMs(iso: string, what: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`${what} is not an ISO time: ${iso}`);
  return ms;
}

export function addHours(iso: string, hours: number): string {
  return new Date(toMs(iso, 'time') + hours * HOUR).toISOString();
}

export interface MatterDeadlines {
  /** 签收时限 */
  acceptBy: string;
  /** 反馈时限 */
  feedbackBy: string;
}

/** Deadlines of a matter assigned at `assignedAt`, from the SLA table (both count from assignment). */
export function computeDeadlines(
  config: Pick<MatterConfig, 'sla'>,
  categoryId: string,
  severity: Severity,
  assignedAt: string,
  overrides: Partial<MatterDeadlines> = {},
): MatterDeadlines {
  const entry = config.sla[categoryId]?.[severity];
  if (!entry) throw new RangeError(`no SLA for category ${categoryId}`);
  const acceptBy = overrides.acceptBy ? new Date(toMs(overrides.acceptBy, 'acceptBy')).toISOString() : addHours(assignedAt, entry.acceptHours);
  const feedbackBy = overrides.feedbackBy
    ? new Date(toMs(overrides.feedbackBy, 'feedbackBy')).toISOString()
    : addHours(assignedAt, entry.feedbackHours);
  return { acceptBy, feedbackBy };
}

/** The deadline that is running in each status; statuses absent here are not supervised. */
export const DEADLINE_OF_STATUS: Partial<Record<MatterStatus, keyof MatterDeadlines>> = {
  assigned: 'acceptBy',
  accepted: 'feedbackBy',
};

export interface SupervisedMatter extends Partial<MatterDeadlines> {
  status: MatterStatus;
}

/** The deadline running now, if any. */
export function activeDeadline(matter: SupervisedMatter): string | undefined {
  const field = DEADLINE_OF_STATUS[matter.status];
  return field ? matter[field] : undefined;
}

export const SUPERVISION_STATES = ['ok', 'due_soon', 'overdue'] as const;
export type SupervisionState = (typeof SUPERVISION_STATES)[number];
export const SUPERVISION_STATE_LABELS: Record<SupervisionState, { zh: string; en: string }> = {
  ok: { zh: '正常', en: 'On time' },
  due_soon: { zh: '即将到期', en: 'Due soon' },
  overdue: { zh: '已超期', en: 'Overdue' },
};

/**
 * `overdue` once `now` is past the running deadline (at the deadline itself it is still due);
 * `due_soon` within `remindBeforeHours` before it (inclusive); otherwise, or with no running
 * deadline, `ok`.
 */
export function supervisionState(matter: SupervisedMatter, now: string, remindBeforeHours: number): SupervisionState {
  const deadline = activeDeadline(matter);
  if (!deadline) return 'ok';
  const left = toMs(deadline, 'deadline') - toMs(now, 'now');
  if (left < 0) return 'overdue';
  if (left <= remindBeforeHours * HOUR) return 'due_soon';
  return 'ok';
}

/** Hours past the running deadline (0 when not overdue). */
export function overdueHours(matter: SupervisedMatter, now: string): number {
  const deadline = activeDeadline(matter);
  if (!deadline) return 0;
  return Math.max(0, (toMs(now, 'now') - toMs(deadline, 'deadline')) / HOUR);
}

/**
 * The next rung to escalate to, one level at a time: rung `currentLevel + 1` once the matter is
 * overdue by at least its `afterOverdueHours`; undefined when not due (or at the top). The
 * matter stores its current level (0 = the assignee), which makes a re-run of the job a no-op.
 */
export function nextEscalation(
  ladder: readonly EscalationLevel[],
  currentLevel: number,
  matter: SupervisedMatter,
  now: string,
): { level: number; rung: EscalationLevel } | undefined {
  if (supervisionState(matter, now, 0) !== 'overdue') return undefined;
  const level = currentLevel + 1;
  const rung = ladder[level];
  if (!rung || overdueHours(matter, now) < rung.afterOverdueHours) return undefined;
  return { level, rung };
}

/** The ladder for a matter held by a police unit or by an agency. */
export function escalationLadderFor(config: Pick<MatterConfig, 'escalation'>, holder: 'police' | 'agency'): readonly EscalationLevel[] {
  return config.escalation[holder];
}
