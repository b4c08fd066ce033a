import { beforeAll, describe, expect, inject, it } from 'vitest';
import { addHours, type EscalationLevel, type Matter, type MatterEvent, type Me, type Page, type TenantConfig, type Village } from '@beatlink/shared';
import { applyHandlerEnv } from '@beatlink/infra/local/handler-runtime';
import type * as NotificationData from '@beatlink/functions/data/notifications';
import type * as MatterData from '@beatlink/functions/data/matters';
import type * as SupervisionJob from '@beatlink/functions/jobs/supervise-matters';
import type * as SupervisionService from '@beatlink/functions/services/matters/supervision';
import { apiAs, type ApiClient } from '../support/api';
import '../support/provided';

/**
 * 督导 with an injected clock (issue #3): the supervision job run in this process against the
 * test stack — the same handler the scheduler and `npm run job` invoke — on a matter taken in and
 * assigned through the API with deadlines in 2030, so real time never interferes.
 */
const config = inject('stackConfig');
const logins = inject('logins');
// The second demo county: running the job far in the future touches every open matter of the
// county, and the other suites (and the browser suite, which runs at the same time) work in 370283.
const TENANT = '370211';

type JobResult = SupervisionJob.SuperviseMattersResult;
type Counts = JobResult['tenants'][number];
type Notifications = typeof NotificationData;
type Matters = typeof MatterData;
type Supervision = typeof SupervisionService;

let runJob: (event: unknown) => Promise<JobResult>;
let notifications: Notifications;
let matters: Matters;
let supervision: Supervision;
let office: ApiClient;
let community: ApiClient;
let officeId: string;
let villageId: string;
let remindBeforeHours: number;
let ladder: readonly EscalationLevel[];

const BASE = '2030-06-01T00:00:00.000Z';
const ACCEPT_BY = addHours(BASE, 8);
const FEEDBACK_BY = addHours(BASE, 72);
const MINUTE = 1 / 60;

async function supervise(at: string): Promise<Counts> {
  const result = await runJob({ job: 'supervise-matters', tenantId: TENANT, at });
  expect(result.tenants).toHaveLength(1);
  return result.tenants[0]!;
}

const only = (counts: Counts) => ({ reminded: counts.reminded, overdue: counts.overdue, escalated: counts.escalated, skipped: counts.skipped });
const NONE = { reminded: 0, overdue: 0, escalated: 0, skipped: 0 };

async function timeline(id: string): Promise<MatterEvent[]> {
  return (await office.get<{ items: MatterEvent[] }>(`/matters/${id}/timeline`)).items;
}
const systemEvents = async (id: string) => (await timeline(id)).filter((e) => e.byRole === 'system');
/** The job's events on a matter that are not among `seen` (the timeline sorts by time, not by write). */
const newSystemEvents = async (id: string, seen: readonly MatterEvent[]) => (await systemEvents(id)).filter((e) => !seen.some((s) => s.id === e.id));

async function newAssignedMatter(title: string, deadlines = { acceptBy: ACCEPT_BY, feedbackBy: FEEDBACK_BY }): Promise<Matter> {
  const created = await office.post<Matter>('/matters', {
    kind: 'demand',
    source: 'officer',
    villageId,
    categoryId: 'public_order',
    severity: 'medium',
    title,
    description: `${title}：村民反映夜间有陌生人在村口徘徊，请社区民警核实。`,
    occurredAt: new Date().toISOString(),
  });
  return office.post<Matter>(`/matters/${created.id}/assign`, { version: created.version, assignee: { type: 'office', id: officeId }, ...deadlines });
}

beforeAll(async () => {
  applyHandlerEnv(config);
  // Imported after the environment is set: handler modules read it once, at import.
  runJob = (await import('@beatlink/functions/jobs/supervise-matters')).handler as (event: unknown) => Promise<JobResult>;
  notifications = await import('@beatlink/functions/data/notifications');
  matters = await import('@beatlink/functions/data/matters');
  supervision = await import('@beatlink/functions/services/matters/supervision');
  office = await apiAs(config, logins.byTenant[TENANT]!.program_office!);
  community = await apiAs(config, logins.byTenant[TENANT]!.community_officer!);
  const me = await community.get<Me>('/me');
  officeId = me.unitId!;
  expect(officeId).toMatch(/^ofc_/);
  const villages = await office.get<Page<Village>>('/directory/villages', { officeId, limit: 1 });
  villageId = villages.items[0]!.id;
  const county = await office.get<TenantConfig>('/config');
  remindBeforeHours = county.matters.remindBeforeHours;
  ladder = county.matters.escalation.police;

  // Settle whatever other suites left open in the county: after this, a run at any time before
  // 2040 has nothing to do for those matters, so the counts below are this file's matters only.
  for (let i = 0; i < 12; i++) {
    const counts = await supervise('2040-01-01T00:00:00.000Z');
    if (counts.reminded + counts.overdue + counts.escalated + counts.skipped === 0) break;
    if (i === 11) throw new Error(`supervision does not settle: ${JSON.stringify(counts)}`);
  }
});

describe('supervision job (督导)', () => {
  let matter: Matter;

  it('does nothing well before the deadline', async () => {
    matter = await newAssignedMatter('督导测试：签收时限');
    expect(matter).toMatchObject({ status: 'assigned', acceptBy: ACCEPT_BY, feedbackBy: FEEDBACK_BY });
    expect(only(await supervise(addHours(ACCEPT_BY, -(remindBeforeHours + 2))))).toEqual(NONE);
    expect(await systemEvents(matter.id)).toEqual([]);
  });

  it('reminds once within remindBeforeHours of the deadline, never twice', async () => {
    const at = addHours(ACCEPT_BY, -remindBeforeHours / 2);
    expect(only(await supervise(at))).toEqual({ ...NONE, reminded: 1 });
    const events = await systemEvents(matter.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'reminded', at, by: 'system', byRole: 'system', data: { deadline: ACCEPT_BY, hoursLeft: remindBeforeHours / 2 } });

    expect(only(await supervise(at))).toEqual(NONE);
    expect(only(await supervise(addHours(at, remindBeforeHours / 4)))).toEqual(NONE);
    expect(await systemEvents(matter.id)).toHaveLength(1);
    const inbox = await notifications.listNotificationsFor(TENANT, `UNIT#${officeId}`, { limit: 100 });
    expect(inbox.items.filter((n) => n.matterId === matter.id).map((n) => n.reason)).toEqual(['deadline_near']);
  });

  it('marks overdue and urges once just after the deadline', async () => {
    const at = addHours(ACCEPT_BY, MINUTE);
    const seen = await systemEvents(matter.id);
    const counts = await supervise(at);
    // The ladder's first rung above the assignee may be due at once (the default: 0 h).
    const escalatesNow = (ladder[1]?.afterOverdueHours ?? Infinity) <= MINUTE;
    expect(only(counts)).toEqual({ ...NONE, overdue: 1, escalated: escalatesNow ? 1 : 0 });
    const events = await newSystemEvents(matter.id, seen);
    expect(events.map((e) => e.type)).toEqual(escalatesNow ? ['overdue', 'urge', 'escalate'] : ['overdue', 'urge']);
    expect(events[1]).toMatchObject({ type: 'urge', from: 'assigned', to: 'assigned', byRole: 'system', at });
    expect(events[1]!.note).toMatch(/^已超过签收时限.*请尽快办理$/);
    const current = await office.get<Matter>(`/matters/${matter.id}`);
    expect(current.supervision).toMatchObject({ deadline: ACCEPT_BY, overdueAt: at, urgeCount: 1, escalationLevel: escalatesNow ? 1 : 0 });

    expect(only(await supervise(at))).toEqual(NONE);
    expect(only(await supervise(addHours(at, MINUTE)))).toEqual(NONE);
    expect(await systemEvents(matter.id)).toHaveLength(seen.length + events.length);
  });

  it('escalates one level per run at each rung of the ladder, never beyond it', async () => {
    let level = (await office.get<Matter>(`/matters/${matter.id}`)).supervision.escalationLevel;
    for (let next = level + 1; next < ladder.length; next++) {
      const rung = ladder[next]!;
      if (rung.afterOverdueHours >= 1 && rung.afterOverdueHours - 0.5 > (ladder[level]?.afterOverdueHours ?? 0)) {
        expect(only(await supervise(addHours(ACCEPT_BY, rung.afterOverdueHours - 0.5)))).toEqual(NONE);
      }
      const before = await systemEvents(matter.id);
      expect(only(await supervise(addHours(ACCEPT_BY, rung.afterOverdueHours + MINUTE)))).toEqual({ ...NONE, escalated: 1 });
      const added = await newSystemEvents(matter.id, before);
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({ type: 'escalate', byRole: 'system', data: { level: next, roles: rung.roles } });
      level = next;
    }
    expect(level).toBe(ladder.length - 1);
    expect(only(await supervise(addHours(ACCEPT_BY, 10_000)))).toEqual(NONE);
    const current = await office.get<Matter>(`/matters/${matter.id}`);
    expect(current.supervision).toMatchObject({ deadline: ACCEPT_BY, escalationLevel: ladder.length - 1, urgeCount: 1 });
    // Each escalation told its rung's roles once (the county offices county-wide).
    const top = ladder.at(-1)!.roles.find((r) => ['program_office', 'governance_office', 'bureau_leader'].includes(r));
    if (top) {
      const inbox = await notifications.listNotificationsFor(TENANT, `ROLE#${top}`, { limit: 100 });
      expect(inbox.items.filter((n) => n.matterId === matter.id && n.reason === 'escalated' && n.level === ladder.length - 1)).toHaveLength(1);
    }
  });

  it('starts afresh for the feedback deadline once the assignee accepts', async () => {
    const current = await office.get<Matter>(`/matters/${matter.id}`);
    const accepted = await community.post<Matter>(`/matters/${matter.id}/accept`, { version: current.version, note: '已签收，马上核实' });
    expect(accepted.status).toBe('accepted');
    expect(accepted.supervision).toEqual({ escalationLevel: 0, urgeCount: 0 });
    const before = await systemEvents(matter.id);

    expect(only(await supervise(addHours(FEEDBACK_BY, -(remindBeforeHours + 2))))).toEqual(NONE);
    expect(only(await supervise(addHours(FEEDBACK_BY, -remindBeforeHours / 2)))).toEqual({ ...NONE, reminded: 1 });
    const reminded = await newSystemEvents(matter.id, before);
    expect(reminded).toHaveLength(1);
    expect(reminded[0]).toMatchObject({ type: 'reminded', data: { deadline: FEEDBACK_BY } });
    expect(reminded[0]!.note).toContain('反馈时限');

    // Two runs at once: exactly one records the overdue mark and the urge.
    const at = addHours(FEEDBACK_BY, MINUTE);
    const [a, b] = await Promise.all([supervise(at), supervise(at)]);
    expect(a.overdue + b.overdue).toBe(1);
    // The later one either saw the mark already, or lost on the version condition.
    expect(a.skipped + b.skipped).toBeLessThanOrEqual(1);
    const after = await newSystemEvents(matter.id, [...before, ...reminded]);
    expect(after.filter((e) => e.type === 'overdue')).toHaveLength(1);
    expect(after.filter((e) => e.type === 'urge')).toHaveLength(1);
    expect(after.find((e) => e.type === 'urge')).toMatchObject({ from: 'accepted', to: 'accepted' });
    expect((await office.get<Matter>(`/matters/${matter.id}`)).supervision).toMatchObject({ deadline: FEEDBACK_BY, overdueAt: at, urgeCount: 1 });
    const overdueNotices = (await notifications.listNotificationsFor(TENANT, `UNIT#${officeId}`, { limit: 100 })).items.filter(
      (n) => n.matterId === matter.id && n.reason === 'overdue',
    );
    expect(overdueNotices.map((n) => n.deadline).sort()).toEqual([ACCEPT_BY, FEEDBACK_BY]);
  });

  it('never reads a closed matter: it leaves the deadline index', async () => {
    const FAR = '2039-01-01T00:00:00.000Z';
    const closing = await newAssignedMatter('督导测试：办结后不再督导');
    // First seen far past its deadline: overdue, then one rung per run up to the top.
    let withIt = await supervise(FAR);
    expect(withIt.overdue).toBe(1);
    for (let i = 0; i < ladder.length && withIt.escalated > 0; i++) withIt = await supervise(FAR);
    expect(only(withIt)).toEqual(NONE);

    let m = await office.get<Matter>(`/matters/${closing.id}`);
    m = await community.post<Matter>(`/matters/${m.id}/accept`, { version: m.version });
    m = await community.post<Matter>(`/matters/${m.id}/feedback`, { version: m.version, outcome: 'resolved', note: '已核实，系村民亲属来访，无异常' });
    m = await office.post<Matter>(`/matters/${m.id}/verify`, { version: m.version, satisfied: true, method: 'phone' });
    m = await office.post<Matter>(`/matters/${m.id}/close`, { version: m.version, outcome: 'resolved' });
    expect(m.status).toBe('closed_resolved');

    const without = await supervise(FAR);
    expect(without.scanned).toBe(withIt.scanned - 1);
    expect(only(without)).toEqual(NONE);
  });

  it('skips a matter changed between its read and the write, recording nothing', async () => {
    const other = await newAssignedMatter('督导测试：读写之间被修改');
    const stored = (await matters.getMatterRecord(TENANT, other.id))!;
    const plan = supervision.planSupervision(stored, addHours(ACCEPT_BY, MINUTE), (await office.get<TenantConfig>('/config')).matters);
    expect(plan.events.map((e) => e.type)).toContain('overdue');
    // Meanwhile the program office urges by hand: the version moves on.
    await office.post(`/matters/${other.id}/urge`, { version: stored.version, reason: '请尽快签收办理' });
    expect(await supervision.recordSupervision(TENANT, stored, { ...plan, next: plan.next! })).toBe('skipped');
    const events = await timeline(other.id);
    expect(events.filter((e) => e.byRole === 'system')).toEqual([]);
    const outbox = await Promise.all(plan.notifications.map((n) => notifications.getNotification(TENANT, n.id)));
    expect(outbox.filter(Boolean)).toEqual([]);
    // The next run sees the changed matter and records it.
    const next = await supervise(addHours(ACCEPT_BY, MINUTE));
    expect(next.overdue).toBe(1);
    expect((await office.get<Matter>(`/matters/${other.id}`)).supervision).toMatchObject({ urgeCount: 2, deadline: ACCEPT_BY });
  });

  it('refuses a malformed job event', async () => {
    await expect(runJob({ job: 'supervise-matters', tenantId: '12', at: BASE })).rejects.toThrow(/invalid event/);
    await expect(runJob({ job: 'supervise-matters', tenantId: TENANT, at: 'tomorrow' })).rejects.toThrow(/invalid event/);
  });
});
