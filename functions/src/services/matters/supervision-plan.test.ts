import { describe, expect, it } from 'vitest';
import { DEFAULT_MATTER_CONFIG, addHours, type MatterConfig } from '@beatlink/shared';
import type { StoredMatter } from '../../data/matters';
import { planSupervision, supervisionEventId, type SupervisionChanges } from './supervision-plan';

const ASSIGNED = '2030-01-01T00:00:00.000Z';
const ACCEPT_BY = '2030-01-01T08:00:00.000Z';
const FEEDBACK_BY = '2030-01-04T00:00:00.000Z';
const config: MatterConfig = DEFAULT_MATTER_CONFIG; // remind 4 h before; police ladder 0/0/24/72 h, agency 0/0/48 h

function matter(overrides: Partial<StoredMatter> = {}): StoredMatter {
  return {
    id: 'mat_01JD3Z6Q9V8C2M4N5P6R7S8T9V',
    tenantId: '370283',
    kind: 'demand',
    source: 'officer',
    status: 'assigned',
    title: '路灯损坏',
    description: '村口路灯损坏多日',
    categoryId: 'public_order',
    categoryName: '治安',
    severity: 'medium',
    linkage: false,
    villageId: 'vil_01JD3Z6Q9V8C2M4N5P6R7S8T9V',
    villageName: '东村',
    officeId: 'ofc_01JD3Z6Q9V8C2M4N5P6R7S8T9V',
    workstationId: 'wks_01JD3Z6Q9V8C2M4N5P6R7S8T9V',
    stationId: 'stn_01JD3Z6Q9V8C2M4N5P6R7S8T9V',
    occurredAt: '2029-12-31T20:00:00.000Z',
    attachmentIds: [],
    holder: { type: 'office', id: 'ofc_01JD3Z6Q9V8C2M4N5P6R7S8T9V', name: '东村警务室', stationId: 'stn_01JD3Z6Q9V8C2M4N5P6R7S8T9V' },
    assignedAt: ASSIGNED,
    acceptBy: ACCEPT_BY,
    feedbackBy: FEEDBACK_BY,
    mergedCount: 0,
    supervision: { escalationLevel: 0, urgeCount: 0 },
    returnCount: 0,
    reopenCount: 0,
    createdByName: '王警官',
    version: 3,
    createdAt: '2029-12-31T21:00:00.000Z',
    updatedAt: ASSIGNED,
    createdBy: 'program.370283',
    updatedBy: 'program.370283',
    ...overrides,
  };
}

/** Plans and applies the plan, as a successful run would leave the matter. */
function run(m: StoredMatter, at: string, cfg: MatterConfig = config): { plan: SupervisionChanges; after: StoredMatter } {
  const plan = planSupervision(m, at, cfg);
  return { plan, after: plan.next ?? m };
}

const types = (plan: SupervisionChanges) => plan.events.map((e) => e.type);

describe('planSupervision', () => {
  it('does nothing before the reminder window, or without a running deadline', () => {
    expect(planSupervision(matter(), addHours(ACCEPT_BY, -5), config).next).toBeUndefined();
    expect(planSupervision(matter({ status: 'triage' }), addHours(ACCEPT_BY, 10), config).events).toEqual([]);
    expect(planSupervision(matter({ status: 'feedback_given' }), addHours(FEEDBACK_BY, 10), config).events).toEqual([]);
  });

  it('reminds once within remindBeforeHours, then a re-plan finds nothing', () => {
    const at = addHours(ACCEPT_BY, -3);
    const { plan, after } = run(matter(), at);
    expect(types(plan)).toEqual(['reminded']);
    expect(plan.reminded).toBe(true);
    expect(plan.events[0]).toMatchObject({ by: 'system', byRole: 'system', at, data: { deadline: ACCEPT_BY, hoursLeft: 3 } });
    expect(plan.events[0]!.note).toContain('签收时限');
    expect(after).toMatchObject({ version: 4, supervision: { deadline: ACCEPT_BY, remindedAt: at, escalationLevel: 0, urgeCount: 0 } });
    expect(plan.notifications).toHaveLength(1);
    expect(plan.notifications[0]).toMatchObject({ reason: 'deadline_near', audience: { kind: 'unit', key: 'UNIT#ofc_01JD3Z6Q9V8C2M4N5P6R7S8T9V' }, level: 0, deadline: ACCEPT_BY });
    expect(plan.notifications[0]!.message).toContain('2030-01-01 16:00'); // Asia/Shanghai

    expect(planSupervision(after, addHours(ACCEPT_BY, -1), config).next).toBeUndefined();
  });

  it('reminds the named officer, when there is one', () => {
    const m = matter({ holder: { ...matter().holder!, officerId: 'ofr_01JD3Z6Q9V8C2M4N5P6R7S8T9V', officerName: '李警官' } });
    expect(planSupervision(m, addHours(ACCEPT_BY, -1), config).notifications.map((n) => n.audience.key)).toEqual(['OFFICER#ofr_01JD3Z6Q9V8C2M4N5P6R7S8T9V']);
  });

  it('marks overdue and urges once; a re-plan finds nothing', () => {
    // A ladder whose first rung above the assignee waits 5 h, so the overdue run does not escalate.
    const slow: MatterConfig = { ...config, escalation: { ...config.escalation, police: [{ roles: ['community_officer'], afterOverdueHours: 0 }, { roles: ['station_chief'], afterOverdueHours: 5 }] } };
    const at = addHours(ACCEPT_BY, 3 + 1 / 60);
    const { plan, after } = run(matter(), at, slow);
    expect(types(plan)).toEqual(['overdue', 'urge']);
    expect(plan).toMatchObject({ overdue: true, reminded: false });
    expect(plan.escalatedTo).toBeUndefined();
    expect(plan.events[1]).toMatchObject({ type: 'urge', from: 'assigned', to: 'assigned', by: 'system', note: '已超过签收时限 3 小时，请尽快办理' });
    expect(after.supervision).toMatchObject({ deadline: ACCEPT_BY, overdueAt: at, urgeCount: 1, escalationLevel: 0 });
    // The holder, and the next level up.
    expect(plan.notifications.map((n) => [n.reason, n.audience.key])).toEqual([
      ['overdue', 'UNIT#ofc_01JD3Z6Q9V8C2M4N5P6R7S8T9V'],
      ['overdue', 'ROLE#station_chief#stn_01JD3Z6Q9V8C2M4N5P6R7S8T9V'],
    ]);
    // Events of a run sort in the order they happened.
    expect(plan.events.map((e) => e.id)).toEqual([...plan.events.map((e) => e.id)].sort());

    expect(planSupervision(after, addHours(at, 0.5), slow).next).toBeUndefined();
  });

  it('does not remind a matter first seen overdue', () => {
    const { plan } = run(matter(), addHours(ACCEPT_BY, 0.5));
    expect(types(plan)).not.toContain('reminded');
  });

  it('escalates by the ladder, one level per run, never beyond it', () => {
    // Police ladder: level 1 (station chief) at 0 h overdue, 2 (program office) at 24 h, 3 (governance office, bureau leader) at 72 h.
    let m = matter();
    const first = run(m, addHours(ACCEPT_BY, 1));
    expect(types(first.plan)).toEqual(['overdue', 'urge', 'escalate']);
    expect(first.plan.escalatedTo).toBe(1);
    expect(first.plan.events[2]).toMatchObject({ data: { level: 1, roles: ['station_chief'] } });
    expect(first.plan.events[2]!.note).toContain('派出所所长');
    // The station chief hears of it once, by the escalation.
    expect(first.plan.notifications.map((n) => [n.reason, n.audience.key])).toEqual([
      ['overdue', 'UNIT#ofc_01JD3Z6Q9V8C2M4N5P6R7S8T9V'],
      ['escalated', 'ROLE#station_chief#stn_01JD3Z6Q9V8C2M4N5P6R7S8T9V'],
    ]);
    m = first.after;
    expect(planSupervision(m, addHours(ACCEPT_BY, 23), config).next).toBeUndefined();

    // 100 h overdue: rungs 2 and 3 are both due, but one level per run.
    const second = run(m, addHours(ACCEPT_BY, 100));
    expect(types(second.plan)).toEqual(['escalate']);
    expect(second.plan.escalatedTo).toBe(2);
    expect(second.plan.notifications.map((n) => n.audience.key)).toEqual(['ROLE#program_office']);
    m = second.after;
    const third = run(m, addHours(ACCEPT_BY, 100));
    expect(third.plan.escalatedTo).toBe(3);
    expect(third.plan.notifications.map((n) => n.audience.key)).toEqual(['ROLE#governance_office', 'ROLE#bureau_leader']);
    m = third.after;
    expect(m.supervision).toMatchObject({ escalationLevel: 3, urgeCount: 1 });
    expect(planSupervision(m, addHours(ACCEPT_BY, 1000), config).next).toBeUndefined();
  });

  it('starts afresh for the feedback deadline after accept', () => {
    const overdue = run(matter(), addHours(ACCEPT_BY, 30)).after;
    // Accepting resets supervision (transition-effects); even stale markers of acceptBy do not count.
    const accepted = { ...overdue, status: 'accepted' as const, acceptedAt: addHours(ACCEPT_BY, 31), version: overdue.version + 1 };
    expect(planSupervision(accepted, addHours(FEEDBACK_BY, -10), config).next).toBeUndefined();
    const { plan, after } = run(accepted, addHours(FEEDBACK_BY, -2));
    expect(types(plan)).toEqual(['reminded']);
    expect(plan.events[0]!.note).toContain('反馈时限');
    expect(after.supervision).toMatchObject({ deadline: FEEDBACK_BY, remindedAt: addHours(FEEDBACK_BY, -2) });
    expect(after.supervision.overdueAt).toBeUndefined();
    expect(types(run(after, addHours(FEEDBACK_BY, 1)).plan)).toEqual(['overdue', 'urge']);
  });

  it('uses the agency ladder for agency holders', () => {
    const m = matter({ holder: { type: 'agency', id: 'agy_01JD3Z6Q9V8C2M4N5P6R7S8T9V', name: '民政局' }, linkage: true });
    const first = run(m, addHours(ACCEPT_BY, 1));
    expect(first.plan.escalatedTo).toBe(1);
    expect(first.plan.events.at(-1)).toMatchObject({ type: 'escalate', data: { level: 1, roles: ['program_office'] } });
    expect(first.plan.notifications.map((n) => n.audience.key)).toEqual(['AGENCY#agy_01JD3Z6Q9V8C2M4N5P6R7S8T9V', 'ROLE#program_office']);
    // Agency ladder: level 2 at 48 h (the police ladder's level 2 would be at 24 h).
    expect(planSupervision(first.after, addHours(ACCEPT_BY, 30), config).next).toBeUndefined();
    expect(run(first.after, addHours(ACCEPT_BY, 48)).plan.escalatedTo).toBe(2);
  });

  it('gives the same ids when the same version is planned twice, and new ones for a new cycle', () => {
    const at = addHours(ACCEPT_BY, 1);
    const a = planSupervision(matter(), at, config);
    const b = planSupervision(matter(), at, config);
    expect(a.events.map((e) => e.id)).toEqual(b.events.map((e) => e.id));
    expect(a.notifications.map((n) => n.id)).toEqual(b.notifications.map((n) => n.id));
    expect(a.events[0]!.id).toMatch(/^mev_[0-9A-HJKMNP-TV-Z]{26}$/);
    // Reassigned to the same unit with the same deadline: a new cycle, new notification ids.
    const reassigned = planSupervision(matter({ assignedAt: addHours(ASSIGNED, 1) }), at, config);
    expect(reassigned.notifications.map((n) => n.id)).not.toEqual(a.notifications.map((n) => n.id));
    expect(supervisionEventId(matter(), at, 0)).not.toEqual(supervisionEventId(matter({ version: 4 }), at, 0));
  });
});
