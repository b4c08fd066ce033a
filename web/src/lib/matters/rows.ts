import { activeDeadline, supervisionState, DEADLINE_OF_STATUS, SUPERVISION_STATE_LABELS, type SupervisionState } from '@beatlink/shared/matters/deadlines';
import { MATTER_KIND_LABELS, SEVERITY_LABELS, isOpenStatus, type MatterStatus } from '@beatlink/shared/matters/kinds';
import type { Matter } from '@beatlink/shared/matters/views';
import { formatDateTime } from '../format';
import { STATUS_COLORS, SUPERVISION_COLORS, holderText, statusLabel } from './labels';

/** What a row of the matters table shows, already in Chinese. */
export interface MatterRow {
  id: string;
  title: string;
  kind: string;
  category: string;
  severity: string;
  village: string;
  status: MatterStatus;
  statusLabel: string;
  statusColor: string;
  holder: string;
  /** "签收 2026/05/12 18:00" — the deadline running now, or '—'. */
  deadline: string;
  supervision?: { state: SupervisionState; label: string; color: string };
  takenInAt: string;
  linkage: boolean;
  urgeCount: number;
  escalationLevel: number;
}

export interface RowContext {
  timeZone?: string;
  /** ISO now, for the supervision colour. */
  now: string;
  remindBeforeHours: number;
}

const DEADLINE_NAMES = { acceptBy: '签收', feedbackBy: '反馈' } as const;

/** The running deadline of a matter with its supervision state, or undefined when none runs. */
export function runningDeadline(
  matter: Pick<Matter, 'status' | 'acceptBy' | 'feedbackBy'>,
  now: string,
  remindBeforeHours: number,
): { field: 'acceptBy' | 'feedbackBy'; name: string; at: string; state: SupervisionState } | undefined {
  const field = DEADLINE_OF_STATUS[matter.status];
  const at = activeDeadline(matter);
  if (!field || !at) return undefined;
  return { field, name: DEADLINE_NAMES[field], at, state: supervisionState(matter, now, remindBeforeHours) };
}

/** One matter as a row of the table. */
export function matterRow(matter: Matter, context: RowContext): MatterRow {
  const running = isOpenStatus(matter.status) ? runningDeadline(matter, context.now, context.remindBeforeHours) : undefined;
  return {
    id: matter.id,
    title: matter.title,
    kind: MATTER_KIND_LABELS[matter.kind]?.zh ?? matter.kind,
    category: matter.categoryName,
    severity: SEVERITY_LABELS[matter.severity]?.zh ?? matter.severity,
    village: matter.villageName,
    status: matter.status,
    statusLabel: statusLabel(matter.status),
    statusColor: STATUS_COLORS[matter.status] ?? 'default',
    holder: holderText(matter.holder),
    deadline: running ? `${running.name} ${formatDateTime(running.at, context.timeZone)}` : '—',
    ...(running
      ? { supervision: { state: running.state, label: SUPERVISION_STATE_LABELS[running.state].zh, color: SUPERVISION_COLORS[running.state] } }
      : {}),
    takenInAt: formatDateTime(matter.createdAt, context.timeZone),
    linkage: matter.linkage,
    urgeCount: matter.supervision?.urgeCount ?? 0,
    escalationLevel: matter.supervision?.escalationLevel ?? 0,
  };
}

/** Merges a further page into the rows already shown: a matter seen again is updated in place. */
export function appendPage<T extends { id: string }>(shown: readonly T[], next: readonly T[]): T[] {
  const byId = new Map(next.map((item) => [item.id, item]));
  const merged = shown.map((item) => {
    const fresh = byId.get(item.id);
    if (fresh) byId.delete(item.id);
    return fresh ?? item;
  });
  return [...merged, ...next.filter((item) => byId.has(item.id))];
}
