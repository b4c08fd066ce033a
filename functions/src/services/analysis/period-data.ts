import {
  activeDeadline,
  DEFAULT_TENANT_CONFIG,
  idRange,
  reportId,
  type IntelType,
  type ReportTrendPoint,
  type ReportType,
  type Station,
  type Village,
} from '@beatlink/shared';
import type { AnalysisRules, VillageName } from '@beatlink/shared/analysis/hot-spots';
import type { PeriodCompliance, PeriodDispute, PeriodIntel, PeriodMatter, PeriodVisit, RunningMatter } from '@beatlink/shared/analysis/report-inputs';
import { earlierPeriods, previousPeriod, reportPeriod, type ReportPeriod } from '@beatlink/shared/analysis/report-periods';
import { weekCompliance } from '../../data/compliance';
import { listAllRecords } from '../../data/directory-records';
import { listDisputeRecords, queryAllMatters, type StoredMatter } from '../../data/matters';
import { householdsRegistered, intelCollected, visitsCheckedIn } from '../../data/period-records';
import { reportBases, type ReportBasis } from '../../data/reports';
import { getConfigRecord } from '../../data/tenant-config';
import type { TenantScopedContext } from '../../lib/tenant-context';
import { readRunningDeadlines } from '../matters/supervision';

/**
 * Everything the reports of one period need, read ONCE for the whole county and kept in memory:
 * the county report and every station's report are then partitions of it. Only bounded Queries
 * and key reads: the period's matters, disputes, visits, information and households by id range
 * (ids are time-ordered), the week's compliance records (one partition range), the running
 * deadlines up to the period's end (the deadline index), the directory's stations and villages,
 * and the earlier reports by key. `reads` counts the items read, for the benchmark.
 *
 * The period before: its per-village counts come from its stored report of the same scope; when
 * one is missing (the first run, a day outside a sensitive period) the previous period's matters
 * are read once by id range and recounted for every scope that lacks its report. The trend takes
 * the stored totals of the earlier periods; a period without a stored report is left out of the
 * trend (unknown rather than a misleading 0), except the period just before, which is recounted.
 */
export const ANALYSIS_ACTOR = { username: 'system:analysis', name: '研判讲评任务' };

export interface ScopeRef {
  kind: 'county' | 'station';
  id: string;
  name: string;
}

export interface PeriodData {
  tenantId: string;
  timeZone: string;
  rules: AnalysisRules;
  period: ReportPeriod;
  scopes: ScopeRef[];
  /** Reports of this period already stored, by id (only their basis was read). */
  existing: Set<string>;
  villages: VillageName[];
  matters: PeriodMatter[];
  disputes: PeriodDispute[];
  running: RunningMatter[];
  compliance?: PeriodCompliance[];
  visits: PeriodVisit[];
  intel: PeriodIntel[];
  households: Array<{ stationId: string }>;
  previous: Map<string, { total: number; villageCounts: Record<string, number> }>;
  trend: Map<string, ReportTrendPoint[]>;
  reads: number;
}

export const COUNTY_SCOPE_NAME = '全县';

export function systemContext(tenantId: string): TenantScopedContext {
  return { tenantId, username: ANALYSIS_ACTOR.username, name: ANALYSIS_ACTOR.name, roles: [], scope: 'tenant' };
}

export async function countySetting(tenantId: string): Promise<{ timeZone: string; rules: AnalysisRules }> {
  const config = await getConfigRecord(tenantId);
  return { timeZone: config?.timeZone ?? DEFAULT_TENANT_CONFIG.timeZone, rules: config?.analysis ?? DEFAULT_TENANT_CONFIG.analysis };
}

/** The scopes of a county's reports: the county, then its active stations by name. */
export async function reportScopes(ctx: TenantScopedContext): Promise<{ scopes: ScopeRef[]; reads: number }> {
  const stations = await listAllRecords<Station>(ctx, 'station');
  const active = stations.filter((s) => s.status === 'active').sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id));
  return {
    scopes: [{ kind: 'county', id: ctx.tenantId, name: COUNTY_SCOPE_NAME }, ...active.map((s) => ({ kind: 'station' as const, id: s.id, name: s.name }))],
    reads: stations.length,
  };
}

const inScope = (scope: ScopeRef, stationId: string | undefined) => scope.kind === 'county' || scope.id === stationId;

const periodMatter = (m: StoredMatter): PeriodMatter => ({
  id: m.id,
  title: m.title,
  kind: m.kind,
  categoryId: m.categoryId,
  categoryName: m.categoryName,
  status: m.status,
  linkage: m.linkage,
  villageId: m.villageId,
  villageName: m.villageName,
  stationId: m.stationId,
});

function countsOf(matters: readonly { villageId: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of matters) counts[m.villageId] = (counts[m.villageId] ?? 0) + 1;
  return counts;
}

const holderName = (m: StoredMatter) => (m.holder ? (m.holder.officerName ? `${m.holder.name}（${m.holder.officerName}）` : m.holder.name) : '未指定');

/** Matters taken in within [start, end): the matter partition's id range. */
function mattersTakenIn(tenantId: string, p: { start: number; end: number }): Promise<StoredMatter[]> {
  return queryAllMatters(tenantId, { range: { between: idRange('matter', p.start, p.end - 1) } });
}

/**
 * The stored reports this period and the ones before it: this period's (to skip what exists),
 * the previous one's (its village counts) and the trend's, for every scope, in one BatchGet.
 */
async function earlierReports(tenantId: string, type: ReportType, period: string, scopes: ScopeRef[], trendPeriods: number): Promise<Map<string, ReportBasis>> {
  const periods = [...earlierPeriods(type, period, trendPeriods - 1), period];
  return reportBases(
    tenantId,
    scopes.flatMap((s) => periods.map((p) => reportId(type, p, s.id))),
  );
}

/**
 * What exists already for the period (cheap: the directory's stations and one BatchGet). A run
 * that finds every report stored reads nothing else.
 */
export async function periodStatus(tenantId: string, type: ReportType, period: string): Promise<{ scopes: ScopeRef[]; bases: Map<string, ReportBasis>; setting: { timeZone: string; rules: AnalysisRules }; reads: number }> {
  const ctx = systemContext(tenantId);
  const [setting, { scopes, reads }] = await Promise.all([countySetting(tenantId), reportScopes(ctx)]);
  const bases = await earlierReports(tenantId, type, period, scopes, setting.rules.trendPeriods);
  return { scopes, bases, setting, reads: reads + bases.size };
}

export async function readPeriodData(tenantId: string, type: ReportType, periodId: string, status: Awaited<ReturnType<typeof periodStatus>>): Promise<PeriodData> {
  const ctx = systemContext(tenantId);
  const { scopes, bases, setting } = status;
  const period = reportPeriod(type, periodId, setting.timeZone);
  const range = { from: period.start, to: period.end - 1 };
  const endIso = new Date(period.end).toISOString();

  const [villages, matters, disputes, running, compliance, visits, intel, households] = await Promise.all([
    listAllRecords<Village>(ctx, 'village'),
    mattersTakenIn(tenantId, period),
    listDisputeRecords(tenantId, idRange('matter', range.from, range.to)),
    readRunningDeadlines(tenantId, endIso),
    type === 'weekly' ? weekCompliance(tenantId, periodId) : Promise.resolve(undefined),
    visitsCheckedIn(tenantId, range),
    intelCollected(tenantId, range),
    householdsRegistered(tenantId, range),
  ]);
  let reads = status.reads + villages.length + matters.length + disputes.length + running.length + (compliance?.length ?? 0) + visits.length + intel.length + households.length;

  // The period before, per scope: its report's counts, or (missing) a recount of its matters.
  const before = previousPeriod(type, periodId);
  const previous = new Map<string, { total: number; villageCounts: Record<string, number> }>();
  const missing = scopes.filter((s) => !bases.has(reportId(type, before, s.id)));
  for (const s of scopes) {
    const basis = bases.get(reportId(type, before, s.id));
    if (basis) previous.set(s.id, { total: basis.totals.matters, villageCounts: basis.villageCounts });
  }
  if (missing.length > 0) {
    const earlier = await mattersTakenIn(tenantId, reportPeriod(type, before, setting.timeZone));
    reads += earlier.length;
    for (const s of missing) {
      const mine = earlier.filter((m) => inScope(s, m.stationId));
      previous.set(s.id, { total: mine.length, villageCounts: countsOf(mine) });
    }
  }

  const trend = new Map<string, ReportTrendPoint[]>();
  for (const s of scopes) {
    const points = earlierPeriods(type, periodId, setting.rules.trendPeriods - 1).flatMap((p): ReportTrendPoint[] => {
      const basis = bases.get(reportId(type, p, s.id));
      if (basis) return [{ period: p, matters: basis.totals.matters }];
      return p === before ? [{ period: p, matters: previous.get(s.id)!.total }] : [];
    });
    trend.set(s.id, points);
  }

  return {
    tenantId,
    timeZone: setting.timeZone,
    rules: setting.rules,
    period,
    scopes,
    existing: new Set(scopes.map((s) => reportId(type, periodId, s.id)).filter((id) => bases.has(id))),
    villages: villages.filter((v) => v.status === 'active').map((v) => ({ id: v.id, name: v.name, stationId: v.stationId })),
    matters: matters.map(periodMatter),
    disputes: disputes.map((d) => ({ matterId: d.matterId, riskLevel: d.riskLevel, disputeType: d.disputeType })),
    running: running.map((m) => ({
      id: m.id,
      title: m.title,
      villageId: m.villageId,
      villageName: m.villageName,
      stationId: m.stationId,
      holderName: holderName(m),
      // The index holds only matters with a running deadline.
      deadline: activeDeadline(m)!,
      escalationLevel: m.supervision.escalationLevel,
    })),
    ...(compliance
      ? {
          compliance: compliance.map((c) => ({ officerId: c.officerId, officerName: c.officerName, role: c.role, status: c.status, reasons: c.reasons ?? [], ...(c.stationId ? { stationId: c.stationId } : {}) })),
        }
      : {}),
    visits: visits.map((v) => ({ id: v.id, officerId: v.officerId, villageId: v.villageId, stationId: v.stationId, householdsVisited: v.householdsVisited })),
    intel: intel.map((i) => ({ type: i.type as IntelType, stationId: i.stationId })),
    households: households.map((h) => ({ stationId: h.stationId })),
    previous,
    trend,
    reads,
  };
}

/** The records of one scope (the county: all of them). */
export function scopeSlice(data: PeriodData, scope: ScopeRef) {
  const mine = <T extends { stationId?: string }>(items: readonly T[]) => items.filter((i) => inScope(scope, i.stationId));
  const matters = mine(data.matters);
  const ids = new Set(matters.map((m) => m.id));
  return {
    villages: mine(data.villages),
    matters,
    disputes: data.disputes.filter((d) => ids.has(d.matterId)),
    running: mine(data.running),
    ...(data.compliance ? { compliance: mine(data.compliance) } : {}),
    visits: mine(data.visits),
    intel: mine(data.intel),
    householdsRegistered: mine(data.households).length,
  };
}
