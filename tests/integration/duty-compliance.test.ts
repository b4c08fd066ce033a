import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isoWeekDate, type ComplianceBoard, type DutyWeek, type Me, type Page, type TenantConfigRecord, type Village, type Visit } from '@beatlink/shared';
import type { Absence } from '@beatlink/shared/duty/absences';
import { applyHandlerEnv } from '@beatlink/infra/local/handler-runtime';
import type * as Clock from '@beatlink/functions/lib/clock';
import type { TenantContext } from '@beatlink/functions/lib/tenant-context';
import type * as AbsenceService from '@beatlink/functions/services/duty/absences';
import type * as AuditLog from '@beatlink/functions/services/audit/audit-log';
import type * as ComplianceService from '@beatlink/functions/services/duty/compliance';
import type * as DutyWeekService from '@beatlink/functions/services/duty/duty-week';
import type * as VisitService from '@beatlink/functions/services/duty/visits';
import type * as DutyJob from '@beatlink/functions/jobs/evaluate-duty';
import { apiAs, type ApiClient } from '../support/api';
import '../support/provided';

/**
 * The weekly duty evaluation (履职考核) with an injected clock: visits, absences and make-ups
 * played through the services at moments in 2031 (far from the seeded weeks), the nightly job run
 * in this process — the handler the scheduler invokes — and the results read back through the API.
 * The second demo county, whose contact officer no other suite uses; its time zone is changed for
 * one case and restored.
 */
const config = inject('stackConfig');
const logins = inject('logins');
const TENANT = '370211';

let clock: typeof Clock;
let visits: typeof VisitService;
let absences: typeof AbsenceService;
let compliance: typeof ComplianceService;
let dutyWeek: typeof DutyWeekService;
let audit: typeof AuditLog;
let runJob: (event: unknown) => Promise<DutyJob.EvaluateDutyResult>;
let office: ApiClient;
let officerApi: ApiClient;
let officer: TenantContext;
let programOffice: TenantContext;
let village: Village;
let originalZone: string;

const at = (iso: string) => ({ ...deps(), clock: clock.fixedClock(iso) });
let deps: () => Parameters<typeof VisitService.checkIn>[2] & object;

async function visit(from: string, to: string, makeUp = false, villageId = village.id): Promise<Visit> {
  const v = await visits.checkIn(officer, { villageId, at: from, makeUp }, at(from));
  return visits.checkOut(officer, v.id, { version: v.version, at: to, householdsVisited: 3, peopleTalkedTo: 5, matterIds: [] }, at(to));
}

async function approvedAbsence(week: string, filedAt: string): Promise<Absence> {
  const filed = await absences.fileAbsence(officer, { week, reason: '参加市局集中培训' }, at(filedAt));
  const decidedAt = new Date(Date.parse(filedAt) + 3_600_000).toISOString();
  return absences.decideAbsence(programOffice, filed.id, { version: filed.version, decision: 'approve' }, at(decidedAt));
}

const job = (iso: string) => runJob({ job: 'evaluate-duty', tenantId: TENANT, at: iso });
const board = (week: string) => office.get<ComplianceBoard>('/duty/compliance', { week });
const entryOf = async (week: string) => (await board(week)).items.find((e) => e.officerId === officer.officerId);

beforeAll(async () => {
  applyHandlerEnv(config);
  // Imported after the environment is set: handler modules read it once, at import.
  clock = await import('@beatlink/functions/lib/clock');
  visits = await import('@beatlink/functions/services/duty/visits');
  absences = await import('@beatlink/functions/services/duty/absences');
  compliance = await import('@beatlink/functions/services/duty/compliance');
  dutyWeek = await import('@beatlink/functions/services/duty/duty-week');
  audit = await import('@beatlink/functions/services/audit/audit-log');
  runJob = (await import('@beatlink/functions/jobs/evaluate-duty')).handler as typeof runJob;
  const { defaultDeps } = await import('@beatlink/functions/services/deps');
  deps = defaultDeps;

  office = await apiAs(config, logins.byTenant[TENANT]!.program_office!);
  officerApi = await apiAs(config, logins.byTenant[TENANT]!.contact_officer!);
  const me = await officerApi.get<Me>('/me');
  const officeMe = await office.get<Me>('/me');
  officer = { tenantId: TENANT, username: me.username, name: me.name, roles: ['contact_officer'], scope: 'own', officerId: me.officerId, unitId: me.unitId };
  programOffice = { tenantId: TENANT, username: officeMe.username, name: officeMe.name, roles: ['program_office'], scope: 'tenant', officerId: officeMe.officerId };
  const found = await office.get<Page<Village>>('/directory/villages', { workstationId: me.unitId, limit: 5 });
  village = found.items.find((v) => v.status === 'active')!;
  expect(village).toBeDefined();
  const county = await office.get<TenantConfigRecord>('/config');
  originalZone = county.timeZone;
  expect(county.duty).toMatchObject({ contactOfficerWeekday: 2, contactOfficerMinHours: 3, makeUpDueDays: 14 });
}, 120_000);

afterAll(async () => {
  const county = await office.get<TenantConfigRecord>('/config');
  if (county.timeZone !== originalZone) await office.put('/config', { version: county.version, timeZone: originalZone });
});

describe('weekly duty evaluation (contact officer, Asia/Shanghai)', () => {
  it('met: a Tuesday session of 3.5 hours from 12:30', async () => {
    // 2031-W10: Tuesday 2031-03-04; 12:30–16:00 Shanghai = 04:30–08:00 UTC.
    await visit('2031-03-04T04:30:00.000Z', '2031-03-04T08:00:00.000Z');
    const result = await job('2031-03-10T17:30:00.000Z'); // Tuesday 01:30 Shanghai, week W11
    expect(result.tenants[0]).toMatchObject({ tenantId: TENANT, week: '2031-W10' });
    expect(await entryOf('2031-W10')).toMatchObject({ status: 'met', sessionHours: 3.5, sessionDate: '2031-03-04', periodOver: true, version: 1 });
  });

  it('violation: no session and no report', async () => {
    await job('2031-03-17T17:30:00.000Z');
    const entry = await entryOf('2031-W11');
    expect(entry).toMatchObject({ status: 'violation', sessionHours: 0 });
    expect(entry!.reasons.join()).toContain('未报备');
  });

  it('excused with a make-up: counted as done, fulfilled on time, then the absence shows it', async () => {
    // 2031-W12 (Tuesday 03-18): reported the Friday before, approved; make-up 2 h on Thursday.
    const absence = await approvedAbsence('2031-W12', '2031-03-14T01:00:00.000Z');
    expect(absence.makeUp).toMatchObject({ unit: 'hours', amount: 3, dueDate: '2031-04-01', status: 'open' });
    await visit('2031-03-20T01:00:00.000Z', '2031-03-20T03:00:00.000Z', true);

    await job('2031-03-24T17:30:00.000Z');
    let entry = await entryOf('2031-W12');
    expect(entry).toMatchObject({ status: 'excused', excusedBy: absence.id, makeUp: { amount: 3, covered: 2, remaining: 1, status: 'open' } });
    // A make-up visit never counts as a regular session.
    expect(entry!.sessionHours).toBe(0);

    // "My week" (live, same reads) agrees before the job runs again.
    const live = await dutyWeek.getDutyWeek(officer, { week: '2031-W12' }, at('2031-03-25T02:00:00.000Z'));
    expect(live.record).toMatchObject({ status: 'excused', makeUp: { covered: 2 } });
    expect(live.absences.map((a) => a.id)).toEqual([absence.id]);

    // Another 1.5 h the next Wednesday: the nightly job re-checks the open make-up of W12.
    await visit('2031-03-26T01:00:00.000Z', '2031-03-26T02:30:00.000Z', true);
    // Live, the absence already shows its make-up done; stored, once the job has run.
    const done = await dutyWeek.getDutyWeek(officer, { week: '2031-W12' }, at('2031-03-26T03:00:00.000Z'));
    expect(done.absences[0]!.makeUp).toMatchObject({ status: 'fulfilled', amount: 3 });
    expect((await office.get<Absence>(`/absences/${absence.id}`)).makeUp).toMatchObject({ status: 'open' });
    const run = await job('2031-03-31T17:30:00.000Z'); // 01:30 on the due date: W13 evaluated, W12 re-checked
    expect(run.tenants[0]!.rechecked).toBeGreaterThanOrEqual(1);
    entry = await entryOf('2031-W12');
    expect(entry).toMatchObject({ status: 'excused', version: 2, makeUp: { covered: 3, remaining: 0, status: 'fulfilled' } });
    expect((await office.get<Absence>(`/absences/${absence.id}`)).makeUp).toMatchObject({ status: 'fulfilled' });
  });

  it('an expired make-up turns the excused week into a violation', async () => {
    // 2031-W14 (Tuesday 04-01), make-up due 04-15, none done.
    const absence = await approvedAbsence('2031-W14', '2031-03-28T01:00:00.000Z');
    await job('2031-04-07T17:30:00.000Z');
    expect(await entryOf('2031-W14')).toMatchObject({ status: 'excused', makeUp: { status: 'open', remaining: 3 } });
    await job('2031-04-15T15:00:00.000Z'); // 23:00 Shanghai on the due date: still open
    expect(await entryOf('2031-W14')).toMatchObject({ status: 'excused' });
    await job('2031-04-15T17:30:00.000Z'); // 01:30 the day after
    const entry = await entryOf('2031-W14');
    expect(entry).toMatchObject({ status: 'violation', makeUp: { status: 'expired', covered: 0 } });
    expect(entry!.reasons.join()).toContain('补课逾期');
    expect((await office.get<Absence>(`/absences/${absence.id}`)).makeUp).toMatchObject({ status: 'expired' });
  });

  it('runs again without writing anything, and every write is in the verified audit chain', async () => {
    const again = await job('2031-04-15T17:40:00.000Z');
    expect(again.tenants[0]).toMatchObject({ written: 0 });
    const entries = await audit.listAuditEntries(TENANT, { limit: 200 });
    const mine = entries.filter((e) => (e.record as { kind: string; id: string }).id === `${officer.officerId}:2031-W14`);
    expect(mine.map((e) => e.action)).toEqual(['update', 'create']);
    expect(await audit.verifyAuditChain(TENANT)).toMatchObject({ ok: true });
  });
});

describe('the county board and the live week through the API', () => {
  it('lists the week with counts; an officer sees only himself', async () => {
    const all = await board('2031-W11');
    expect(all.counts.violation).toBeGreaterThanOrEqual(1);
    expect(Object.values(all.counts).reduce((a, b) => a + b, 0)).toBe(all.items.length);
    // Violations first.
    expect(all.items[0]!.status).toBe('violation');
    const own = await officerApi.get<ComplianceBoard>('/duty/compliance', { week: '2031-W11' });
    expect(own.items.map((e) => e.officerId)).toEqual([officer.officerId]);
    expect(own.notEvaluated).toBe(0);
  });

  it('answers my week for the officer and refuses another officer’s week to him', async () => {
    const mine = await officerApi.get<DutyWeek>('/duty/week', { week: '2031-W10' });
    expect(mine).toMatchObject({ officerId: officer.officerId, role: 'contact_officer', week: '2031-W10', record: { status: 'met', sessionHours: 3.5 } });
    expect(mine.visits).toHaveLength(1);
    const response = await officerApi.request('GET', '/duty/week', { query: { officerId: programOffice.officerId!, week: '2031-W10' } });
    expect(response.status).toBe(404);
    // The office asks for any officer; one without village duty is a 400 naming officerId.
    expect((await office.get<DutyWeek>('/duty/week', { officerId: officer.officerId!, week: '2031-W10' })).record.status).toBe('met');
    const noDuty = await office.request('GET', '/duty/week', { query: { officerId: programOffice.officerId!, week: '2031-W10' } });
    expect(noDuty.status).toBe(400);
    expect(JSON.stringify(noDuty.body)).toContain('officerId');
  });

  it('evaluates a finished week on request and refuses one not over yet', async () => {
    const done = await office.post<{ week: string; officers: number; itemsRead: number }>('/duty/compliance/evaluate', { week: '2026-W30' });
    expect(done.week).toBe('2026-W30');
    expect(done.officers).toBeGreaterThan(0);
    const future = await office.request('POST', '/duty/compliance/evaluate', { body: { week: '2099-W10' } });
    expect(future.status).toBe(400);
    expect(JSON.stringify(future.body)).toContain('week');
  });
});

describe('a county in another time zone gets its own Tuesday', () => {
  it('counts a Los Angeles Tuesday afternoon that is Wednesday in Shanghai', async () => {
    // 2031-W16: Tuesday 2031-04-15. 13:00–16:30 Los Angeles (PDT, UTC−7) = 20:00–23:30 UTC,
    // which in Shanghai is Wednesday 04:00–07:30.
    const county = await office.get<TenantConfigRecord>('/config');
    await visit('2031-04-15T20:00:00.000Z', '2031-04-15T23:30:00.000Z');
    const shanghai = await dutyWeek.getDutyWeek(officer, { week: '2031-W16' }, at('2031-04-21T00:00:00.000Z'));
    expect(shanghai.record).toMatchObject({ status: 'violation', sessionDate: '2031-04-15', sessionHours: 0 });

    const changed = await office.put<TenantConfigRecord>('/config', { version: county.version, timeZone: 'America/Los_Angeles' });
    let la: DutyWeek;
    try {
      la = await dutyWeek.getDutyWeek(officer, { week: '2031-W16' }, at('2031-04-21T12:00:00.000Z'));
    } finally {
      await office.put('/config', { version: changed.version, timeZone: originalZone });
    }
    expect(la.timeZone).toBe('America/Los_Angeles');
    expect(la.record).toMatchObject({ status: 'met', sessionHours: 3.5, sessionStart: '2031-04-15T19:00:00.000Z', sessionEnd: '2031-04-16T01:00:00.000Z' });
    expect(la.visits.map((v) => v.checkedInAt)).toContain('2031-04-15T20:00:00.000Z');
    expect(isoWeekDate('2031-W16', 2)).toBe('2031-04-15');
  });
});

describe('compliance service', () => {
  it('re-evaluating an unchanged week writes nothing', async () => {
    const evaluation = await compliance.evaluateCountyWeek(TENANT, '2031-W11', '2031-05-01T00:00:00.000Z', { officerIds: [officer.officerId!] });
    expect(evaluation.officers).toBe(1);
    expect(evaluation.written).toBe(0);
  });
});
