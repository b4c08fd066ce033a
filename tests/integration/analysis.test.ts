import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { type Report, type ReportSummary, type Station, type Village } from '@beatlink/shared';
import { applyHandlerEnv } from '@beatlink/infra/local/handler-runtime';
import type * as Clock from '@beatlink/functions/lib/clock';
import type { TenantContext } from '@beatlink/functions/lib/tenant-context';
import type * as Repository from '@beatlink/functions/data/repository';
import type * as MatterData from '@beatlink/functions/data/matters';
import type * as ComplianceData from '@beatlink/functions/data/compliance';
import type * as VisitData from '@beatlink/functions/data/visits';
import type * as IntelData from '@beatlink/functions/data/intel';
import type * as RegistryData from '@beatlink/functions/data/registry';
import type * as NotificationData from '@beatlink/functions/data/notifications';
import type * as ReportData from '@beatlink/functions/data/reports';
import type * as Produce from '@beatlink/functions/services/analysis/produce-reports';
import type * as Access from '@beatlink/functions/services/analysis/report-access';
import type * as Export from '@beatlink/functions/services/analysis/report-export';
import type * as Assign from '@beatlink/functions/services/analysis/assign-action';
import type * as Periods from '@beatlink/functions/services/analysis/sensitive-periods';
import type * as WeeklyJob from '@beatlink/functions/jobs/weekly-analysis';
import type * as DailyJob from '@beatlink/functions/jobs/daily-dispatch';
import { closedVisit } from '@beatlink/infra/local/history-records';
import { storedHousehold, storedIntel, storedMatter } from '../lib/stored-records';
import { apiAs, type ApiClient } from '../support/api';
import { idToken } from '../support/auth';
import '../support/provided';

/**
 * 研判讲评 and 日调度 (issue #5) in a county of its own, onboarded here in Asia/Urumqi (UTC+6), with
 * hand-built records around New Year 2027 (2026-W53 → 2027-W01) written straight to the table, so
 * every count is exact. The jobs run in this process with an injected `at` — the handlers the
 * scheduler invokes; the services are called as the routes call them; the HTTP routes are checked
 * in a seeded county (another county's report is 404 there).
 */
const config = inject('stackConfig');
const logins = inject('logins');
const TENANT = '650102';
const ZONE = 'Asia/Urumqi';
const OTHER = '370211';

let clock: typeof Clock;
let repo: typeof Repository;
let matters: typeof MatterData;
let compliance: typeof ComplianceData;
let visits: typeof VisitData;
let intel: typeof IntelData;
let registry: typeof RegistryData;
let notifications: typeof NotificationData;
let reports: typeof ReportData;
let produce: typeof Produce;
let access: typeof Access;
let exporter: typeof Export;
let assign: typeof Assign;
let periods: typeof Periods;
let weeklyJob: (event: unknown) => Promise<WeeklyJob.WeeklyAnalysisResult>;
let dailyJob: (event: unknown) => Promise<DailyJob.DailyDispatchResult>;
let deps: () => Parameters<typeof Assign.assignReportAction>[4] & object;

let admin: TenantContext;
let stnA: Station;
let stnB: Station;
let officeA: string;
const v: Record<'east' | 'west' | 'south' | 'north', Village> = {} as never;

const at = (iso: string) => ({ ...deps(), clock: clock.fixedClock(iso) });
/** A local Urumqi time (UTC+6) as ISO UTC. */
const urumqi = (local: string) => new Date(Date.parse(`${local}+06:00`)).toISOString();

async function putMatter(local: string, village: Village, n: number, extra: Partial<MatterData.StoredMatter> = {}): Promise<MatterData.StoredMatter> {
  const m = storedMatter(TENANT, urumqi(local), village, { title: `测试事项${n}`, description: `测试事项${n}`, categoryName: '治安问题', ...extra });
  await repo.runTransaction([matters.putMatterOp(m, undefined)]);
  return m;
}

async function putVisit(local: string, village: Village, households: number): Promise<void> {
  const officer = { id: 'ofr_01JD3Z6Q9V8C2M4N5P6R7S8T9A', name: '张伟', role: 'community_officer' as const };
  const place = { villageId: village.id, villageName: village.name, officeId: village.officeId, workstationId: village.workstationId, stationId: village.stationId };
  const [date, from] = [local.slice(0, 10), local.slice(11, 16)];
  await repo.runTransaction([visits.putVisitOp(closedVisit({ tenantId: TENANT, officer, place, date, from, minutes: 120, timeZone: ZONE, householdsVisited: households, by: 'test' }), undefined)]);
}

async function putCompliance(officerId: string, officerName: string, station: Station, status: 'met' | 'violation', reasons: string[]): Promise<void> {
  await repo.runTransaction([
    compliance.putComplianceOp(
      {
        tenantId: TENANT,
        officerId,
        officerName,
        week: '2027-W01',
        role: 'contact_officer',
        status,
        periodOver: true,
        required: 3,
        unit: 'hours',
        visitIds: [],
        reasons,
        stationId: station.id,
        evaluatedAt: '2027-01-11T00:00:00.000Z',
        version: 1,
      } as ComplianceData.StoredCompliance,
      undefined,
    ),
  ]);
}

const weekly = (iso: string) => weeklyJob({ job: 'weekly-analysis', tenantId: TENANT, at: iso });
const daily = (iso: string) => dailyJob({ job: 'daily-dispatch', tenantId: TENANT, at: iso });
const countyId = (week: string) => `rpt_w_${week}_${TENANT}`;

beforeAll(async () => {
  applyHandlerEnv(config);
  // Imported after the environment is set: handler modules read it once, at import.
  clock = await import('@beatlink/functions/lib/clock');
  repo = await import('@beatlink/functions/data/repository');
  matters = await import('@beatlink/functions/data/matters');
  compliance = await import('@beatlink/functions/data/compliance');
  visits = await import('@beatlink/functions/data/visits');
  intel = await import('@beatlink/functions/data/intel');
  registry = await import('@beatlink/functions/data/registry');
  notifications = await import('@beatlink/functions/data/notifications');
  reports = await import('@beatlink/functions/data/reports');
  produce = await import('@beatlink/functions/services/analysis/produce-reports');
  access = await import('@beatlink/functions/services/analysis/report-access');
  exporter = await import('@beatlink/functions/services/analysis/report-export');
  assign = await import('@beatlink/functions/services/analysis/assign-action');
  periods = await import('@beatlink/functions/services/analysis/sensitive-periods');
  weeklyJob = (await import('@beatlink/functions/jobs/weekly-analysis')).handler as typeof weeklyJob;
  dailyJob = (await import('@beatlink/functions/jobs/daily-dispatch')).handler as typeof dailyJob;
  deps = (await import('@beatlink/functions/services/deps')).defaultDeps;
  const { onboardTenant } = await import('@beatlink/functions/services/platform/tenants');
  const { platformOperator } = await import('@beatlink/functions/lib/tenant-context');
  const { stations } = await import('@beatlink/functions/services/directory/stations');
  const { offices } = await import('@beatlink/functions/services/directory/offices');
  const { workstations } = await import('@beatlink/functions/services/directory/workstations');
  const { villages } = await import('@beatlink/functions/services/directory/villages');

  await onboardTenant(platformOperator('analysis-test'), { tenantId: TENANT, name: '天山区公安局', timeZone: ZONE, admin: { username: 'analysis650102', name: '研判测试员' } });
  admin = { tenantId: TENANT, username: 'analysis650102', name: '研判测试员', roles: ['program_office'], scope: 'tenant' };
  stnA = await stations.create(admin, { name: '东城派出所' });
  stnB = await stations.create(admin, { name: '西城派出所' });
  const ofcA = await offices.create(admin, { name: '东城警务室', stationId: stnA.id, areaKind: 'rural' });
  const ofcB = await offices.create(admin, { name: '西城警务室', stationId: stnB.id, areaKind: 'rural' });
  officeA = ofcA.id;
  const wksA = await workstations.create(admin, { name: '东城警务工作站', officeId: ofcA.id });
  const wksB = await workstations.create(admin, { name: '西城警务工作站', officeId: ofcB.id });
  const village = async (name: string, officeId: string, workstationId: string) => (await villages.create(admin, { name, kind: 'village', officeId, workstationId })) as Village;
  v.east = await village('东村', ofcA.id, wksA.id);
  v.west = await village('西村', ofcA.id, wksA.id);
  v.south = await village('南村', ofcA.id, wksA.id);
  v.north = await village('北村', ofcB.id, wksB.id);

  // 2026-W53 (Dec 28 – Jan 3): 东村 1, 西村 1 (assigned, accept by 2027-01-08 12:00 local), 北村 2.
  await putMatter('2026-12-29T10:00:00', v.east, 1);
  await putMatter('2026-12-30T10:00:00', v.west, 2, {
    status: 'assigned',
    holder: { type: 'office', id: ofcA.id, name: '东城警务室', stationId: stnA.id },
    assignedAt: urumqi('2026-12-30T11:00:00'),
    acceptBy: urumqi('2027-01-08T12:00:00'),
    feedbackBy: urumqi('2027-01-15T12:00:00'),
    supervision: { escalationLevel: 1, urgeCount: 0 },
  });
  await putMatter('2027-01-02T10:00:00', v.north, 3);
  await putMatter('2027-01-03T23:30:00', v.north, 4);
  // 2027-W01 (Jan 4–10): 东村 4 (one a high-risk dispute, open), 西村 3, 北村 1.
  await putMatter('2027-01-05T09:00:00', v.east, 5);
  await putMatter('2027-01-05T15:00:00', v.east, 6, { linkage: true });
  const dispute = await putMatter('2027-01-06T09:00:00', v.east, 7, { kind: 'dispute', severity: 'high', title: '宅基地纠纷' });
  await putMatter('2027-01-06T10:00:00', v.east, 8);
  await putMatter('2027-01-06T11:00:00', v.west, 9);
  await putMatter('2027-01-06T12:00:00', v.west, 10);
  await putMatter('2027-01-06T13:00:00', v.west, 11);
  await putMatter('2027-01-07T09:00:00', v.north, 12);
  await repo.runTransaction([
    matters.putDisputeOp(
      TENANT,
      { matterId: dispute.id, parties: [], disputeType: 'land', riskLevel: 'high', stageFound: 'before', mediations: [], followUps: [], resolvedAtVillage: false, escalated: false, turnedIntoCase: false, version: 1, updatedAt: dispute.createdAt, updatedBy: 'test' },
      undefined,
    ),
  ]);
  // Visits on Jan 6 in 东村 only; compliance of W01: one met (A), one violation (B).
  await putVisit('2027-01-06T14:00:00', v.east, 3);
  await putVisit('2027-01-06T16:30:00', v.east, 2);
  await putCompliance('ofr_01JD3Z6Q9V8C2M4N5P6R7S8T9B', '赵磊', stnA, 'met', []);
  await putCompliance('ofr_01JD3Z6Q9V8C2M4N5P6R7S8T9C', '李强', stnB, 'violation', ['周二未入村且未报备']);
  // One information record and one household registered in W01 (东城).
  const t = urumqi('2027-01-07T10:00:00');
  await repo.runTransaction([
    intel.putIntelRecordOp(storedIntel(TENANT, t, v.east, { type: 'person', title: '独居老人' }), undefined),
    registry.putHouseholdOp(storedHousehold(TENANT, t, v.east, '东村 1 号'), undefined),
  ]);
}, 240_000);

describe('weekly analysis (Monday 08:00 Asia/Urumqi, across New Year)', () => {
  it('Monday 2027-01-04 08:00 local reports 2026-W53 for the county and each station', async () => {
    const result = await weekly(urumqi('2027-01-04T08:00:00'));
    expect(result.tenants[0]).toMatchObject({ tenantId: TENANT, type: 'weekly', period: '2026-W53', reports: 3, written: 3, existing: 0, notifications: 3 });
    const w53 = await access.getReport(admin, countyId('2026-W53'));
    expect(w53.totals).toMatchObject({ matters: 4, previous: 0, hotSpots: 0, overdue: 0 });
    // The week before (2026-W52) had no report: recounted (0) for the trend.
    expect(w53.trend).toEqual([
      { period: '2026-W52', matters: 0 },
      { period: '2026-W53', matters: 4 },
    ]);
    expect(w53.periodStart).toBe('2026-12-27T18:00:00.000Z');
  });

  it('Monday 2027-01-11 08:00 local reports 2027-W01 exactly', async () => {
    const result = await weekly('2027-01-11T02:00:00.000Z');
    const counts = result.tenants[0]!;
    expect(counts).toMatchObject({ period: '2027-W01', reports: 3, written: 3, existing: 0, notifications: 3 });
    expect(counts.itemsRead).toBeGreaterThan(0);

    const r = await access.getReport(admin, countyId('2027-W01'));
    expect(r).toMatchObject({ type: 'weekly', period: '2027-W01', timeZone: ZONE, scope: { kind: 'county', id: TENANT, name: '全县' }, periodStart: '2027-01-03T18:00:00.000Z', periodEnd: '2027-01-10T18:00:00.000Z', version: 1 });
    expect(r.totals).toEqual({ matters: 8, previous: 4, linkage: 1, highRiskDisputes: 1, overdue: 1, visits: 2, householdsVisited: 5, intelCollected: 1, householdsRegistered: 1, hotSpots: 2 });
    expect(r.byVillage.map((x) => [x.villageName, x.count, x.previous, x.change, x.hot])).toEqual([
      ['东村', 4, 1, 3, true],
      ['西村', 3, 1, 2, true],
      ['北村', 1, 2, -1, false],
    ]);
    expect(r.trend).toEqual([
      { period: '2026-W53', matters: 4 },
      { period: '2027-W01', matters: 8 },
    ]);
    expect(r.highRiskDisputes).toEqual([expect.objectContaining({ title: '宅基地纠纷', villageName: '东村', riskLevel: 'high', status: 'triage', disputeType: 'land' })]);
    // Accept-by Jan 8 12:00 local; the week ends Jan 11 00:00 local: 60 hours.
    expect(r.overdue).toEqual([expect.objectContaining({ villageName: '西村', holderName: '东城警务室', overdueHours: 60, escalationLevel: 1 })]);
    expect(r.duty).toEqual({ evaluated: 2, byStatus: { met: 1, short: 0, excused: 0, violation: 1 }, problems: [expect.objectContaining({ officerName: '李强', status: 'violation' })] });
    expect(r.actions.map((a) => [a.id, a.kind, a.villageName ?? a.officerId])).toEqual([
      ['act_1', 'hot_spot', '东村'],
      ['act_2', 'hot_spot', '西村'],
      ['act_3', 'high_risk_dispute', '东村'],
      ['act_4', 'overdue', '西村'],
      ['act_5', 'duty_violation', 'ofr_01JD3Z6Q9V8C2M4N5P6R7S8T9C'],
      ['act_6', 'uncovered_village', '北村'],
      ['act_7', 'uncovered_village', '南村'],
      ['act_8', 'uncovered_village', '西村'],
    ]);
    expect(r.summary[0]).toBe('2027-W01（1月4日—1月10日）全县共受理事项 8 件，较上周增加 4 件（+100%）；其中群众诉求 7 件、矛盾纠纷 1 件；需部门联动 1 件。');
    expect(r.summary[1]).toBe('热点村 2 个：东村（4 件，上周 1 件）、西村（3 件，上周 1 件），须组织排查。');
    expect(r.villageCounts).toEqual({ [v.east.id]: 4, [v.north.id]: 1, [v.west.id]: 3 });

    const a = await access.getReport(admin, `rpt_w_2027-W01_${stnA.id}`);
    expect(a.scope).toEqual({ kind: 'station', id: stnA.id, name: '东城派出所' });
    expect(a.totals).toMatchObject({ matters: 7, previous: 2, hotSpots: 2, highRiskDisputes: 1, overdue: 1, visits: 2, intelCollected: 1, householdsRegistered: 1 });
    expect(a.duty.byStatus).toMatchObject({ met: 1, violation: 0 });
    const b = await access.getReport(admin, `rpt_w_2027-W01_${stnB.id}`);
    expect(b.totals).toMatchObject({ matters: 1, previous: 2, hotSpots: 0, highRiskDisputes: 0, overdue: 0, visits: 0 });
    expect(b.actions.map((x) => x.kind)).toEqual(['duty_violation', 'uncovered_village']);
  });

  it('notifies the leaders (county) and each station chief once, in the same write', async () => {
    const leader = await notifications.listNotificationsFor(TENANT, 'ROLE#bureau_leader', { limit: 50 });
    const mine = leader.items.filter((n) => n.subject?.id === countyId('2027-W01'));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ reason: 'report_ready', audience: { kind: 'role', key: 'ROLE#bureau_leader' }, createdAt: '2027-01-11T02:00:00.000Z' });
    expect(mine[0]!.message).toContain('受理事项 8 件');
    const chief = await notifications.listNotificationsFor(TENANT, `ROLE#station_chief#${stnA.id}`, { limit: 50 });
    expect(chief.items.filter((n) => n.subject?.id === `rpt_w_2027-W01_${stnA.id}`)).toHaveLength(1);
  });

  it('runs again without writing: same id, same content, no second item or notification', async () => {
    const before = await access.getReport(admin, countyId('2027-W01'));
    const again = await weekly('2027-01-11T02:30:00.000Z');
    expect(again.tenants[0]).toMatchObject({ period: '2027-W01', reports: 3, written: 0, existing: 3, notifications: 0 });
    expect(await access.getReport(admin, countyId('2027-W01'))).toEqual(before);
    const listed = await reports.queryScopeReports(TENANT, 'weekly', TENANT, { limit: 10 });
    expect(listed.items.map((x) => x.period)).toEqual(['2027-W01', '2026-W53']);
    const leader = await notifications.listNotificationsFor(TENANT, 'ROLE#bureau_leader', { limit: 50 });
    expect(leader.items.filter((n) => n.subject?.id === countyId('2027-W01'))).toHaveLength(1);
  });

  it('generates on request only for a finished week, answering the stored report', async () => {
    const now = at('2027-01-12T00:00:00.000Z');
    const stored = await produce.generateReport(admin, { type: 'weekly', week: '2027-W01' }, now);
    expect(stored).toEqual(await access.getReport(admin, countyId('2027-W01')));
    await expect(produce.generateReport(admin, { type: 'weekly', week: '2027-W02' }, now)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'week' }] });
  });
});

describe('visibility', () => {
  it('shows a station chief his station’s reports only', async () => {
    const chief: TenantContext = { tenantId: TENANT, username: 'chief-a', name: '所长', roles: ['station_chief'], scope: 'station', unitId: stnA.id };
    const page = await access.listReports(chief, { limit: 50, status: 'active' });
    expect(page.items.map((x: ReportSummary) => x.id)).toEqual([`rpt_w_2027-W01_${stnA.id}`, `rpt_w_2026-W53_${stnA.id}`]);
    await expect(access.getReport(chief, countyId('2027-W01'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(access.getReport(chief, `rpt_w_2027-W01_${stnB.id}`)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(access.listReports(chief, { limit: 50, status: 'active', scope: 'county' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The county's offices see every scope.
    const all = await access.listReports(admin, { limit: 50, status: 'active' });
    expect(all.items).toHaveLength(6);
    // Newest week first, and in each week the county's report before its stations'.
    expect(all.items.map((x: ReportSummary) => `${x.period} ${x.scope.kind}`)).toEqual([
      '2027-W01 county',
      '2027-W01 station',
      '2027-W01 station',
      '2026-W53 county',
      '2026-W53 station',
      '2026-W53 station',
    ]);
  });

  it('answers 404 for another county’s report through the API', async () => {
    const office = await apiAs(config, logins.byTenant[OTHER]!.program_office!);
    const response = await office.request('GET', `/analysis/reports/${countyId('2027-W01')}`);
    expect(response.status).toBe(404);
    expect((await office.request('GET', `/analysis/reports/${countyId('2027-W01')}/export`)).status).toBe(404);
  });
});

describe('action items → assigned matters', () => {
  it('assigns a hot-spot action once; the second time is a 409 naming the matter', async () => {
    const now = at('2027-01-11T03:00:00.000Z');
    const input = { kind: 'hazard' as const, categoryId: 'public_order', severity: 'medium' as const, policeBusiness: true, assignee: { type: 'office' as const, id: officeA }, note: '请组织集中排查' };
    const done = await assign.assignReportAction(admin, countyId('2027-W01'), 'act_1', input, now);
    expect(done.matter).toMatchObject({ status: 'assigned', source: 'office', villageId: v.east.id, holder: { type: 'office', id: officeA }, kind: 'hazard', version: 3 });
    expect(done.matter.reporter).toBeUndefined();
    expect(done.action).toMatchObject({ id: 'act_1', assignedMatterId: done.matter.id, assignedAt: '2027-01-11T03:00:00.000Z', assignedBy: admin.username });
    const events = await matters.listMatterEvents(TENANT, done.matter.id);
    expect(events.map((e) => e.type)).toEqual(['created', 'triage', 'assign']);
    const report = await access.getReport(admin, countyId('2027-W01'));
    expect(report.version).toBe(2);
    expect(report.actions[0]!.assignedMatterId).toBe(done.matter.id);

    const again = assign.assignReportAction(admin, countyId('2027-W01'), 'act_1', input, now);
    await expect(again).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(again).rejects.toThrow(done.matter.id);
    // An action about an officer, not a village: 422 naming the action.
    await expect(assign.assignReportAction(admin, countyId('2027-W01'), 'act_5', input, now)).rejects.toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', details: [{ path: 'actionId' }] });
  });
});

describe('xlsx export', () => {
  it('writes the report as a workbook with Chinese sheets', async () => {
    const file = await exporter.exportReport(admin, countyId('2027-W01'));
    expect(file.fileName).toBe('研判报告-2027-W01-全县.xlsx');
    expect(file.contentType).toBe(exporter.XLSX_CONTENT_TYPE);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.data as never);
    expect(book.worksheets.map((s) => s.name)).toEqual(['概况', '分类统计', '村排名', '高风险纠纷', '超期事项', '驻村履职', '研判事项']);
    const rows = (name: string) => (book.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(rows('村排名')).toEqual([
      ['排名', '村（社区）', '本期', '上期', '变化', '热点'],
      [1, '东村', 4, 1, 3, '是'],
      [2, '西村', 3, 1, 2, '是'],
      [3, '北村', 1, 2, -1, '否'],
    ]);
    expect(book.getWorksheet('村排名')!.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(rows('概况')).toContainEqual(['受理事项', 8]);
    expect(rows('研判事项')).toHaveLength(9);
    expect(rows('研判事项')[1]!.slice(0, 2)).toEqual(['act_1', '热点村排查']);
  });

  it('answers the file through the API (seeded county, a finished week generated on request)', async () => {
    const login = logins.byTenant[OTHER]!.program_office!;
    const office: ApiClient = await apiAs(config, login);
    const created = await office.post<Report>('/analysis/reports', { type: 'weekly', week: '2026-W40' });
    expect(created.id).toBe(`rpt_w_2026-W40_${OTHER}`);
    const response = await fetch(`${config.gatewayUrl}/analysis/reports/${created.id}/export`, { headers: { authorization: `Bearer ${await idToken(config, login)}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(exporter.XLSX_CONTENT_TYPE);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await response.arrayBuffer()) as never);
    expect(book.worksheets[0]!.name).toBe('概况');
    const future = await office.request('POST', '/analysis/reports', { body: { type: 'weekly', week: '2099-W10' } });
    expect(future.status).toBe(400);
    expect(JSON.stringify(future.body)).toContain('week');

    // A contact officer (seconded, placed at a workstation) reads his workstation's station's reports only.
    const contact = await apiAs(config, logins.byTenant[OTHER]!.contact_officer!);
    const me = await contact.get<{ unitId: string }>('/me');
    const { stationId } = await office.get<{ stationId: string }>(`/directory/workstations/${me.unitId}`);
    const seen = await contact.get<{ items: ReportSummary[] }>('/analysis/reports', { type: 'weekly' });
    expect(seen.items.map((x) => x.id)).toContain(`rpt_w_2026-W40_${stationId}`);
    expect(seen.items.every((x) => x.scope.kind === 'station' && x.scope.id === stationId)).toBe(true);
    expect((await contact.request('GET', `/analysis/reports/${created.id}`)).status).toBe(404);
    expect((await contact.get<Report>(`/analysis/reports/rpt_w_2026-W40_${stationId}`)).scope.id).toBe(stationId);
  });
});

describe('daily dispatch in a sensitive period (Wednesday to Friday)', () => {
  let periodId: string;

  it('produces a dispatch exactly for the days inside the period', async () => {
    const created = await periods.createSensitivePeriod(admin, { name: '元旦后安保', startDate: '2027-01-06', endDate: '2027-01-08' }, at('2027-01-01T00:00:00.000Z'));
    periodId = created.id;
    const produced: string[] = [];
    // Every morning 07:30 local from Wed Jan 6 to Sun Jan 10: yesterday = Jan 5 … Jan 9.
    for (const day of ['06', '07', '08', '09', '10']) {
      const result = await daily(urumqi(`2027-01-${day}T07:30:00`));
      const counts = result.tenants[0]!;
      if (counts.written > 0) produced.push(counts.period!);
      expect(counts.written).toBe(counts.period ? 3 : 0);
    }
    expect(produced).toEqual(['2027-01-06', '2027-01-07', '2027-01-08']);

    const jan6 = await access.getReport(admin, `rpt_d_2027-01-06_${TENANT}`);
    expect(jan6).toMatchObject({ type: 'daily', sensitivePeriod: { id: periodId, name: '元旦后安保' }, periodStart: '2027-01-05T18:00:00.000Z', periodEnd: '2027-01-06T18:00:00.000Z' });
    // Jan 6: 东村 2, 西村 3 (Jan 5, not dispatched, recounted: 东村 2).
    expect(jan6.totals).toMatchObject({ matters: 5, previous: 2, hotSpots: 1, visits: 2, householdsVisited: 5 });
    expect(jan6.hotSpots.map((x) => x.villageName)).toEqual(['西村']);
    expect(jan6.duty).toEqual({ evaluated: 1, byStatus: { visited: 1 }, problems: [] });
    const jan7 = await access.getReport(admin, `rpt_d_2027-01-07_${TENANT}`);
    expect(jan7.totals).toMatchObject({ matters: 1, previous: 5, intelCollected: 1, householdsRegistered: 1 });
    expect(jan7.trend.slice(-2)).toEqual([
      { period: '2027-01-06', matters: 5 },
      { period: '2027-01-07', matters: 1 },
    ]);
    const leader = await notifications.listNotificationsFor(TENANT, 'ROLE#bureau_leader', { limit: 50 });
    expect(leader.items.filter((n) => n.reason === 'dispatch_ready')).toHaveLength(3);
  });

  it('refuses a daily dispatch on request outside the period, answers the stored one inside', async () => {
    const now = at('2027-01-12T00:00:00.000Z');
    await expect(produce.generateReport(admin, { type: 'daily', date: '2027-01-05' }, now)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'date' }] });
    const stored = await produce.generateReport(admin, { type: 'daily', date: '2027-01-07' }, now);
    expect(stored.id).toBe(`rpt_d_2027-01-07_${TENANT}`);
    expect(stored.version).toBe(1);
  });

  it('lists its dispatches, refuses a stale version, and keeps the dispatches when cancelled', async () => {
    const detail = await periods.getSensitivePeriod(admin, periodId);
    expect(detail.dispatches.map((d) => d.period)).toEqual(['2027-01-06', '2027-01-07', '2027-01-08']);
    const moved = await periods.updateSensitivePeriod(admin, periodId, { version: 1, name: '元旦后安保', startDate: '2027-01-06', endDate: '2027-01-09' }, at('2027-01-09T00:00:00.000Z'));
    expect(moved.version).toBe(2);
    await expect(periods.updateSensitivePeriod(admin, periodId, { version: 1, name: 'x', startDate: '2027-01-06', endDate: '2027-01-09' })).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    const cancelled = await periods.cancelSensitivePeriod(admin, periodId, { version: 2, reason: '提前结束' }, at('2027-01-09T01:00:00.000Z'));
    expect(cancelled.status).toBe('cancelled');
    // Jan 9 lay in the moved period, but it is cancelled: nothing.
    expect((await daily(urumqi('2027-01-10T07:30:00'))).tenants[0]).toMatchObject({ reports: 0, written: 0 });
    expect((await periods.getSensitivePeriod(admin, periodId)).dispatches).toHaveLength(3);
    const listed = await periods.listSensitivePeriods(admin, { limit: 10, status: 'all', from: '2027-01-01' });
    expect(listed.items.map((p) => [p.id, p.status])).toEqual([[periodId, 'cancelled']]);
  });
});
