import { describe, expect, it } from 'vitest';
import { ROLES } from '../roles';
import { MATTER_OUTCOMES, MATTER_STATUSES, TERMINAL_STATUSES, closedStatusFor, isOpenStatus, type MatterStatus } from './kinds';
import {
  INITIAL_STATUS,
  TRANSITIONS,
  TRANSITION_TABLE,
  TransitionNotAllowed,
  allowedTransitions,
  applyTransition,
  authorizeTransition,
  nextStatus,
  type MatterActor,
  type TransitionInput,
} from './transitions';

const ACTORS: MatterActor[] = [...ROLES, 'system'];
/** Inputs that reach every target status a rule can produce. */
const INPUTS: TransitionInput[] = [{ satisfied: true, outcome: 'resolved' }, { satisfied: false, outcome: 'unresolved' }];

function refusal(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(TransitionNotAllowed);
    expect((error as TransitionNotAllowed).code).toBe('TRANSITION_NOT_ALLOWED');
    return (error as TransitionNotAllowed).refusal;
  }
}

describe('the transition table (generated: every actor × transition × status)', () => {
  for (const actor of ACTORS) {
    for (const name of TRANSITIONS) {
      const rule = TRANSITION_TABLE[name];
      const mayAct = actor === 'system' ? rule.system : (rule.roles as readonly string[]).includes(actor);
      for (const status of MATTER_STATUSES) {
        const fromOk = rule.from.includes(status);
        it(`${actor} ${name} from ${status}: ${fromOk && mayAct ? 'allowed' : 'refused'}`, () => {
          expect(allowedTransitions(status, actor).includes(name)).toBe(fromOk && mayAct);
          if (!fromOk) {
            expect(refusal(() => authorizeTransition(name, status, actor))).toBe('status');
            expect(refusal(() => nextStatus(name, status, INPUTS[0]))).toBe('status');
          } else if (!mayAct) {
            expect(refusal(() => authorizeTransition(name, status, actor))).toBe('role');
          } else {
            for (const input of INPUTS) {
              const { to } = applyTransition(name, status, actor, input);
              expect(rule.toAny).toContain(to);
            }
          }
        });
      }
    }
  }
});

describe('table invariants', () => {
  it('never leaves a terminal status', () => {
    for (const status of TERMINAL_STATUSES) {
      for (const actor of ACTORS) expect(allowedTransitions(status, actor)).toEqual([]);
    }
  });
  it('reaches every status from the initial one', () => {
    const seen = new Set<MatterStatus>([INITIAL_STATUS]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const rule of Object.values(TRANSITION_TABLE)) {
        for (const from of rule.from) {
          if (!seen.has(from)) continue;
          for (const to of rule.toAny) {
            if (seen.has(to)) continue;
            seen.add(to);
            grew = true;
          }
        }
      }
    }
    expect([...seen].sort()).toEqual([...MATTER_STATUSES].sort());
  });
  it('lets every open status go somewhere', () => {
    for (const status of MATTER_STATUSES.filter(isOpenStatus)) {
      expect(TRANSITIONS.some((t) => TRANSITION_TABLE[t].from.includes(status))).toBe(true);
    }
  });
  it('names itself under its own key and grants nothing to platform or province users', () => {
    for (const name of TRANSITIONS) {
      const rule = TRANSITION_TABLE[name];
      expect(rule.name).toBe(name);
      expect(rule.roles).not.toContain('platform_admin');
      expect(rule.roles).not.toContain('province_viewer');
    }
  });
  it('keeps the assignee-only steps for assignees, and agency staff to those steps', () => {
    for (const name of TRANSITIONS) {
      const rule = TRANSITION_TABLE[name];
      expect(rule.roles.includes('agency_staff')).toBe(rule.assigneeOnly);
    }
    expect(TRANSITIONS.filter((t) => TRANSITION_TABLE[t].assigneeOnly)).toEqual(['accept', 'return', 'feedback']);
  });
  it('refuses unknown transitions', () => {
    expect(refusal(() => nextStatus('reopen', 'triage'))).toBe('unknown_transition');
    expect(refusal(() => authorizeTransition('delete', 'triage', 'program_office'))).toBe('unknown_transition');
  });
});

describe('the loop', () => {
  it('runs intake → assign → accept → feedback → verify unsatisfied → reassign → … → closed resolved', () => {
    let s: MatterStatus = INITIAL_STATUS;
    s = applyTransition('triage', s, 'program_office').to;
    expect(s).toBe('triage');
    s = applyTransition('assign', s, 'program_office').to;
    s = applyTransition('accept', s, 'agency_staff').to;
    s = applyTransition('feedback', s, 'agency_staff').to;
    expect(s).toBe('feedback_given');
    s = applyTransition('verify', s, 'program_office', { satisfied: false }).to;
    expect(s).toBe('reopened');
    s = applyTransition('reassign', s, 'program_office').to;
    s = applyTransition('accept', s, 'community_officer').to;
    s = applyTransition('feedback', s, 'community_officer').to;
    s = applyTransition('verify', s, 'program_office', { satisfied: true }).to;
    expect(s).toBe('verified');
    s = applyTransition('close', s, 'program_office', { outcome: 'resolved' }).to;
    expect(s).toBe('closed_resolved');
  });
  it('sends a returned matter back to triage', () => {
    expect(nextStatus('return', 'assigned')).toBe('triage');
    expect(nextStatus('return', 'accepted')).toBe('triage');
  });
  it('keeps the status on urge and escalate, and lets the job make both', () => {
    expect(applyTransition('urge', 'assigned', 'system').to).toBe('assigned');
    expect(applyTransition('escalate', 'accepted', 'system').to).toBe('accepted');
    expect(allowedTransitions('accepted', 'system')).toEqual(['urge', 'escalate']);
  });
  it('needs the input that decides the target', () => {
    expect(refusal(() => nextStatus('verify', 'feedback_given', {}))).toBe('input');
    expect(refusal(() => nextStatus('close', 'verified', {}))).toBe('input');
  });
});

describe('resolved vs closed-unresolved', () => {
  it('are distinct terminal statuses; only `resolved` closes as resolved', () => {
    expect(TERMINAL_STATUSES).toContain('closed_resolved');
    expect(TERMINAL_STATUSES).toContain('closed_unresolved');
    for (const outcome of MATTER_OUTCOMES) {
      const to = nextStatus('close', 'feedback_given', { outcome });
      expect(to).toBe(outcome === 'resolved' ? 'closed_resolved' : 'closed_unresolved');
      expect(closedStatusFor(outcome)).toBe(to);
    }
  });
  it('a satisfied verification alone never closes anything', () => {
    expect(nextStatus('verify', 'feedback_given', { satisfied: true })).toBe('verified');
  });
});
