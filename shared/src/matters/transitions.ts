import type { ErrorCode } from '../errors';
import type { Role } from '../roles';
import { closedStatusFor, type MatterOutcome, type MatterStatus } from './kinds';
import { MATTER_SUPERVISORS } from './supervisors';

/**
 * THE state machine of a matter, as a table. The API refuses anything not in it with 422
 * (`TRANSITION_NOT_ALLOWED`); the portal reads it to offer only what would be allowed. Zod-free.
 *
 * Creation is not a transition: a new matter starts in `INITIAL_STATUS`, taken in by
 * `INTAKE_ROLES`.
 */
export const INITIAL_STATUS = 'triage' satisfies MatterStatus;

/** 录入: officers and auxiliaries in the field, and the offices (下去一把抓). */
export const INTAKE_ROLES = [
  'program_office',
  'governance_office',
  'station_chief',
  'community_officer',
  'contact_officer',
  'auxiliary',
] as const satisfies readonly Role[];

export const TRANSITIONS = [
  'triage',
  'assign',
  'accept',
  'return',
  'reassign',
  'feedback',
  'verify',
  'close',
  'merge',
  'urge',
  'escalate',
] as const;
export type TransitionName = (typeof TRANSITIONS)[number];

export const TRANSITION_LABELS: Record<TransitionName, { zh: string; en: string }> = {
  triage: { zh: '研判', en: 'Triage' },
  assign: { zh: '交办', en: 'Assign' },
  accept: { zh: '签收', en: 'Accept' },
  return: { zh: '退回', en: 'Return' },
  reassign: { zh: '改派', en: 'Reassign' },
  feedback: { zh: '反馈', en: 'Feedback' },
  verify: { zh: '核实回访', en: 'Verify' },
  close: { zh: '办结', en: 'Close' },
  merge: { zh: '合并', en: 'Merge as duplicate' },
  urge: { zh: '催办', en: 'Urge' },
  escalate: { zh: '升级督办', en: 'Escalate' },
};

/** The scheduled supervision job acts as `system`; it is no Cognito role. */
export type MatterActor = Role | 'system' | 'integrator';

/** What a transition's target status may depend on (validated by the body schemas first). */
export interface TransitionInput {
  /** verify: did the resident confirm on the call-back? */
  satisfied?: boolean;
  /** close: the final outcome. */
  outcome?: MatterOutcome;
}

export interface TransitionRule {
  name: TransitionName;
  from: readonly MatterStatus[];
  /** The target status, or how it follows from the current status and the input. */
  to: MatterStatus | ((from: MatterStatus, input: TransitionInput) => MatterStatus);
  /** Every status `to` can produce, for documentation, the portal and generated tests. */
  toAny: readonly MatterStatus[];
  roles: readonly Role[];
  /** The supervision job may make it too. */
  system: boolean;
  /**
   * The caller must be the current assignee: an officer of the assigned police unit (or the
   * assigned officer) or staff of the assigned agency. The API checks it against the matter.
   */
  assigneeOnly: boolean;
  /** The body must carry a reason/note (the schema enforces it; stated here for the portal). */
  reasonRequired: boolean;
}

const ASSIGNERS = ['program_office', 'governance_office', 'station_chief'] as const satisfies readonly Role[];
const ASSIGNEES = ['station_chief', 'community_officer', 'contact_officer', 'agency_staff'] as const satisfies readonly Role[];
const SUPERVISORS = MATTER_SUPERVISORS;
/** Statuses in which someone owes work against a deadline. */
const IN_HAND = ['assigned', 'accepted'] as const satisfies readonly MatterStatus[];

const same = (from: MatterStatus) => from;

function requireInput<K extends keyof TransitionInput>(name: TransitionName, from: MatterStatus, input: TransitionInput, key: K) {
  const value = input[key];
  if (value === undefined) throw new TransitionNotAllowed(name, from, undefined, 'input', `${key} is required`);
  return value as NonNullable<TransitionInput[K]>;
}

export const TRANSITION_TABLE: Record<TransitionName, TransitionRule> = {
  // 研判: set category, severity, police business; status stays (changing category re-routes).
  triage: {
    name: 'triage',
    from: ['triage', 'reopened'],
    to: same,
    toAny: ['triage', 'reopened'],
    roles: ['program_office', 'governance_office', 'station_chief'],
    system: false,
    assigneeOnly: false,
    reasonRequired: false,
  },
  assign: {
    name: 'assign',
    from: ['triage'],
    to: 'assigned',
    toAny: ['assigned'],
    roles: ASSIGNERS,
    system: false,
    assigneeOnly: false,
    reasonRequired: false,
  },
  accept: {
    name: 'accept',
    from: ['assigned'],
    to: 'accepted',
    toAny: ['accepted'],
    roles: ASSIGNEES,
    system: false,
    assigneeOnly: true,
    reasonRequired: false,
  },
  // "Not our duty" → back to triage, before or after accepting.
  return: {
    name: 'return',
    from: ['assigned', 'accepted'],
    to: 'triage',
    toAny: ['triage'],
    roles: ASSIGNEES,
    system: false,
    assigneeOnly: true,
    reasonRequired: true,
  },
  reassign: {
    name: 'reassign',
    from: ['assigned', 'accepted', 'feedback_given', 'reopened'],
    to: 'assigned',
    toAny: ['assigned'],
    roles: ASSIGNERS,
    system: false,
    assigneeOnly: false,
    reasonRequired: true,
  },
  feedback: {
    name: 'feedback',
    from: ['accepted'],
    to: 'feedback_given',
    toAny: ['feedback_given'],
    roles: ASSIGNEES,
    system: false,
    assigneeOnly: true,
    reasonRequired: true,
  },
  // 核实回访: satisfied → verified (then closed); not satisfied → reopened (then reassigned).
  verify: {
    name: 'verify',
    from: ['feedback_given'],
    to: (from, input) => (requireInput('verify', from, input, 'satisfied') ? 'verified' : 'reopened'),
    toAny: ['verified', 'reopened'],
    roles: ASSIGNERS,
    system: false,
    assigneeOnly: false,
    reasonRequired: false,
  },
  // 办结: only `resolved` closes as resolved; everything else closes as unresolved. From triage:
  // settled on the spot (当场化解) or information only.
  close: {
    name: 'close',
    from: ['triage', 'feedback_given', 'verified', 'reopened'],
    to: (from, input) => closedStatusFor(requireInput('close', from, input, 'outcome')),
    toAny: ['closed_resolved', 'closed_unresolved'],
    roles: ASSIGNERS,
    system: false,
    assigneeOnly: false,
    reasonRequired: false,
  },
  merge: {
    name: 'merge',
    from: ['triage', 'assigned', 'reopened'],
    to: 'merged',
    toAny: ['merged'],
    roles: ASSIGNERS,
    system: false,
    assigneeOnly: false,
    reasonRequired: false,
  },
  // 催办 and 升级: timeline events on an open, in-hand matter; the status stays.
  urge: {
    name: 'urge',
    from: IN_HAND,
    to: same,
    toAny: IN_HAND,
    roles: SUPERVISORS,
    system: true,
    assigneeOnly: false,
    reasonRequired: true,
  },
  escalate: {
    name: 'escalate',
    from: IN_HAND,
    to: same,
    toAny: IN_HAND,
    roles: ['program_office', 'governance_office', 'station_chief'],
    system: true,
    assigneeOnly: false,
    reasonRequired: true,
  },
};

export type TransitionRefusal = 'unknown_transition' | 'status' | 'role' | 'input';

/** Thrown for anything the table does not allow; the API answers 422. */
export class TransitionNotAllowed extends Error {
  readonly code: ErrorCode = 'TRANSITION_NOT_ALLOWED';
  constructor(
    readonly transition: string,
    readonly from: MatterStatus,
    readonly actor: MatterActor | undefined,
    readonly refusal: TransitionRefusal,
    detail?: string,
  ) {
    super(
      `不允许的操作：${transition}（当前状态 ${from}${actor ? `，角色 ${actor}` : ''}）${detail ? `：${detail}` : ''} / transition ${transition} not allowed from ${from}${actor ? ` for ${actor}` : ''} (${refusal})`,
    );
    this.name = 'TransitionNotAllowed';
  }
}

export function isTransitionName(value: unknown): value is TransitionName {
  return typeof value === 'string' && (TRANSITIONS as readonly string[]).includes(value);
}

function actorMay(rule: TransitionRule, actor: MatterActor): boolean {
  // An integrator only takes matters in; an agency's system acts as that agency's staff.
  if (actor === 'integrator') return false;
  return actor === 'system' ? rule.system : rule.roles.includes(actor);
}

/** The transitions an actor may make on a matter in `status` (assignee checks aside). */
export function allowedTransitions(status: MatterStatus, actor: MatterActor): TransitionName[] {
  return TRANSITIONS.filter((name) => {
    const rule = TRANSITION_TABLE[name];
    return rule.from.includes(status) && actorMay(rule, actor);
  });
}

/** The rule if the actor may make the transition from `status`; throws `TransitionNotAllowed`. */
export function authorizeTransition(transition: string, status: MatterStatus, actor: MatterActor): TransitionRule {
  if (!isTransitionName(transition)) throw new TransitionNotAllowed(transition, status, actor, 'unknown_transition');
  const rule = TRANSITION_TABLE[transition];
  if (!rule.from.includes(status)) throw new TransitionNotAllowed(transition, status, actor, 'status');
  if (!actorMay(rule, actor)) throw new TransitionNotAllowed(transition, status, actor, 'role');
  return rule;
}

/** The status after the transition; throws `TransitionNotAllowed` for anything not in the table. */
export function nextStatus(transition: string, status: MatterStatus, input: TransitionInput = {}): MatterStatus {
  if (!isTransitionName(transition)) throw new TransitionNotAllowed(transition, status, undefined, 'unknown_transition');
  const rule = TRANSITION_TABLE[transition];
  if (!rule.from.includes(status)) throw new TransitionNotAllowed(transition, status, undefined, 'status');
  return typeof rule.to === 'function' ? rule.to(status, input) : rule.to;
}

/** Both checks at once: what the API calls before writing the transaction. */
export function applyTransition(
  transition: string,
  status: MatterStatus,
  actor: MatterActor,
  input: TransitionInput = {},
): { rule: TransitionRule; to: MatterStatus } {
  const rule = authorizeTransition(transition, status, actor);
  return { rule, to: nextStatus(transition, status, input) };
}
