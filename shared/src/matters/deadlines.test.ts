import { describe, expect, it } from 'vitest';
import { DEFAULT_MATTER_CONFIG } from './config';
import {
  activeDeadline,
  addHours,
  computeDeadlines,
  escalationLadderFor,
  nextEscalation,
  overdueHours,
  supervisionState,
} from './deadlines';

const T0 = '2026-05-12T01:30:00.000Z';

describe('SLA deadlines', () => {
  it('count wall-clock hours from assignment, UTC ISO in and out', () => {
    // public_order is urgent: 1 h to accept, 12 h to feed back when high.
    expect(computeDeadlines(DEFAULT_MATTER_CONFIG, 'public_order', 'high', T0)).toEqual({
      acceptBy: '2026-05-12T02:30:00.000Z',
      feedbackBy: '2026-05-12T13:30:00.000Z',
    });
    // labour, low: 24 h / 168 h — across a month end as well.
    expect(computeDeadlines(DEFAULT_MATTER_CONFIG, 'labour', 'low', '2026-05-30T20:00:00.000Z')).toEqual({
      acceptBy: '2026-05-31T20:00:00.000Z',
      feedbackBy: '2026-06-06T20:00:00.000Z',
    });
  });
  it('accepts an offset time and answers in UTC', () => {
    expect(computeDeadlines(DEFAULT_MATTER_CONFIG, 'public_order', 'high', '2026-05-12T09:30:00+08:00').acceptBy).toBe(
      '2026-05-12T02:30:00.000Z',
    );
  });
  it('takes overrides as given', () => {
    const d = computeDeadlines(DEFAULT_MATTER_CONFIG, 'traffic', 'medium', T0, { feedbackBy: '2026-05-20T00:00:00Z' });
    expect(d).toEqual({ acceptBy: addHours(T0, 4), feedbackBy: '2026-05-20T00:00:00.000Z' });
  });
  it('refuses an unknown category or a bad time', () => {
    expect(() => computeDeadlines(DEFAULT_MATTER_CONFIG, 'ghost', 'high', T0)).toThrow(RangeError);
    expect(() => computeDeadlines(DEFAULT_MATTER_CONFIG, 'traffic', 'high', 'yesterday')).toThrow(RangeError);
  });
});

describe('supervision state', () => {
  const acceptBy = '2026-05-12T10:00:00.000Z';
  const feedbackBy = '2026-05-15T10:00:00.000Z';
  const assigned = { status: 'assigned' as const, acceptBy, feedbackBy };

  it('watches the deadline of the status', () => {
    expect(activeDeadline(assigned)).toBe(acceptBy);
    expect(activeDeadline({ ...assigned, status: 'accepted' })).toBe(feedbackBy);
    expect(activeDeadline({ ...assigned, status: 'triage' })).toBeUndefined();
    expect(supervisionState({ ...assigned, status: 'closed_unresolved' }, '2027-01-01T00:00:00.000Z', 4)).toBe('ok');
  });
  it('has exact boundaries: due_soon from remindBeforeHours before (inclusive), overdue only after', () => {
    expect(supervisionState(assigned, '2026-05-12T05:59:59.999Z', 4)).toBe('ok');
    expect(supervisionState(assigned, '2026-05-12T06:00:00.000Z', 4)).toBe('due_soon');
    expect(supervisionState(assigned, '2026-05-12T10:00:00.000Z', 4)).toBe('due_soon');
    expect(supervisionState(assigned, '2026-05-12T10:00:00.001Z', 4)).toBe('overdue');
    expect(supervisionState(assigned, '2026-05-12T09:00:00.000Z', 0)).toBe('ok');
  });
  it('an accepted matter is judged by its feedback deadline', () => {
    expect(supervisionState({ ...assigned, status: 'accepted' }, '2026-05-13T00:00:00.000Z', 4)).toBe('ok');
    expect(overdueHours({ ...assigned, status: 'accepted' }, '2026-05-15T13:00:00.000Z')).toBe(3);
  });
});

describe('escalation', () => {
  const ladder = escalationLadderFor(DEFAULT_MATTER_CONFIG, 'police');
  const matter = { status: 'accepted' as const, feedbackBy: '2026-05-15T10:00:00.000Z' };

  it('does nothing before the deadline', () => {
    expect(nextEscalation(ladder, 0, matter, '2026-05-15T10:00:00.000Z')).toBeUndefined();
  });
  it('goes one level at a time, each when due', () => {
    const justOver = '2026-05-15T10:00:01.000Z';
    expect(nextEscalation(ladder, 0, matter, justOver)).toMatchObject({ level: 1, rung: { roles: ['station_chief'] } });
    // Level 2 (program office) is due 24 h after the deadline.
    expect(nextEscalation(ladder, 1, matter, justOver)).toBeUndefined();
    expect(nextEscalation(ladder, 1, matter, '2026-05-16T10:00:00.000Z')).toMatchObject({ level: 2, rung: { roles: ['program_office'] } });
    // Even long overdue, a re-run from level 1 only moves one rung.
    expect(nextEscalation(ladder, 1, matter, '2026-06-30T00:00:00.000Z')?.level).toBe(2);
    expect(nextEscalation(ladder, 2, matter, '2026-05-18T10:00:00.000Z')?.rung.roles).toEqual(['governance_office', 'bureau_leader']);
  });
  it('stops at the top of the ladder', () => {
    expect(nextEscalation(ladder, ladder.length - 1, matter, '2027-01-01T00:00:00.000Z')).toBeUndefined();
  });
  it('uses the agency ladder for agency matters', () => {
    const agency = escalationLadderFor(DEFAULT_MATTER_CONFIG, 'agency');
    expect(nextEscalation(agency, 0, matter, '2026-05-15T11:00:00.000Z')?.rung.roles).toEqual(['program_office']);
  });
});
