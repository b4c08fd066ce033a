import { addHours, addIsoWeeks, isoWeekBounds, isoWeekDate, reportId, zonedWallTime, type Report } from '@beatlink/shared';
import type { StoredMatter } from '@beatlink/functions/data/matters';
import type { StoredVisit } from '@beatlink/functions/data/visits';
import type * as MatterData from '@beatlink/functions/data/matters';
import type * as MatterEntities from '@beatlink/functions/data/entities/matters';
import type * as AnalysisEntities from '@beatlink/functions/data/entities/analysis';
import type * as NotificationEntities from '@beatlink/functions/data/entities/notifications';
import type * as VisitData from '@beatlink/functions/data/visits';
import type * as VisitEntities from '@beatlink/functions/data/entities/visits';
import type * as Reports from '@beatlink/functions/data/reports';
import type * as Produce from '@beatlink/functions/services/analysis/produce-reports';
import type * as PeriodData from '@beatlink/functions/services/analysis/period-data';
import type * as ReportNotifications from '@beatlink/functions/services/analysis/report-notifications';
import { applyHandlerEnv } from '@beatlink/infra/local/handler-runtime';
import type { TestStack } from '../support/stack';
import { benchMatter } from './bench-matter';
import { benchVisit } from './bench-visit';
import { bulkPut } from './bulk-load';
import { layDownSeedShapedDirectory, type PlacedVillage } from './seed-shaped-county';
import { summarize, type Summary } from './stats';

/**
 * The weekly analysis (研判讲评, issue #5) with history vs without. Three fresh county partitions
 * get the seed-shaped directory (15 stations, 80 offices, 270 workstations and their villages):
 *
 * 1. `withoutHistory`: 5,000 matters taken in during the measured week and nothing before it.
 * 2. `withHistory`: the same 5,000 in the measured week and 200,000 in the 40 weeks before it.
 *    The job reads the week by id range (matter ids are time-ordered), the week before from its
 *    stored report, the trend from the stored reports' totals — so the 200,000 must not change its
 *    time: the ratio should be ≈ 1. As in a running county, the seven weeks before the measured
 *    one have their reports already (produced, untimed, before the runs).
 * 3. `realistic`: the seed-shaped county with a realistic week (350 matters, every duty officer's
 *    visits) and four weeks of history — the absolute time a county waits for on Monday 08:00.
 *
 * One measured run produces the week's reports of the county and its 15 stations from scratch
 * (the reports and their notifications of the previous run are deleted first, untimed): the same
 * reads, computing and 16 transactions every time. Runs alternate between the counties.
 */
export interface AnalysisBenchOptions {
  tenants: { withoutHistory: string; withHistory: string; realistic: string };
  weekMatters: number;
  historyMatters: number;
  historyWeeks: number;
  realisticMatters: number;
  rounds: number;
  concurrency: number;
}

type Phase = 'withoutHistory' | 'withHistory' | 'realistic';

export interface AnalysisBenchResult {
  measures: string;
  options: AnalysisBenchOptions;
  week: string;
  withoutHistory: Summary & { itemsRead: number; reports: number };
  withHistory: Summary & { itemsRead: number; reports: number };
  realistic: Summary & { itemsRead: number; reports: number; matters: number; visits: number };
  /** p50 with history ÷ p50 without. */
  ratio: number;
  itemsReadRatio: number;
  seeding: { historyMs: number; historyItemsPerSecond: number };
}

const TZ = 'Asia/Shanghai';
/** Far from the seeded weeks and the other benchmarks' weeks. */
const WEEK = '2034-W20';
/** Monday 08:00 after the week: when the job runs. */
const AT = new Date(zonedWallTime(isoWeekDate(addIsoWeeks(WEEK, 1), 1), '08:00', TZ)).toISOString();

type Modules = {
  matters: typeof MatterData;
  matterEntities: typeof MatterEntities;
  analysisEntities: typeof AnalysisEntities;
  notificationEntities: typeof NotificationEntities;
  visits: typeof VisitData;
  visitEntities: typeof VisitEntities;
  reports: typeof Reports;
  produce: typeof Produce;
  periodData: typeof PeriodData;
  notifications: typeof ReportNotifications;
};

async function load(): Promise<Modules> {
  return {
    matters: await import('@beatlink/functions/data/matters'),
    matterEntities: await import('@beatlink/functions/data/entities/matters'),
    analysisEntities: await import('@beatlink/functions/data/entities/analysis'),
    notificationEntities: await import('@beatlink/functions/data/entities/notifications'),
    visits: await import('@beatlink/functions/data/visits'),
    visitEntities: await import('@beatlink/functions/data/entities/visits'),
    reports: await import('@beatlink/functions/data/reports'),
    produce: await import('@beatlink/functions/services/analysis/produce-reports'),
    periodData: await import('@beatlink/functions/services/analysis/period-data'),
    notifications: await import('@beatlink/functions/services/analysis/report-notifications'),
  };
}

/** A deterministic stream in [0, 1) (the same data in every county and every run of the benchmark). */
function stream(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

const KINDS = ['demand', 'dispute', 'tip', 'hazard', 'service'] as const;
const CATEGORIES = [
  { id: 'public_order', name: '治安' },
  { id: 'traffic', name: '交通' },
  { id: 'neighbour', name: '邻里纠纷' },
  { id: 'land', name: '土地纠纷' },
  { id: 'welfare', name: '民生救助' },
];

/**
 * `n` matters taken in during `week`, skewed towards some villages (so there are hot spots and a
 * long tail); in the measured week the newer half is still open with a running deadline, in the
 * weeks before (`closed`) every one has been worked and closed.
 */
function weekMatters(tenantId: string, week: string, n: number, villages: PlacedVillage[], seed: number, closed = false): StoredMatter[] {
  const { start, end } = isoWeekBounds(week, TZ);
  const next = stream(seed);
  return Array.from({ length: n }, (_, i) => {
    const createdAt = new Date(start + Math.floor(((end - start) * (i + 0.5)) / n)).toISOString();
    const village = villages[Math.floor(villages.length * next() ** 2)]!;
    const category = CATEGORIES[i % CATEGORIES.length]!;
    const base = { ...benchMatter(tenantId, i, createdAt, village), kind: KINDS[i % KINDS.length]!, categoryId: category.id, categoryName: category.name, linkage: i % 7 === 0 };
    const assignedAt = addHours(createdAt, 1);
    return closed || i < n / 2
      ? { ...base, status: 'closed_resolved', assignedAt, acceptedAt: addHours(assignedAt, 2), outcome: 'resolved', closedAt: addHours(assignedAt, 30), version: 6 }
      : { ...base, assignedAt, acceptBy: addHours(assignedAt, 8 + (i % 48)), feedbackBy: addHours(assignedAt, 72) };
  });
}

/** Every duty officer's visits of the week: two days for community officers, the Tuesday session for contact officers. */
function weekVisits(tenantId: string, week: string, villages: PlacedVillage[]): StoredVisit[] {
  const visit = (v: PlacedVillage, officerId: string, role: 'community_officer' | 'contact_officer', date: string, from: string, minutes: number): StoredVisit =>
    benchVisit({ tenantId, officer: { id: officerId, name: '基准民警', role }, place: v, date, from, minutes, timeZone: TZ });
  const byOffice = new Map<string, PlacedVillage>();
  const byWorkstation = new Map<string, PlacedVillage>();
  for (const v of villages) {
    if (!byOffice.has(v.officeId)) byOffice.set(v.officeId, v);
    if (!byWorkstation.has(v.workstationId)) byWorkstation.set(v.workstationId, v);
  }
  return [
    ...[...byOffice.values()].flatMap((v) => [
      visit(v, `ofr_CO${v.officeId.slice(4, 26)}`, 'community_officer', isoWeekDate(week, 2), '09:00', 180),
      visit(v, `ofr_CO${v.officeId.slice(4, 26)}`, 'community_officer', isoWeekDate(week, 4), '09:00', 150),
    ]),
    ...[...byWorkstation.values()].map((v) => visit(v, `ofr_CT${v.workstationId.slice(4, 26)}`, 'contact_officer', isoWeekDate(week, 2), '13:00', 200)),
  ];
}

export async function benchAnalysis(stack: TestStack, opts: AnalysisBenchOptions, log: (line: string) => void = console.log): Promise<AnalysisBenchResult> {
  applyHandlerEnv(stack.config);
  const m = await load();
  const putMatters = (items: StoredMatter[]) =>
    bulkPut(m.matterEntities.MatterEntity, items.map((x) => ({ ...x, ...m.matters.matterIndexKeys(x.tenantId, x) })), opts.concurrency);
  const phases: Phase[] = ['withoutHistory', 'withHistory', 'realistic'];

  const villagesOf = {} as Record<Phase, PlacedVillage[]>;
  const visitsOf = {} as Record<Phase, number>;
  for (const phase of phases) {
    const tenantId = opts.tenants[phase];
    villagesOf[phase] = (await layDownSeedShapedDirectory(tenantId)).placed;
    const n = phase === 'realistic' ? opts.realisticMatters : opts.weekMatters;
    await putMatters(weekMatters(tenantId, WEEK, n, villagesOf[phase], 7));
    const visits = weekVisits(tenantId, WEEK, villagesOf[phase]);
    visitsOf[phase] = visits.length;
    await bulkPut(m.visitEntities.VisitEntity, visits.map(m.visits.visitItem), opts.concurrency);
  }
  log(`analysis bench: directory, ${opts.weekMatters} matters of ${WEEK} and the duty officers' visits laid down in each county`);

  // History: the 40 weeks before, week by week, in the county with history; four in the realistic one.
  let started = performance.now();
  const perWeek = Math.floor(opts.historyMatters / opts.historyWeeks);
  for (let back = opts.historyWeeks; back >= 1; back--) {
    const week = addIsoWeeks(WEEK, -back);
    await putMatters(weekMatters(opts.tenants.withHistory, week, perWeek, villagesOf.withHistory, 1_000 + back, true));
    if (back <= 4) await putMatters(weekMatters(opts.tenants.realistic, week, opts.realisticMatters, villagesOf.realistic, 1_000 + back, true));
    if (back % 10 === 0) log(`analysis bench: ${(opts.historyWeeks - back + 1) * perWeek} history matters written`);
  }
  const historyMs = performance.now() - started;
  log(`analysis bench: ${perWeek * opts.historyWeeks} history matters written in ${(historyMs / 1000).toFixed(1)} s`);

  // As in a running county: the weeks before the measured one have their reports (untimed).
  started = performance.now();
  for (const phase of phases) {
    for (let back = 7; back >= 1; back--) await m.produce.producePeriod(opts.tenants[phase], 'weekly', addIsoWeeks(WEEK, -back), AT);
  }
  log(`analysis bench: the 7 earlier weeks' reports produced in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  /** Deletes the measured week's reports and their notifications, so the next run produces them again. */
  const clear = async (tenantId: string, reportIds: string[]) => {
    const { DeleteItemCommand } = await import('dynamodb-toolbox/entity/actions/delete');
    for (const id of reportIds) {
      const report: Report | undefined = await m.reports.getReportRecord(tenantId, id);
      if (!report) continue;
      for (const n of m.notifications.reportNotifications(report)) await m.notificationEntities.NotificationEntity.build(DeleteItemCommand).key({ tenantId, id: n.id }).send();
      await m.analysisEntities.ReportEntity.build(DeleteItemCommand).key({ tenantId, id }).send();
    }
  };

  const times: Record<Phase, number[]> = { withoutHistory: [], withHistory: [], realistic: [] };
  const read: Record<Phase, number> = { withoutHistory: 0, withHistory: 0, realistic: 0 };
  const reports: Record<Phase, number> = { withoutHistory: 0, withHistory: 0, realistic: 0 };
  // A warm-up round, then the measured ones; the order within a round alternates.
  for (let round = 0; round <= opts.rounds; round++) {
    for (const phase of round % 2 === 0 ? phases : [...phases].reverse()) {
      const tenantId = opts.tenants[phase];
      const { scopes } = await m.periodData.reportScopes(m.periodData.systemContext(tenantId));
      await clear(tenantId, scopes.map((scope) => reportId('weekly', WEEK, scope.id)));
      const t0 = performance.now();
      const counts = await m.produce.producePeriod(tenantId, 'weekly', WEEK, AT);
      const ms = performance.now() - t0;
      if (counts.written !== counts.reports || counts.reports < 2) throw new Error(`analysis bench ${phase}: unexpected counts ${JSON.stringify({ ...counts, reportsById: undefined })}`);
      if (round > 0) times[phase].push(ms);
      read[phase] = counts.itemsRead;
      reports[phase] = counts.reports;
    }
  }
  const s = (phase: Phase) => ({ ...summarize(times[phase]), itemsRead: read[phase], reports: reports[phase] });
  const withoutHistory = s('withoutHistory');
  const withHistory = s('withHistory');
  return {
    measures: `one run producing ${WEEK}'s reports (county + stations) from scratch: the week's reads, computing and one transaction per report`,
    options: opts,
    week: WEEK,
    withoutHistory,
    withHistory,
    realistic: { ...s('realistic'), matters: opts.realisticMatters, visits: visitsOf.realistic },
    ratio: Math.round((withHistory.p50Ms / withoutHistory.p50Ms) * 100) / 100,
    itemsReadRatio: Math.round((withHistory.itemsRead / withoutHistory.itemsRead) * 100) / 100,
    seeding: { historyMs: Math.round(historyMs), historyItemsPerSecond: Math.round((perWeek * opts.historyWeeks) / (historyMs / 1000)) },
  };
}
