import type { Role } from '@beatlink/shared/roles';
import { MATTER_INBOX_LABELS, type MatterInbox } from '@beatlink/shared/matters/inboxes';
import { INTAKE_ROLES, TRANSITION_TABLE } from '@beatlink/shared/matters/transitions';

/** Which inboxes (tabs of 事项办理) make sense for a user's roles, and their tab labels. */
const TRIAGERS: readonly Role[] = TRANSITION_TABLE.triage.roles;
const ASSIGNEES: readonly Role[] = TRANSITION_TABLE.accept.roles;
const SUPERVISORS: readonly Role[] = TRANSITION_TABLE.urge.roles;
const LINKAGE_VIEWERS: readonly Role[] = ['bureau_leader', 'program_office', 'governance_office'];

const RULES: Record<MatterInbox, (roles: readonly Role[]) => boolean> = {
  triage: (roles) => roles.some((r) => TRIAGERS.includes(r)),
  mine: (roles) => roles.some((r) => ASSIGNEES.includes(r)),
  overdue: (roles) => roles.some((r) => SUPERVISORS.includes(r)),
  linkage: (roles) => roles.some((r) => LINKAGE_VIEWERS.includes(r)),
  all: () => true,
  reported: (roles) => roles.some((r) => (INTAKE_ROLES as readonly Role[]).includes(r)),
};

/** Tab order of the matters desk. */
export const INBOX_ORDER: readonly MatterInbox[] = ['triage', 'mine', 'overdue', 'linkage', 'all', 'reported'];

/** The inboxes shown to a user, in tab order; `all` always. */
export function inboxesFor(roles: readonly Role[]): MatterInbox[] {
  return INBOX_ORDER.filter((inbox) => RULES[inbox](roles));
}

/** The tab label: the shared inbox label, “全部事项” shortened to “全部”. */
export function inboxLabel(inbox: MatterInbox): string {
  return inbox === 'all' ? '全部' : MATTER_INBOX_LABELS[inbox].zh;
}

/** The inbox a URL asks for, if the user has it; else his first. */
export function pickInbox(requested: string | null | undefined, available: readonly MatterInbox[]): MatterInbox {
  const found = available.find((inbox) => inbox === requested);
  return found ?? available[0] ?? 'all';
}
