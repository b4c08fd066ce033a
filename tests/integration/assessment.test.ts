import { beforeAll, describe, expect, inject, it } from 'vitest';
import { drawSample, type Appeal, type Officer, type Station, type SubjectScore, type Village } from '@beatlink/shared';
import { applyHandlerEnv } from '@beatlink/infra/local/handler-runtime';
import type * as Clock from '@beatlink/functions/lib/clock';
import type { TenantContext } from '@beatlink/functions/lib/tenant-context';
import type * as Repository from '@beatlink/functions/data/repository';
import type * as MatterData from '@beatlink/functions/data/matters';
import type * as ComplianceData from '@beatlink/functions/data/compliance';
import type * as VisitData from '@beatlink/functions/data/visits';
import type * as IntelData from '@beatlink/functions/data/intel';
import type * as RegistryData from '@beatlink/functions/data/registry';
import type * as Rules from '@beatlink/functions/services/assessment/score-rules';
import type * as Runs from '@beatlink/functions/services/assessment/scoring-run';
import type * as Access from '@beatlink/functions/services/assessment/score-access';
import type * as Preview from '@beatlink/functions/services/assessment/rule-preview';
import type * as Appeals from '@beatlink/functions/services/assessment/appeals';
import type * as SpotChecks from '@beatlink/functions/services/assessment/spot-checks';
import type * as ScoringJob from '@beatlink/functions/jobs/monthly-scoring';
import { closedVisit } from '@beatlink/infra/local/history-records';
import { storedHousehold, storedIntel, storedMatter } from '../lib/stored-records';
import { tableDigest } from '../lib/table-digest';
import '../support/provided';

/**
 * 网上得分、网上考核、网上排名 (issue #6) in a county of its own, onboarded here in Asia/Urumqi
 * (UTC+6), with hand-built October 2026 records written straight to the table, so every point can
 * be checked by hand: the monthly job at 1 November 02:00 local scores October, each score
 * explains itself, ties share a rank in a fixed order, a recomputation is a new version with its
 * reason, a rules version changes what a later run computes, a spot check's call-backs feed the
 * contact officers' scores, and an accepted appeal changes the score and the ranking.
 */
const config = inject('stackConfig');
const TENANT = '650103';
const ZONE = 'Asia/Urumqi';
const PERIOD = '2026-10';

let clock: typeof Clock;
let repo: typeof Repository;
let matters: typeof MatterData;
let compliance: typeof ComplianceData;
let visits: typeof VisitData;
let intel: typeof IntelData;
let registry: typeof RegistryData;
let rules: typeof Rules;
let runs: typeof Runs;
let access: typeof Access;
let preview: typeof Preview;
let appeals: typeof Appeals;
let spotChecks: typeof SpotChecks;
let scoringJob: (event: unknown) => Promise<ScoringJob.MonthlyScoringResult>;

let admin: TenantContext;
let station: Station;
const villages: Record<'c1' | 'v2' | 'c3', Village> = {} as never;
const officers: Record<'a' | 'b' | 'c' | 'k1' | 'k2', Officer> = {} as never;
let agencyId: string;

/** A local Urumqi time (UTC+6) as ISO UTC. */
const urumqi = (local: string) => new Date(Date.parse(`${local}+06:00`)).toISOString();
const at = (local: string) => ({ clock: clock.fixedClock(urumqi(local)) });
const asOfficer = (o: Officer): TenantContext => ({ tenantId: TENANT, username: o.username, name: o.name, roles: [o.role], officerId: o.id, unitId: o.officeId ?? o.workstationId, scope: 'own' });

async function putMatter(local: string, village: Village, by: string, extra: Partial<MatterData.StoredMatter> = {}): Promise<MatterData.StoredMatter> {
  const m = storedMatter(TENANT, urumqi(local), village, { source: 'resident', title: '测试诉求', description: '测试诉求', createdBy: by, updatedBy: by, ...extra });
  await repo.runTransaction([matters.putMatterOp(m, undefined)]);
  return m;
}

function closedBy(local: string, satisfied: boolean, late = false): Partial<MatterData.StoredMatter> {
  const when = urumqi(local);
  return {
    status: 'closed_resolved',
    outcome: 'resolved',
    closedAt: when,
    updatedAt: when,
    verification: { satisfied, method: 'phone', at: when, by: 'assess650103' },
    ...(late ? { supervision: { escalationLevel: 1, urgeCount: 1, deadline: when, overdueAt: when } } : {}),
  };
}

async function putWeeks(o: Officer, statuses: Array<'met' | 'violation'>): Promise<void> {
  const weeks = ['2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44'];
  await repo.runTransaction(
    statuses.map((status, i) =>
      compliance.putComplianceOp(
        {
          tenantId: TENANT,
          officerId: o.id,
          officerName: o.name,
          week: weeks[i]!,
          role: o.role as 'community_officer',
          status,
          periodOver: true,
          required: 2,
          unit: 'days',
          visitIds: [],
          reasons: status === 'violation' ? ['驻村天数不足且未报备'] : [],
          stationId: station.id,
          evaluatedAt: urumqi('2026-11-01T01:30:00'),
          version: 1,
        } as ComplianceData.StoredCompliance,
        undefined,
      ),
    ),
  );
}

async function putVisit(local: string, o: Officer, village: Village, households: number): Promise<void> {
  const place = { villageId: village.id, villageName: village.name, officeId: village.officeId, workstationId: village.workstationId, stationId: village.stationId };
  const visit = closedVisit({ tenantId: TENANT, officer: { id: o.id, name: o.name, role: o.role as 'community_officer' }, place, date: local.slice(0, 10), from: local.slice(11, 16), minutes: 180, timeZone: ZONE, householdsVisited: households, by: o.username });
  await repo.runTransaction([visits.putVisitOp(visit, undefined)]);
}

async function putIntel(local: string, o: Officer, village: Village, verified: boolean): Promise<void> {
  const when = urumqi(local);
  const verification = verified ? { state: 'verified' as const, at: when, by: 'assess650103' } : { state: 'unverified' as const };
  await repo.runTransaction([intel.putIntelRecordOp(storedIntel(TENANT, when, village, { verification, source: { username: o.username, name: o.name, officerId: o.id }, createdBy: o.username, updatedBy: o.username }), undefined)]);
}

async function putHousehold(village: Village, address: string): Promise<void> {
  await repo.runTransaction([registry.putHouseholdOp(storedHousehold(TENANT, urumqi('2026-09-01T10:00:00'), village, address), undefined)]);
}

const item = (score: SubjectScore, indicator: string) => score.items.find((i) => i.indicator === indicator)!;

beforeAll(async () => {
  applyHandlerEnv(config);
  clock = await import('@beatlink/functions/lib/clock');
  repo = await import('@beatlink/functions/data/repository');
  matters = await import('@beatlink/functions/data/matters');
  compliance = await import('@beatlink/functions/data/compliance');
  visits = await import('@beatlink/functions/data/visits');
  intel = await import('@beatlink/functions/data/intel');
  registry = await import('@beatlink/functions/data/registry');
  rules = await import('@beatlink/functions/services/assessment/score-rules');
  runs = await import('@beatlink/functions/services/assessment/scoring-run');
  access = await import('@beatlink/functions/services/assessment/score-access');
  preview = await import('@beatlink/functions/services/assessment/rule-preview');
  appeals = await import('@beatlink/functions/services/assessment/appeals');
  spotChecks = await import('@beatlink/functions/services/assessment/spot-checks');
  scoringJob = (await import('@beatlink/functions/jobs/monthly-scoring')).handler as typeof scoringJob;
  const { onboardTenant } = await import('@beatlink/functions/services/platform/tenants');
  const { platformOperator } = await import('@beatlink/functions/lib/tenant-context');
  const directory = {
    stations: (await import('@beatlink/functions/services/directory/stations')).stations,
    offices: (await import('@beatlink/functions/services/directory/offices')).offices,
    workstations: (await import('@beatlink/functions/services/directory/workstations')).workstations,
    villages: (await import('@beatlink/functions/services/directory/villages')).villages,
    departments: (await import('@beatlink/functions/services/directory/departments')).departments,
    officers: (await import('@beatlink/functions/services/directory/officers')).officers,
    agencies: (await import('@beatlink/functions/services/directory/agencies')).agencies,
  };

  await onboardTenant(platformOperator('assessment-test'), { tenantId: TENANT, name: '考核测试县公安局', timeZone: ZONE, admin: { username: 'assess650103', name: '考核测试员' } });
  admin = { tenantId: TENANT, username: 'assess650103', name: '考核测试员', roles: ['program_office'], scope: 'tenant' };
  station = await directory.stations.create(admin, { name: '城关派出所' });
  const office = (name: string, areaKind: 'urban' | 'rural') => directory.offices.create(admin, { name, stationId: station.id, areaKind });
  const [o1, o2, o3] = [await office('一警务室', 'urban'), await office('二警务室', 'rural'), await office('三警务室', 'urban')];
  const [w1, w2, w3] = [
    await directory.workstations.create(admin, { name: '一工作站', officeId: o1.id }),
    await directory.workstations.create(admin, { name: '二工作站', officeId: o2.id }),
    await directory.workstations.create(admin, { name: '三工作站', officeId: o3.id }),
  ];
  villages.c1 = (await directory.villages.create(admin, { name: '东风社区', kind: 'community', officeId: o1.id, workstationId: w1.id })) as Village;
  villages.v2 = (await directory.villages.create(admin, { name: '河西村', kind: 'village', officeId: o2.id, workstationId: w2.id })) as Village;
  villages.c3 = (await directory.villages.create(admin, { name: '南园社区', kind: 'community', officeId: o3.id, workstationId: w3.id })) as Village;
  const department = await directory.departments.create(admin, { name: '治安大队' });
  const officer = async (name: string, username: string, policeNumber: string, placement: Record<string, string>, role: 'community_officer' | 'contact_officer') =>
    (await directory.officers.create(admin, { name, username, policeNumber, phone: '13800000000', role, ...placement })) as Officer;
  officers.a = await officer('张三', 'assess.a', 'A650101', { stationId: station.id, officeId: o1.id, grade: 'first' }, 'community_officer');
  officers.b = await officer('钱七', 'assess.b', 'A650102', { stationId: station.id, officeId: o2.id, grade: 'first' }, 'community_officer');
  officers.c = await officer('李四', 'assess.c', 'A650103', { stationId: station.id, officeId: o3.id, grade: 'first' }, 'community_officer');
  officers.k1 = await officer('王五', 'assess.k1', 'A650104', { departmentId: department.id, workstationId: w1.id }, 'contact_officer');
  officers.k2 = await officer('赵六', 'assess.k2', 'A650105', { departmentId: department.id, workstationId: w2.id }, 'contact_officer');
  agencyId = (await directory.agencies.create(admin, { name: '司法局', kind: 'justice' })).id;

  // 张三 (community, urban): 4 of 5 weeks met and one violation, 20 households, three matters, two records.
  await putWeeks(officers.a, ['met', 'met', 'met', 'met', 'violation']);
  await putVisit('2026-10-05T09:00:00', officers.a, villages.c1, 10);
  await putVisit('2026-10-12T09:00:00', officers.a, villages.c1, 10);
  await putMatter('2026-10-06T10:00:00', villages.c1, officers.a.username, closedBy('2026-10-10T10:00:00', true));
  await putMatter('2026-10-07T10:00:00', villages.c1, officers.a.username, closedBy('2026-10-20T10:00:00', false, true));
  const dispute = await putMatter('2026-10-08T10:00:00', villages.c1, officers.a.username, { kind: 'dispute' });
  await repo.runTransaction([
    matters.putDisputeOp(TENANT, { matterId: dispute.id, parties: [], disputeType: 'neighbour', riskLevel: 'medium', stageFound: 'before', mediations: [], followUps: [], resolvedAtVillage: true, escalated: false, turnedIntoCase: false, version: 1, updatedAt: dispute.createdAt, updatedBy: 'test' }, undefined),
  ]);
  await putIntel('2026-10-09T15:00:00', officers.a, villages.c1, true);
  await putIntel('2026-10-09T16:00:00', officers.a, villages.c1, false);
  // 李四 (community, urban): every week met, nothing else. 钱七 (rural): nothing at all.
  await putWeeks(officers.c, ['met', 'met', 'met', 'met', 'met']);
  // The contact officers: every week met; one household each, called back in October.
  await putWeeks(officers.k1, ['met', 'met', 'met', 'met', 'met']);
  await putWeeks(officers.k2, ['met', 'met', 'met', 'met', 'met']);
  for (let n = 1; n <= 5; n++) await putHousehold(villages.c1, `东风社区 ${n} 号楼 201`);
  await putHousehold(villages.v2, '河西村 12 号');
  // The agency: accepted on time, answered a day late, verified satisfied, returned once.
  await putMatter('2026-10-02T10:00:00', villages.v2, 'hotline', {
    linkage: true,
    holder: { type: 'agency', id: agencyId, name: '司法局' },
    assignedAt: urumqi('2026-10-02T11:00:00'),
    acceptBy: urumqi('2026-10-03T12:00:00'),
    acceptedAt: urumqi('2026-10-03T10:00:00'),
    feedbackBy: urumqi('2026-10-09T12:00:00'),
    feedback: { outcome: 'resolved', note: '已调解', at: urumqi('2026-10-10T12:00:00'), by: 'agency', attachmentIds: [] },
    returnCount: 1,
    ...closedBy('2026-10-11T10:00:00', true),
  });
}, 240_000);

describe('monthly spot check (月抽查)', () => {
  it('draws a reproducible sample of September for each contact officer, and records call-backs', async () => {
    const drawn = await spotChecks.drawSpotChecks(admin, { month: '2026-09' }, at('2026-10-01T01:00:00'));
    expect(drawn).toMatchObject({ month: '2026-09', drawn: 2, existing: 0 });
    const again = await spotChecks.drawSpotChecks(admin, { month: '2026-09' }, at('2026-10-01T01:05:00'));
    expect(again).toMatchObject({ drawn: 0, existing: 2 });
    for (const check of drawn.checks) {
      expect(check.seed).toMatch(new RegExp(`^${TENANT}:2026-09:${check.officerId}:[0-9a-f]{16}$`));
      expect(check.items.every((i) => i.kind === 'household')).toBe(true);
      expect(JSON.stringify(check)).not.toContain('13800000000');
      let saved = check;
      for (const sampled of check.items) {
        saved = await spotChecks.recordSpotCheckResult(admin, check.id, { version: saved.version, itemId: sampled.itemId, result: 'pass' }, at('2026-10-05T10:00:00'));
      }
      expect(saved).toMatchObject({ status: 'done', passed: check.items.length, failed: 0 });
    }
    // 王五's workstation has five households: three drawn, and anyone can redraw them from the recorded seed.
    const k1 = drawn.checks.find((c) => c.officerId === officers.k1.id)!;
    expect(k1.candidates).toEqual({ visits: 0, households: 5 });
    expect(k1.items.map((i) => i.itemId)).toEqual(['h1', 'h2', 'h3']);
    const candidates = (await registry.queryVillageHouseholds(TENANT, villages.c1.id, { limit: 50 })).items;
    expect(drawSample(candidates, 3, `${k1.seed}:households`).map((h) => h.id)).toEqual(k1.items.map((i) => i.refId));
    expect(drawSample([...candidates].reverse(), 3, `${k1.seed}:households`).map((h) => h.id)).toEqual(k1.items.map((i) => i.refId));
    const current = await spotChecks.getSpotCheck(admin, k1.id);
    await expect(spotChecks.recordSpotCheckResult(admin, k1.id, { version: 1, itemId: 'h1', result: 'fail' })).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    await expect(spotChecks.recordSpotCheckResult(admin, k1.id, { version: current.version, itemId: 'v9', result: 'fail' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'itemId' })] });
  });
});

describe('monthly scoring (1 November 02:00 Asia/Urumqi scores October)', () => {
  it('publishes run version 1 with the default rules and explains every score to the point', async () => {
    const result = await scoringJob({ job: 'monthly-scoring', tenantId: TENANT, at: urumqi('2026-11-01T02:00:00') });
    expect(result.tenants[0]!.periods).toEqual([expect.objectContaining({ period: PERIOD, runVersion: 1, created: true, officers: 5, agencies: 1 })]);

    const a = await access.getScore(admin, PERIOD, officers.a.id);
    expect(a).toMatchObject({ rulesVersion: 0, runVersion: 1, set: 'community', group: { key: 'community.first.urban', label: '社区民警·一级·城市社区' }, rank: 1, groupSize: 2 });
    expect(a.items.map((i) => [i.indicator, i.raw, i.points])).toEqual([
      ['duty_compliance', 0.8, 20],
      ['households_visited', 20, 7.5],
      ['matters_taken_in', 3, 5],
      ['closed_on_time', 0.5, 7.5],
      ['satisfaction', 0.5, 7.89],
      ['disputes_resolved_village', 1, 10],
      ['intel_collected', 2, 1.25],
      ['intel_verified', 0.5, 3.13],
      ['violations', 1, -5],
    ]);
    expect(item(a, 'closed_on_time')).toMatchObject({ numerator: 1, denominator: 2, target: 1, weight: 15 });
    expect(a).toMatchObject({ scale: 1, earned: 62.27, deductions: -5, adjusted: 0, total: 57.27 });

    // Nothing to rate: the rates drop out and the rest is scaled up to 100.
    const c = await access.getScore(admin, PERIOD, officers.c.id);
    expect(c).toMatchObject({ scale: 1.8182, earned: 45.45, total: 45.45, rank: 2 });
    expect(item(c, 'satisfaction')).toMatchObject({ applicable: false, raw: null, points: 0 });
    const b = await access.getScore(admin, PERIOD, officers.b.id);
    expect(b).toMatchObject({ group: { key: 'community.first.rural' }, total: 0, rank: 1, groupSize: 1 });

    // The contact officers: identical months, identical totals — one rank, listed by name.
    const k1 = await access.getScore(admin, PERIOD, officers.k1.id);
    expect(item(k1, 'spot_check_pass')).toMatchObject({ raw: 1, numerator: 3, denominator: 3, points: 25 });
    expect(k1.total).toBe(64.71);
    const rankings = await access.getRankings(admin, PERIOD, {});
    const contact = rankings.groups.find((g) => g.group.key === 'contact')!;
    expect(contact.rows.map((r) => [r.name, r.total, r.rank])).toEqual([
      ['王五', 64.71, 1],
      ['赵六', 64.71, 1],
    ]);

    // The agency: on time accepted, late answered, satisfied, one return.
    const agencies = await access.listAgencyScores(admin, { period: PERIOD });
    expect(agencies.items.map((r) => [r.name, r.total, r.rank])).toEqual([['司法局', 65, 1]]);
  });

  it('writes nothing when the job runs again, and shows an officer only his own score', async () => {
    const before = await tableDigest(config);
    const again = await scoringJob({ job: 'monthly-scoring', tenantId: TENANT, at: urumqi('2026-11-01T02:15:00') });
    expect(again.tenants[0]!.periods[0]).toMatchObject({ runVersion: 1, created: false });
    expect(await tableDigest(config)).toEqual(before);

    const mine = await access.listScores(asOfficer(officers.a), { limit: 50 });
    expect(mine.items.map((s) => [s.period, s.subject.id])).toEqual([[PERIOD, officers.a.id]]);
    await expect(access.getScore(asOfficer(officers.a), PERIOD, officers.c.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const ranking = await access.getRankings(asOfficer(officers.a), PERIOD, {});
    expect(ranking.groups.map((g) => g.group.key)).toEqual(['community.first.urban']);
  });

  it('refuses a period that has not ended, naming it', async () => {
    await expect(runs.createScoreRun(admin, { period: '2026-11' }, at('2026-11-20T10:00:00'))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'period' })] });
  });
});

describe('versions: recomputation and rules', () => {
  it('recomputes a published period only with a reason, as a new version', async () => {
    await expect(runs.createScoreRun(admin, { period: PERIOD }, at('2026-11-02T10:00:00'))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'reason' })] });
    const v2 = await runs.createScoreRun(admin, { period: PERIOD, reason: '补录驻村记录后重新计算' }, at('2026-11-02T10:00:00'));
    expect(v2).toMatchObject({ version: 2, rulesVersion: 0, reason: '补录驻村记录后重新计算', status: 'published' });
    const list = await access.listScoreRuns(admin, {});
    expect(list.items.filter((r) => r.period === PERIOD).map((r) => [r.version, r.status])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);
    expect((await access.getScore(admin, PERIOD, officers.a.id)).total).toBe(57.27);
  });

  it('previews a draft against the published scores, then publishes it as version 1', async () => {
    const lower = { ...(await rules.currentRules(TENANT)).rules };
    lower.community = lower.community.map((r) => (r.indicator === 'households_visited' ? { ...r, target: 20 } : r));
    const draft = await rules.updateScoreRuleDraft(admin, { version: 0, rules: lower }, at('2026-11-03T10:00:00'));
    expect(draft).toMatchObject({ version: 1, basedOn: 0 });
    await expect(rules.updateScoreRuleDraft(admin, { version: 0, rules: lower })).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });

    const whatIf = await preview.previewScoreRuleDraft(admin, { period: PERIOD });
    expect(whatIf.rows.find((r) => r.subjectId === officers.a.id)).toMatchObject({ currentTotal: 57.27, draftTotal: 64.77, currentRank: 1, draftRank: 1 });
    expect((await access.getScore(admin, PERIOD, officers.a.id)).total).toBe(57.27);

    const published = await rules.publishScoreRules(admin, { version: 1, note: '降低社区民警走访户数标准' }, at('2026-11-03T11:00:00'));
    expect(published).toMatchObject({ version: 1, note: '降低社区民警走访户数标准' });
    await expect(rules.getScoreRuleDraft(admin)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const v3 = await runs.createScoreRun(admin, { period: PERIOD, reason: '按新考核细则重新计算' }, at('2026-11-03T12:00:00'));
    expect(v3).toMatchObject({ version: 3, rulesVersion: 1 });
    expect((await access.getScore(admin, PERIOD, officers.a.id)).total).toBe(64.77);
    // Version 0 (the defaults) is still readable: every score names the rules it was computed with.
    expect((await rules.getScoreRuleVersion(admin, 0)).rules.community.find((r) => r.indicator === 'households_visited')!.target).toBe(40);
  });
});

describe('appeals (申诉)', () => {
  let appeal: Appeal;

  it('lets an officer contest an item of his own score, once while it is open', async () => {
    appeal = await appeals.fileAppeal(asOfficer(officers.a), { period: PERIOD, indicator: 'violations', reason: '第44周已报备参加培训' }, at('2026-11-04T09:00:00'));
    expect(appeal).toMatchObject({ status: 'open', officerId: officers.a.id, runVersion: 3, itemPoints: -5, version: 1 });
    await expect(appeals.fileAppeal(asOfficer(officers.a), { period: PERIOD, indicator: 'violations', reason: '再次申诉' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(appeals.fileAppeal(asOfficer(officers.a), { period: PERIOD, indicator: 'spot_check_pass', reason: '不适用' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'indicator' })] });
    await expect(appeals.getAppeal(asOfficer(officers.c), appeal.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('accepted: the adjustment is recorded, the total and the ranking change', async () => {
    const decided = await appeals.decideAppeal(admin, appeal.id, { version: 1, decision: 'accept', points: 5, reason: '经核实已报备，撤销违规扣分' }, at('2026-11-05T10:00:00'));
    expect(decided).toMatchObject({ status: 'accepted', decision: { points: 5, reason: '经核实已报备，撤销违规扣分' } });
    const a = await access.getScore(admin, PERIOD, officers.a.id);
    expect(a.adjustments).toEqual([expect.objectContaining({ appealId: appeal.id, indicator: 'violations', points: 5 })]);
    expect(a).toMatchObject({ adjusted: 5, total: 69.77 });
    const group = (await access.getRankings(admin, PERIOD, {})).groups.find((g) => g.group.key === 'community.first.urban')!;
    expect(group.rows.map((r) => [r.name, r.total, r.rank])).toEqual([
      ['张三', 69.77, 1],
      ['李四', 45.45, 2],
    ]);
    await expect(appeals.decideAppeal(admin, appeal.id, { version: 2, decision: 'reject', reason: '重复处理' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('rejected: nothing changes but the appeal', async () => {
    const filed = await appeals.fileAppeal(asOfficer(officers.c), { period: PERIOD, indicator: 'households_visited', reason: '走访记录漏录' }, at('2026-11-04T10:00:00'));
    const decided = await appeals.decideAppeal(admin, filed.id, { version: filed.version, decision: 'reject', reason: '以驻村记录为准' }, at('2026-11-05T11:00:00'));
    expect(decided).toMatchObject({ status: 'rejected', decision: { reason: '以驻村记录为准' } });
    expect((await access.getScore(admin, PERIOD, officers.c.id)).total).toBe(45.45);
    const open = await appeals.listAppeals(admin, { status: 'open', limit: 50 });
    expect(open.items.filter((x) => x.period === PERIOD)).toEqual([]);
  });

  it('a recomputation keeps accepted adjustments, and an appeal filed before it is decided on the new version', async () => {
    const pending = await appeals.fileAppeal(asOfficer(officers.c), { period: PERIOD, indicator: 'duty_compliance', reason: '第40周培训已报备' }, at('2026-11-06T09:00:00'));
    const v4 = await runs.createScoreRun(admin, { period: PERIOD, reason: '补录走访记录' }, at('2026-11-06T10:00:00'));
    expect(v4.version).toBe(4);
    const a = await access.getScore(admin, PERIOD, officers.a.id);
    expect(a).toMatchObject({ runVersion: 4, adjusted: 5, total: 69.77 });
    expect(a.adjustments.map((x) => x.appealId)).toEqual([appeal.id]);

    await appeals.decideAppeal(admin, pending.id, { version: pending.version, decision: 'accept', points: 2, reason: '补计' }, at('2026-11-06T11:00:00'));
    const c = await access.getScore(admin, PERIOD, officers.c.id);
    expect(c).toMatchObject({ runVersion: 4, adjusted: 2, total: 47.45 });
  });
});

describe('concurrent and interrupted runs', () => {
  it('two recomputations at once: one claims the version and publishes, the other is refused', async () => {
    const results = await Promise.allSettled([
      runs.createScoreRun(admin, { period: PERIOD, reason: '甲：重新计算' }, at('2026-11-07T10:00:00')),
      runs.createScoreRun(admin, { period: PERIOD, reason: '乙：重新计算' }, at('2026-11-07T10:00:00')),
    ]);
    const won = results.filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof runs.createScoreRun>>> => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r.reason as { code: string }).code)).toEqual(['CONFLICT']);
    const list = (await access.listScoreRuns(admin, {})).items.filter((r) => r.period === PERIOD);
    expect(list.map((r) => [r.version, r.status])).toEqual([
      [5, 'published'],
      [4, 'superseded'],
      [3, 'superseded'],
      [2, 'superseded'],
      [1, 'superseded'],
    ]);
    const a = await access.getScore(admin, PERIOD, officers.a.id);
    expect(a).toMatchObject({ runVersion: 5, total: 69.77 });
    expect(list[0]!.reason).toBe(won[0]!.value.reason);
  });

  it('a version left computing by a run that stopped is taken over once its claim has expired', async () => {
    const { runTransaction } = repo;
    const scores = await import('@beatlink/functions/data/scores');
    const { conflict } = await import('@beatlink/functions/lib/app-error');
    const stale = { ...(await runs.createScoreRun(admin, { period: PERIOD, reason: '丙' }, at('2026-11-08T10:00:00'))), version: 7, status: 'computing' as const, claimedAt: new Date(Date.now() - 3_600_000).toISOString() };
    await runTransaction([scores.claimRunOp(stale, conflict('period', 'exists'))]);
    expect((await runs.scorePeriod(TENANT, PERIOD, { at: urumqi('2026-11-08T11:00:00'), reason: '接续中断的计算', by: { username: admin.username, name: admin.name } })).run).toMatchObject({ version: 7, status: 'published', reason: '接续中断的计算' });
    const fresh = { ...stale, version: 8, claimedAt: new Date().toISOString() };
    await runTransaction([scores.claimRunOp(fresh, conflict('period', 'exists'))]);
    await expect(runs.createScoreRun(admin, { period: PERIOD, reason: '丁' }, at('2026-11-08T12:00:00'))).rejects.toMatchObject({ code: 'CONFLICT', details: [expect.objectContaining({ path: 'period' })] });
    // While version 8 computes, version 7 stays in force.
    expect((await access.getScore(admin, PERIOD, officers.a.id)).runVersion).toBe(7);
  });
});
