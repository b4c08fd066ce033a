import { beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays, isoWeekOf, isoWeekDate, zonedDate, type Absence, type Page, type TenantConfigRecord } from '@beatlink/shared';

import { matterWorld, type MatterWorld } from '../lib/matter-fixtures';
import { apiAs, type ApiClient } from '../support/api';
import '../support/provided';

/** Absence reports (报备): filed beforehand, decided once by the program office, approval creates the make-up. */
const config = inject('stackConfig');
const logins = inject('logins');
const TENANT = '370283';
const TZ = 'Asia/Shanghai';
const WEEK_MS = 7 * 86_400_000;

type ErrorBody = { error: { details?: Array<{ path: string }> } };

let world: MatterWorld;
let otherCounty: ApiClient;
// Weeks well ahead, different on each run, so reports of earlier runs on a kept stack do not collide.
const ahead = 2 + Math.floor(Math.random() * 200);
const weekAhead = (n: number) => isoWeekOf(Date.now() + (ahead + n) * WEEK_MS, TZ);

beforeAll(async () => {
  world = await matterWorld(config, logins, TENANT);
  const other = logins.byTenant['370211']?.program_office;
  if (!other) throw new Error('no program office login for 370211');
  otherCounty = await apiAs(config, other);
}, 120_000);

const paths = (body: unknown) => ((body as ErrorBody).error.details ?? []).map((d) => d.path);

describe('absences', () => {
  it('is filed by a contact officer for his session, approved by the program office with a make-up, decided once', async () => {
    const contact = world.actors.contact_officer!;
    const week = weekAhead(0);
    const filed = await contact.client.request<Absence>('POST', '/absences', { body: { week, reason: '参加市局集中培训' } });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ officerId: contact.me.officerId, role: 'contact_officer', week, date: isoWeekDate(week, 2), status: 'pending', version: 1 });
    expect(filed.body.makeUp).toBeUndefined();

    // One pending or approved report per officer and date.
    const again = await contact.client.request('POST', '/absences', { body: { week, date: isoWeekDate(week, 2), reason: '重复报备' } });
    expect(again.status).toBe(409);

    // Pending in the office's queue and the officer's own list.
    const queue = await world.office.get<Page<Absence>>('/absences', { status: 'pending', week, limit: 200 });
    expect(queue.items.map((a) => a.id)).toContain(filed.body.id);
    const own = await contact.client.get<Page<Absence>>('/absences', { week });
    expect(own.items.map((a) => a.id)).toEqual([filed.body.id]);

    // Another officer does not see it; a community officer cannot decide; another county gets 404.
    expect((await world.actors.community_officer!.client.request('GET', `/absences/${filed.body.id}`)).status).toBe(404);
    expect((await world.actors.community_officer!.client.get<Page<Absence>>('/absences', { officerId: contact.me.officerId })).items).toEqual([]);
    expect((await world.actors.community_officer!.client.request('POST', `/absences/${filed.body.id}/decide`, { body: { version: 1, decision: 'approve' } })).status).toBe(403);
    expect((await otherCounty.request('GET', `/absences/${filed.body.id}`)).status).toBe(404);
    expect((await otherCounty.request('POST', `/absences/${filed.body.id}/decide`, { body: { version: 1, decision: 'approve' } })).status).toBe(404);

    const approved = await world.office.post<Absence>(`/absences/${filed.body.id}/decide`, { version: 1, decision: 'approve', note: '同意' });
    // The county's rules, as they are now (other suites edit the configuration).
    const { duty } = await world.office.get<TenantConfigRecord>('/config');
    expect(approved).toMatchObject({
      status: 'approved',
      version: 2,
      note: '同意',
      makeUp: { unit: 'hours', amount: duty.contactOfficerMinHours, dueDate: addDays(isoWeekDate(week, 2), duty.makeUpDueDays), status: 'open' },
    });
    expect(approved.decidedAt).toBeDefined();
    expect(await contact.client.get<Absence>(`/absences/${filed.body.id}`)).toEqual(approved);

    const twice = await world.office.request('POST', `/absences/${filed.body.id}/decide`, { body: { version: 2, decision: 'reject', note: '撤回' } });
    expect(twice.status).toBe(409);
    const stale = await world.office.request('POST', `/absences/${filed.body.id}/decide`, { body: { version: 1, decision: 'approve' } });
    expect(stale.status).toBe(409);
  });

  it('needs a note to reject, and a rejection frees the date', async () => {
    const community = world.actors.community_officer!;
    const week = weekAhead(1);
    const date = isoWeekDate(week, 4);
    const filed = await community.client.post<Absence>('/absences', { week, date, reason: '家中有事' });
    expect(filed).toMatchObject({ role: 'community_officer', date, status: 'pending' });

    const bare = await world.office.request('POST', `/absences/${filed.id}/decide`, { body: { version: 1, decision: 'reject' } });
    expect(bare.status).toBe(400);
    expect(paths(bare.body)).toContain('note');

    const rejected = await world.office.post<Absence>(`/absences/${filed.id}/decide`, { version: 1, decision: 'reject', note: '当周有重要任务，不予批准' });
    expect(rejected).toMatchObject({ status: 'rejected', version: 2 });
    expect(rejected.makeUp).toBeUndefined();

    const refiled = await community.client.request<Absence>('POST', '/absences', { body: { week, date, reason: '家中有事，重新报备' } });
    expect(refiled.status).toBe(201);
  });

  it('refuses a past date, a missing day for a community officer, and a date outside the week, naming `date`', async () => {
    const community = world.actors.community_officer!.client;
    const yesterday = addDays(zonedDate(Date.now(), TZ), -1);
    const cases = [
      { week: isoWeekOf(Date.parse(`${yesterday}T12:00:00+08:00`), TZ), date: yesterday, reason: '补报' },
      { week: weekAhead(2), reason: '未写日期' },
      { week: weekAhead(2), date: isoWeekDate(weekAhead(3), 1), reason: '日期不在周内' },
    ];
    for (const body of cases) {
      const answer = await community.request('POST', '/absences', { body });
      expect(answer.status).toBe(400);
      expect(paths(answer.body)).toContain('date');
    }
    // Only community and contact officers file.
    expect((await world.office.request('POST', '/absences', { body: { week: weekAhead(2), date: isoWeekDate(weekAhead(2), 1), reason: '测试' } })).status).toBe(403);
  });
});
