import { COMPLIANCE_STATUSES, type ComplianceStatus } from '../duty/labels';
import { INTEL_TYPE_LABELS, INTEL_TYPES } from '../intel/labels';
import { MATTER_KIND_LABELS, MATTER_KINDS, isOpenStatus, type MatterStatus } from '../matters/kinds';
import { villageRows, type VillageName } from './hot-spots';
import { reportActions } from './report-actions';
import type { PeriodMatter, ReportInput } from './report-inputs';
import { periodLabel } from './report-periods';
import { reportSummary } from './report-summary';
import { reportId, type CountRow, type Report, type ReportDisputeRow, type ReportDuty, type ReportDutyRow, type ReportOverdueRow } from './reports';

export type { ReportInput } from './report-inputs';

/**
 * One report (研判讲评 or 日调度) of one scope, computed from the period's records. Pure and
 * deterministic: every list has a total order (count, then name, then id), nothing reads a clock
 * (`generatedAt` is an input), so the same records always give the same report.
 *
 * Detail lists are capped (DETAIL_ROW_LIMIT) so a report stays far below DynamoDB's 400 KB item
 * limit in a large county; the totals always count everything.
 */
export const DETAIL_ROW_LIMIT = 100;

const HOUR = 3_600_000;

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Rows for every value of a fixed vocabulary (zeros included), most first, then vocabulary order. */
function vocabularyRows<K extends string>(values: readonly K[], labels: Record<K, { zh: string }>, counts: Map<string, number>): CountRow[] {
  return values
    .map((key, order) => ({ row: { key, name: labels[key].zh, count: counts.get(key) ?? 0 }, order }))
    .sort((a, b) => b.row.count - a.row.count || a.order - b.order)
    .map((r) => r.row);
}

function categoryRows(matters: readonly PeriodMatter[]): CountRow[] {
  const names = new Map(matters.map((m) => [m.categoryId, m.categoryName]));
  return [...countBy(matters, (m) => m.categoryId)]
    .map(([key, count]) => ({ key, name: names.get(key) ?? key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

const byName = (a: { name: string; id: string }, b: { name: string; id: string }) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id);

const DUTY_SEVERITY: Record<ComplianceStatus, number> = { violation: 0, short: 1, excused: 2, met: 3 };

function dutyOf(input: ReportInput): ReportDuty {
  if (!input.compliance) {
    // Daily: there is no rule per day; the day's visits are what duty shows.
    return { evaluated: new Set(input.visits.map((v) => v.officerId)).size, byStatus: { visited: new Set(input.visits.map((v) => v.officerId)).size }, problems: [] };
  }
  const byStatus: Record<string, number> = Object.fromEntries(COMPLIANCE_STATUSES.map((s) => [s, 0]));
  for (const c of input.compliance) byStatus[c.status] = (byStatus[c.status] ?? 0) + 1;
  const problems: ReportDutyRow[] = input.compliance
    .filter((c) => c.status === 'violation' || c.status === 'short')
    .sort((a, b) => DUTY_SEVERITY[a.status] - DUTY_SEVERITY[b.status] || byName({ name: a.officerName, id: a.officerId }, { name: b.officerName, id: b.officerId }))
    .map((c) => ({ officerId: c.officerId, officerName: c.officerName, role: c.role, status: c.status, reasons: c.reasons }));
  return { evaluated: input.compliance.length, byStatus, problems };
}

export function buildReport(input: ReportInput): Report {
  const { matters } = input;
  const words = input.type === 'weekly' ? { this: '本周', periodText: `${input.period}（${periodLabel('weekly', input.period)}）` } : { this: '当日', periodText: periodLabel('daily', input.period) };

  const villageCounts = Object.fromEntries([...countBy(matters, (m) => m.villageId)].sort((a, b) => a[0].localeCompare(b[0])));
  const names = new Map<string, VillageName>(matters.map((m) => [m.villageId, { id: m.villageId, name: m.villageName, stationId: m.stationId }]));
  for (const v of input.villages) names.set(v.id, v);
  const ranking = villageRows(villageCounts, input.previous.villageCounts, names, input.rules);
  const hotSpots = ranking.filter((v) => v.hot);

  const matterById = new Map(matters.map((m) => [m.id, m]));
  const highRisk = input.disputes
    .filter((d) => d.riskLevel === 'high' && matterById.has(d.matterId))
    .map((d) => {
      const m = matterById.get(d.matterId)!;
      return { matterId: m.id, title: m.title, villageId: m.villageId, villageName: m.villageName, riskLevel: d.riskLevel, status: m.status, statusKey: m.status as MatterStatus, disputeType: d.disputeType };
    })
    .sort((a, b) => a.matterId.localeCompare(b.matterId));

  const overdue = input.running
    .filter((r) => Date.parse(r.deadline) < input.end)
    .map((r) => ({
      matterId: r.id,
      title: r.title,
      villageId: r.villageId,
      villageName: r.villageName,
      holderName: r.holderName,
      deadline: r.deadline,
      overdueHours: Math.floor((input.end - Date.parse(r.deadline)) / HOUR),
      escalationLevel: r.escalationLevel,
    }))
    .sort((a, b) => b.overdueHours - a.overdueHours || a.matterId.localeCompare(b.matterId));

  const duty = dutyOf(input);
  const visited = new Set(input.visits.map((v) => v.villageId));
  const uncovered = input.villages.filter((v) => !visited.has(v.id)).sort(byName);

  const totals = {
    matters: matters.length,
    previous: input.previous.total,
    linkage: matters.filter((m) => m.linkage).length,
    highRiskDisputes: highRisk.length,
    overdue: overdue.length,
    visits: input.visits.length,
    householdsVisited: input.visits.reduce((sum, v) => sum + v.householdsVisited, 0),
    intelCollected: input.intel.length,
    householdsRegistered: input.householdsRegistered,
    hotSpots: hotSpots.length,
  };
  const byKind = vocabularyRows(MATTER_KINDS, MATTER_KIND_LABELS, countBy(matters, (m) => m.kind));

  const summary = reportSummary({
    type: input.type,
    periodText: words.periodText,
    scope: input.scope,
    totals,
    byKind,
    hotSpots,
    openHighRiskDisputes: highRisk.filter((d) => isOpenStatus(d.statusKey)).length,
    maxOverdueHours: overdue[0]?.overdueHours ?? 0,
    duty,
    officersVisiting: new Set(input.visits.map((v) => v.officerId)).size,
    uncoveredVillages: uncovered.length,
  });
  const actions = reportActions({
    periodWord: words.this,
    hotSpots,
    disputes: highRisk.slice(0, DETAIL_ROW_LIMIT),
    overdue: overdue.slice(0, DETAIL_ROW_LIMIT),
    duty: duty.problems,
    uncovered,
  });

  const disputeRow = ({ villageId: _v, statusKey: _s, ...row }: (typeof highRisk)[number]): ReportDisputeRow => row;
  const overdueRow = ({ villageId: _v, ...row }: (typeof overdue)[number]): ReportOverdueRow => row;
  return {
    tenantId: input.tenantId,
    id: reportId(input.type, input.period, input.scope.id),
    type: input.type,
    period: input.period,
    periodStart: new Date(input.start).toISOString(),
    periodEnd: new Date(input.end).toISOString(),
    timeZone: input.timeZone,
    scope: input.scope,
    ...(input.sensitivePeriod ? { sensitivePeriod: input.sensitivePeriod } : {}),
    totals,
    byKind,
    byCategory: categoryRows(matters),
    byVillage: ranking.slice(0, input.rules.villageRankingSize),
    hotSpots,
    trend: [...input.earlierTrend, { period: input.period, matters: matters.length }],
    highRiskDisputes: highRisk.slice(0, DETAIL_ROW_LIMIT).map(disputeRow),
    overdue: overdue.slice(0, DETAIL_ROW_LIMIT).map(overdueRow),
    duty: { ...duty, problems: duty.problems.slice(0, DETAIL_ROW_LIMIT) },
    intelByType: vocabularyRows(INTEL_TYPES, INTEL_TYPE_LABELS, countBy(input.intel, (i) => i.type)),
    summary,
    actions,
    villageCounts,
    generatedAt: input.generatedAt,
    version: 1,
  };
}
