import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { InboxItem, Matter, Me, NotificationPreferences, Officer, OutboxMessage, Page, TenantConfig, TenantConfigRecord, Village } from '@beatlink/shared';
import { applyHandlerEnv } from '@beatlink/infra/local/handler-runtime';
import type * as Clock from '@beatlink/functions/lib/clock';
import type { TenantContext } from '@beatlink/functions/lib/tenant-context';
import type * as NotificationData from '@beatlink/functions/data/notifications';
import type * as DeliveryData from '@beatlink/functions/data/deliveries';
import type * as AbsenceService from '@beatlink/functions/services/duty/absences';
import type * as VisitService from '@beatlink/functions/services/duty/visits';
import type * as RemindersJob from '@beatlink/functions/jobs/send-reminders';
import type * as DeliverJob from '@beatlink/functions/jobs/deliver-notifications';
import type * as SuperviseJob from '@beatlink/functions/jobs/supervise-matters';
import type * as DutyJob from '@beatlink/functions/jobs/evaluate-duty';
import { apiAs, type ApiClient } from '../support/api';
import '../support/provided';

/**
 * The notification centre (issue #5) with injected clocks: reminders and delivery run in this
 * process — the handlers the scheduler invokes — against the test stack, in 2032 (far from the
 * seeded weeks and the other suites' dates), and read back through the API and the outbox.
 * The second demo county, moved to Asia/Urumqi (UTC+6) for the file: its 09:00 is not Shanghai's.
 */
const config = inject('stackConfig');
const logins = inject('logins');
const TENANT = '370211';
const ZONE = 'Asia/Urumqi';

// 2032-W10: Monday 03-01, Tuesday 03-02, Thursday 03-04. 09:00 in Urumqi is 03:00 UTC.
const TUESDAY_0900 = '2032-03-02T03:00:00.000Z';
const THURSDAY_0900 = '2032-03-04T03:00:00.000Z';

let clock: typeof Clock;
let notifications: typeof NotificationData;
let deliveries: typeof DeliveryData;
let absences: typeof AbsenceService;
let visits: typeof VisitService;
let reminders: (event: unknown) => Promise<RemindersJob.SendRemindersResult>;
let deliver: (event: unknown) => Promise<DeliverJob.DeliverNotificationsResult>;
let supervise: (event: unknown) => Promise<SuperviseJob.SuperviseMattersResult>;
let evaluateDuty: (event: unknown) => Promise<DutyJob.EvaluateDutyResult>;
let deps: () => Parameters<typeof VisitService.checkIn>[2] & object;
const at = (iso: string) => ({ ...deps(), clock: clock.fixedClock(iso) });

let office: ApiClient;
let contact: ApiClient;
let community: ApiClient;
let contactMe: Me;
let communityMe: Me;
let programOffice: TenantContext;
let contactOfficers: Officer[];
let communityOfficers: Officer[];
/** The contact officer (not the demo login) whose Tuesday session is excused. */
let absent: Officer;
let originalZone: string;

const remind = async (iso: string) => (await reminders({ job: 'send-reminders', tenantId: TENANT, at: iso })).tenants[0]!;
const deliverAt = async (iso: string) => (await deliver({ job: 'deliver-notifications', tenantId: TENANT, at: iso })).tenants[0]!;
const ctxOf = (o: Officer): TenantContext => ({ tenantId: TENANT, username: o.username, name: o.name, roles: [o.role], scope: 'own', officerId: o.id, unitId: o.workstationId ?? o.officeId });

async function allOutbox(): Promise<OutboxMessage[]> {
  const out: OutboxMessage[] = [];
  let cursor: string | undefined;
  do {
    const page = await deliveries.listOutboxMessages(TENANT, { limit: 200, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

async function inboxOf(client: ApiClient, unread = false): Promise<InboxItem[]> {
  const items: InboxItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.get<Page<InboxItem>>('/notifications', { limit: 200, ...(unread ? { unread: 'true' } : {}), ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

async function activeOfficers(role: string): Promise<Officer[]> {
  const page = await office.get<Page<Officer>>('/directory/officers', { role, limit: 200 });
  return page.items.filter((o) => o.status === 'active');
}

async function villagesOf(query: Record<string, string>): Promise<Village[]> {
  return (await office.get<Page<Village>>('/directory/villages', { ...query, limit: 50 })).items.filter((v) => v.status === 'active');
}

beforeAll(async () => {
  applyHandlerEnv(config);
  // Imported after the environment is set: handler modules read it once, at import.
  clock = await import('@beatlink/functions/lib/clock');
  notifications = await import('@beatlink/functions/data/notifications');
  deliveries = await import('@beatlink/functions/data/deliveries');
  absences = await import('@beatlink/functions/services/duty/absences');
  visits = await import('@beatlink/functions/services/duty/visits');
  reminders = (await import('@beatlink/functions/jobs/send-reminders')).handler as typeof reminders;
  deliver = (await import('@beatlink/functions/jobs/deliver-notifications')).handler as typeof deliver;
  supervise = (await import('@beatlink/functions/jobs/supervise-matters')).handler as typeof supervise;
  evaluateDuty = (await import('@beatlink/functions/jobs/evaluate-duty')).handler as typeof evaluateDuty;
  deps = (await import('@beatlink/functions/services/deps')).defaultDeps;

  office = await apiAs(config, logins.byTenant[TENANT]!.program_office!);
  contact = await apiAs(config, logins.byTenant[TENANT]!.contact_officer!);
  community = await apiAs(config, logins.byTenant[TENANT]!.community_officer!);
  contactMe = await contact.get<Me>('/me');
  communityMe = await community.get<Me>('/me');
  const officeMe = await office.get<Me>('/me');
  programOffice = { tenantId: TENANT, username: officeMe.username, name: officeMe.name, roles: ['program_office'], scope: 'tenant', officerId: officeMe.officerId };

  // Who has a post with villages: the exact sets the reminders must reach.
  const withVillages = async (officers: Officer[], unit: (o: Officer) => Record<string, string> | undefined) =>
    (await Promise.all(officers.map(async (o) => ((unit(o) && (await villagesOf(unit(o)!)).length > 0) ? o : undefined)))).filter((o): o is Officer => !!o);
  contactOfficers = await withVillages(await activeOfficers('contact_officer'), (o) => (o.workstationId ? { workstationId: o.workstationId } : undefined));
  communityOfficers = await withVillages(await activeOfficers('community_officer'), (o) => (o.officeId ? { officeId: o.officeId } : undefined));
  expect(contactOfficers.length).toBeGreaterThanOrEqual(2);
  expect(communityOfficers.length).toBeGreaterThanOrEqual(2);
  absent = contactOfficers.find((o) => o.id !== contactMe.officerId)!;

  const county = await office.get<TenantConfigRecord>('/config');
  originalZone = county.timeZone;
  await office.put('/config', { version: county.version, timeZone: ZONE });
  // Whatever other suites left pending up to our dates is delivered now, so the counts below are ours.
  await deliverAt('2032-02-01T00:00:00.000Z');
}, 240_000);

afterAll(async () => {
  const county = await office.get<TenantConfigRecord>('/config');
  if (county.timeZone !== originalZone) await office.put('/config', { version: county.version, timeZone: originalZone });
});

describe('preferences', () => {
  it('returns the defaults at version 0, saves with a version check, refuses a stale one', async () => {
    const initial = await contact.get<NotificationPreferences>('/notifications/preferences');
    expect(initial).toMatchObject({ username: contactMe.username, version: 0, categories: { duty: { email: false, sms: true }, reports: { email: true, sms: false } } });
    const saved = await contact.put<NotificationPreferences>('/notifications/preferences', { version: 0, categories: { duty: { email: true, sms: false } } });
    expect(saved).toMatchObject({ version: 1, categories: { duty: { email: true, sms: false }, matters: { email: false, sms: true } } });
    const stale = await contact.request('PUT', '/notifications/preferences', { body: { version: 0, categories: { duty: { email: false, sms: true } } } });
    expect(stale.status).toBe(409);
    expect(JSON.stringify(stale.body)).toContain('VERSION_CONFLICT');
    const bad = await contact.request('PUT', '/notifications/preferences', { body: { version: 1, categories: { duty: { email: 'yes' } } } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('categories');
    expect((await contact.get<NotificationPreferences>('/notifications/preferences')).version).toBe(1);
    // He needs an address for e-mail: the office adds one to his record.
    const record = await office.get<Officer>(`/directory/officers/${contactMe.officerId}`);
    await office.put(`/directory/officers/${contactMe.officerId}`, { version: record.version, email: 'baocun.test@example.cn' });
  });
});

describe('Tuesday 09:00 in the county: contact officers', () => {
  it('reminds no one while it is still Monday in Urumqi (already Tuesday in Shanghai)', async () => {
    const result = await remind('2032-03-01T17:00:00.000Z'); // Urumqi Monday 23:00, Shanghai Tuesday 01:00
    expect(result).toMatchObject({ contactSession: 0, dutyShort: 0 });
  });

  it('tells each contact officer with a session that afternoon, except the one with an approved absence', async () => {
    const filed = await absences.fileAbsence(ctxOf(absent), { week: '2032-W10', reason: '参加市局集中培训' }, at('2032-02-26T02:00:00.000Z'));
    await absences.decideAbsence(programOffice, filed.id, { version: filed.version, decision: 'approve' }, at('2032-02-26T04:00:00.000Z'));

    const result = await remind(TUESDAY_0900);
    expect(result).toMatchObject({ contactSession: contactOfficers.length - 1, written: contactOfficers.length - 1 });
    for (const o of contactOfficers) {
      const stored = await notifications.getNotification(TENANT, notifications.notificationId('contact_session', o.id, '2032-03-02'));
      if (o.id === absent.id) {
        expect(stored).toBeUndefined();
        continue;
      }
      expect(stored).toMatchObject({ reason: 'contact_session', audience: { key: `OFFICER#${o.id}` }, deliveredAt: TUESDAY_0900, recipients: 1 });
      const names = (await villagesOf({ workstationId: o.workstationId! })).map((v) => v.name);
      expect(stored!.message).toContain('今天下午 12:00–18:00');
      for (const name of names) expect(stored!.message).toContain(name);
    }
  });

  it('puts it in his inbox, and sends what his preferences turn on', async () => {
    const id = notifications.notificationId('contact_session', contactMe.officerId!, '2032-03-02');
    const inbox = await inboxOf(contact);
    expect(inbox.find((i) => i.id === id)).toMatchObject({ reason: 'contact_session', category: 'duty', subject: { type: 'week', id: '2032-W10' } });
    expect(inbox.find((i) => i.id === id)!.readAt).toBeUndefined();
    const outbox = (await allOutbox()).filter((m) => m.notificationId === id);
    // He turned SMS off and e-mail on for duty.
    expect(outbox.map((m) => [m.channel, m.username, m.to])).toEqual([['email', contactMe.username, 'baocun.test@example.cn']]);
    // Another contact officer keeps the defaults: SMS to his mobile, no e-mail.
    const other = contactOfficers.find((o) => o.id !== absent.id && o.id !== contactMe.officerId);
    if (other) {
      const otherId = notifications.notificationId('contact_session', other.id, '2032-03-02');
      expect((await allOutbox()).filter((m) => m.notificationId === otherId).map((m) => [m.channel, m.to])).toEqual([['sms', other.phone]]);
    }
  });

  it('a re-run and a concurrent run write, deliver and send nothing again', async () => {
    const id = notifications.notificationId('contact_session', contactMe.officerId!, '2032-03-02');
    const key = { tenantId: TENANT, notificationId: id, username: contactMe.username, channel: 'email' as const };
    const [outboxBefore, inboxBefore, logBefore] = [await allOutbox(), await inboxOf(contact), await deliveries.getDelivery(key)];
    expect(logBefore).toMatchObject({ status: 'sent', attempts: 1 });

    const [a, b] = await Promise.all([remind(TUESDAY_0900), remind('2032-03-02T03:05:00.000Z')]);
    expect(a.written + b.written).toBe(0);
    expect(a.delivery.sent + b.delivery.sent + a.delivery.recipients + b.delivery.recipients).toBe(0);
    const again = await deliverAt('2032-03-02T04:00:00.000Z');
    expect(again).toMatchObject({ delivered: 0, recipients: 0, sent: 0 });

    expect((await allOutbox()).length).toBe(outboxBefore.length);
    expect((await inboxOf(contact)).length).toBe(inboxBefore.length);
    expect(await deliveries.getDelivery(key)).toEqual(logBefore);
  });
});

describe('Thursday 09:00: community officers short of their days', () => {
  it('tells those below the minimum, not one who has his days', async () => {
    // The demo community officer spends Monday and Tuesday in his villages.
    const village = (await villagesOf({ officeId: communityMe.unitId! }))[0]!;
    const me: TenantContext = { tenantId: TENANT, username: communityMe.username, name: communityMe.name, roles: ['community_officer'], scope: 'own', officerId: communityMe.officerId, unitId: communityMe.unitId };
    for (const [from, to] of [
      ['2032-03-01T02:00:00.000Z', '2032-03-01T05:00:00.000Z'],
      ['2032-03-02T02:00:00.000Z', '2032-03-02T05:00:00.000Z'],
    ] as const) {
      const v = await visits.checkIn(me, { villageId: village.id, at: from, makeUp: false }, at(from));
      await visits.checkOut(me, v.id, { version: v.version, at: to, householdsVisited: 2, peopleTalkedTo: 4, matterIds: [] }, at(to));
    }

    const result = await remind(THURSDAY_0900);
    expect(result).toMatchObject({ contactSession: 0, dutyShort: communityOfficers.length - 1 });
    for (const o of communityOfficers) {
      const stored = await notifications.getNotification(TENANT, notifications.notificationId('duty_short', o.id, '2032-W10'));
      if (o.id === communityMe.officerId) expect(stored).toBeUndefined();
      else expect(stored!.message).toMatch(/本周您已驻村 0 天，每周至少 2 天，还差 2 天；本周还剩 4 天/);
    }
    expect((await remind('2032-03-04T05:00:00.000Z')).written).toBe(0);
  });
});

describe('make-ups due within 2 days', () => {
  it('reminds the officer once when his make-up falls due within the window', async () => {
    // The excused Tuesday of 2032-W10 owes 3 hours, due 14 days later (2032-03-16), once evaluated.
    await evaluateDuty({ job: 'evaluate-duty', tenantId: TENANT, at: '2032-03-08T19:30:00.000Z' });
    const id = (await notifications.listNotificationsFor(TENANT, `OFFICER#${absent.id}`, { limit: 50 })).items.filter((n) => n.reason === 'make_up_due');
    expect(id).toEqual([]);

    const early = await remind('2032-03-13T03:00:00.000Z'); // due 03-16 is 3 days away
    const mine = async () => (await notifications.listNotificationsFor(TENANT, `OFFICER#${absent.id}`, { limit: 50 })).items.filter((n) => n.reason === 'make_up_due');
    expect(await mine()).toEqual([]);
    expect(early.makeUpDue).toBe(0);

    const due = await remind('2032-03-14T03:00:00.000Z');
    expect(due.makeUpDue).toBe(1);
    const [notice] = await mine();
    expect(notice).toMatchObject({ subject: { type: 'absence' }, deliveredAt: '2032-03-14T03:00:00.000Z', recipients: 1 });
    expect(notice!.message).toContain('2032-03-16');
    const sms = (await allOutbox()).filter((m) => m.notificationId === notice!.id);
    expect(sms.map((m) => m.channel)).toEqual(['sms']);

    // The next day it is still due within 2 days: no second reminder.
    const next = await remind('2032-03-15T03:00:00.000Z');
    expect(next.written).toBe(0);
    expect(await mine()).toHaveLength(1);
    expect((await allOutbox()).filter((m) => m.notificationId === notice!.id)).toHaveLength(1);
  });
});

describe('supervision notifications reach inboxes', () => {
  let matter: Matter;
  const ACCEPT_BY = '2032-04-01T00:00:00.000Z';

  it('deadline near: the holder office; overdue: the office and the next level up', async () => {
    const village = (await villagesOf({ officeId: communityMe.unitId! }))[0]!;
    const created = await office.post<Matter>('/matters', {
      kind: 'demand',
      source: 'officer',
      villageId: village.id,
      categoryId: 'public_order',
      severity: 'medium',
      title: '通知测试：村口路灯损坏',
      description: '村民反映村口路灯损坏多日，夜间出行不便，请核实处理。',
      occurredAt: new Date().toISOString(),
    });
    matter = await office.post<Matter>(`/matters/${created.id}/assign`, { version: created.version, assignee: { type: 'office', id: communityMe.unitId! }, acceptBy: ACCEPT_BY, feedbackBy: '2032-04-05T00:00:00.000Z' });
    const county = await office.get<TenantConfig>('/config');

    // Settle the county's other matters up to our instant, so the runs below are about ours.
    await supervise({ job: 'supervise-matters', tenantId: TENANT, at: new Date(Date.parse(ACCEPT_BY) - county.matters.remindBeforeHours * 3_600_000 - 3_600_000).toISOString() });
    const near = new Date(Date.parse(ACCEPT_BY) - (county.matters.remindBeforeHours / 2) * 3_600_000).toISOString();
    const reminded = (await supervise({ job: 'supervise-matters', tenantId: TENANT, at: near })).tenants[0]!;
    expect(reminded.reminded).toBeGreaterThanOrEqual(1);
    expect(reminded.delivered).toBeGreaterThanOrEqual(1);
    const ours = (items: InboxItem[], reason: string) => items.filter((i) => i.subject?.type === 'matter' && i.subject.id === matter.id && i.reason === reason);
    expect(ours(await inboxOf(community), 'deadline_near')).toHaveLength(1);

    const late = (await supervise({ job: 'supervise-matters', tenantId: TENANT, at: '2032-04-01T00:01:00.000Z' })).tenants[0]!;
    expect(late.overdue).toBeGreaterThanOrEqual(1);
    expect(ours(await inboxOf(community), 'overdue')).toHaveLength(1);
    // The next level up (the office's station chief, by the police ladder) heard of it too.
    const upward = (await notifications.listNotificationsFor(TENANT, `ROLE#station_chief#${matter.stationId}`, { limit: 100 })).items.filter(
      (n) => n.matterId === matter.id && (n.reason === 'overdue' || n.reason === 'escalated'),
    );
    expect(upward.length).toBeGreaterThanOrEqual(1);
    for (const n of upward) expect(n).toMatchObject({ deliveredAt: expect.any(String), recipients: expect.any(Number) });
    expect(upward.some((n) => (n.recipients ?? 0) >= 1)).toBe(true);
  });
});

describe('the bell through the API', () => {
  it('counts, lists, marks one read and unread again (404 for another user’s), marks read up to a time', async () => {
    const { unread } = await community.get<{ unread: number }>('/notifications/unread-count');
    const unreadItems = await inboxOf(community, true);
    expect(unread).toBe(unreadItems.length);
    expect(unread).toBeGreaterThanOrEqual(2);
    const count = async () => (await community.get<{ unread: number }>('/notifications/unread-count')).unread;
    const first = unreadItems[0]!;
    const read = await community.post<InboxItem>(`/notifications/${first.id}/read`, { read: true });
    expect(read).toMatchObject({ id: first.id, readAt: expect.any(String) });
    expect(await count()).toBe(unread - 1);
    // Reading it again changes nothing.
    expect((await community.post<InboxItem>(`/notifications/${first.id}/read`, { read: true })).readAt).toBe(read.readAt);
    expect((await inboxOf(community, true)).map((i) => i.id)).not.toContain(first.id);
    // Unread again (标为未读), then read.
    expect((await community.post<InboxItem>(`/notifications/${first.id}/read`, { read: false })).readAt).toBeUndefined();
    expect(await count()).toBe(unread);
    await community.post(`/notifications/${first.id}/read`, { read: true });

    const someoneElses = notifications.notificationId('contact_session', contactMe.officerId!, '2032-03-02');
    expect((await community.request('POST', `/notifications/${someoneElses}/read`, { body: { read: true } })).status).toBe(404);
    const malformed = await community.request('POST', '/notifications/ntf_nothex/read', { body: { read: true } });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain('id');

    // "Mark all read" covers what his list showed: up to the newest he saw, not what came later.
    const remaining = (await inboxOf(community, true)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const newest = remaining.at(-1)!;
    const older = remaining.filter((i) => i.createdAt < newest.createdAt);
    const upToOlder = await community.post<{ marked: number }>('/notifications/read-all', { upTo: new Date(Date.parse(newest.createdAt) - 1).toISOString() });
    expect(upToOlder.marked).toBe(older.length);
    expect(await count()).toBe(remaining.length - older.length);
    expect((await community.post<{ marked: number }>('/notifications/read-all', { upTo: newest.createdAt })).marked).toBe(remaining.length - older.length);
    expect(await count()).toBe(0);
    expect((await community.post<{ marked: number }>('/notifications/read-all', { upTo: newest.createdAt })).marked).toBe(0);
    expect((await community.request('POST', '/notifications/read-all', { body: { upTo: 'yesterday' } })).status).toBe(400);
  });

  it('shows the local outbox to the program office only', async () => {
    const page = await office.get<Page<OutboxMessage>>('/notifications/outbox', { limit: 20 });
    expect(page.items.length).toBeGreaterThan(0);
    const sentAts = page.items.map((m) => m.sentAt);
    expect([...sentAts].sort().reverse()).toEqual(sentAts);
    expect((await contact.request('GET', '/notifications/outbox')).status).toBe(403);
  });
});
