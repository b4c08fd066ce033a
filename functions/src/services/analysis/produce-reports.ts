import { periodCovers, reportId, type Report, type ReportGenerateInput, type ReportType } from '@beatlink/shared';
import { buildReport } from '@beatlink/shared/analysis/compute';
import { lastFinishedWeek, periodFinished, reportPeriod, yesterdayOf } from '@beatlink/shared/analysis/report-periods';
import { putNotificationOp } from '../../data/notifications';
import { getReportRecord, putNewReportOp } from '../../data/reports';
import { runTransaction } from '../../data/repository';
import { sensitivePeriodsEndingFrom, type StoredSensitivePeriod } from '../../data/sensitive-periods';
import { AppError, invalidField } from '../../lib/app-error';
import { isoNow } from '../../lib/clock';
import { requireTenant, type TenantContext } from '../../lib/tenant-context';
import { defaultDeps, type ServiceDeps } from '../deps';
import { countySetting, periodStatus, readPeriodData, scopeSlice, type PeriodData, type ScopeRef } from './period-data';
import { reportNotifications } from './report-notifications';

/**
 * Producing the reports of one period (研判讲评 weekly, 日调度 daily): the county's and each
 * station's, computed from one read of the period (period-data.ts) and written each with its
 * "report ready" notification in ONE transaction, conditional on the report not existing. The id
 * is stable per period and scope, so a re-run (or a concurrent run that lost the race) writes
 * nothing and answers the stored report unchanged.
 */
export interface AnalysisRunCounts {
  type: ReportType;
  /** The week or day reported; absent when the daily job had nothing to do. */
  period?: string;
  /** Reports of the period (county + stations). */
  reports: number;
  written: number;
  /** Already stored before this run (or written by a concurrent one). */
  existing: number;
  notifications: number;
  /** Items read from the table (directory, period records, earlier reports). */
  itemsRead: number;
}

type Outcome = { report: Report; written: boolean };

async function writeReport(report: Report, withNotifications = true): Promise<Outcome> {
  const exists = new AppError('CONFLICT', 'report already stored');
  const notified = new AppError('CONFLICT', 'notification already in the outbox');
  const notifications = withNotifications ? reportNotifications(report).map((n) => putNotificationOp(n, notified)) : [];
  try {
    await runTransaction([putNewReportOp(report, exists), ...notifications]);
    return { report, written: true };
  } catch (error) {
    // Its notification is already in the outbox (an earlier write half-done elsewhere): the report alone.
    if (error === notified) return writeReport(report, false);
    // Stored already, or a concurrent run's transaction on the same items: the stored one wins.
    if (error === exists || (error instanceof AppError && error.code === 'CONFLICT')) {
      const stored = await getReportRecord(report.tenantId, report.id);
      if (stored) return { report: stored, written: false };
    }
    throw error;
  }
}

function reportOf(data: PeriodData, scope: ScopeRef, generatedAt: string, sensitivePeriod?: StoredSensitivePeriod): Report {
  return buildReport({
    tenantId: data.tenantId,
    type: data.period.type,
    period: data.period.period,
    start: data.period.start,
    end: data.period.end,
    timeZone: data.timeZone,
    scope,
    ...(sensitivePeriod ? { sensitivePeriod: { id: sensitivePeriod.id, name: sensitivePeriod.name } } : {}),
    rules: data.rules,
    ...scopeSlice(data, scope),
    previous: data.previous.get(scope.id)!,
    earlierTrend: data.trend.get(scope.id) ?? [],
    generatedAt,
  });
}

/** Every scope's report of the period: those stored are answered as stored, the rest computed and written. */
export async function producePeriod(tenantId: string, type: ReportType, period: string, at: string, sensitivePeriod?: StoredSensitivePeriod): Promise<AnalysisRunCounts & { reportsById: Map<string, Report> }> {
  const status = await periodStatus(tenantId, type, period);
  const ids = status.scopes.map((s) => reportId(type, period, s.id));
  const reportsById = new Map<string, Report>();
  const counts: AnalysisRunCounts = { type, period, reports: ids.length, written: 0, existing: 0, notifications: 0, itemsRead: status.reads };
  if (ids.every((id) => status.bases.has(id))) {
    counts.existing = ids.length;
    return { ...counts, reportsById };
  }
  const data = await readPeriodData(tenantId, type, period, status);
  counts.itemsRead = data.reads;
  for (const scope of data.scopes) {
    if (data.existing.has(reportId(type, period, scope.id))) {
      counts.existing++;
      continue;
    }
    const outcome = await writeReport(reportOf(data, scope, at, sensitivePeriod));
    reportsById.set(outcome.report.id, outcome.report);
    if (outcome.written) {
      counts.written++;
      counts.notifications += reportNotifications(outcome.report).length;
    } else {
      counts.existing++;
    }
  }
  return { ...counts, reportsById };
}

const strip = ({ reportsById: _r, ...counts }: AnalysisRunCounts & { reportsById: unknown }): AnalysisRunCounts => counts;

/** Job weekly-analysis: the ISO week before the one holding `at`, in the county's zone. */
export async function runWeeklyAnalysis(tenantId: string, at: string): Promise<AnalysisRunCounts> {
  const { timeZone } = await countySetting(tenantId);
  return strip(await producePeriod(tenantId, 'weekly', lastFinishedWeek(at, timeZone), at));
}

/** The active sensitive period covering `date`, if any (the earliest started, then by id). */
export async function coveringPeriod(tenantId: string, date: string): Promise<{ period?: StoredSensitivePeriod; reads: number }> {
  const periods = await sensitivePeriodsEndingFrom(tenantId, date);
  const covering = periods.filter((p) => periodCovers(p, date)).sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id));
  return { period: covering[0], reads: periods.length };
}

/** Job daily-dispatch: yesterday (county zone), only when it lies in an active sensitive period. */
export async function runDailyDispatch(tenantId: string, at: string): Promise<AnalysisRunCounts> {
  const { timeZone } = await countySetting(tenantId);
  const day = yesterdayOf(at, timeZone);
  const { period, reads } = await coveringPeriod(tenantId, day);
  if (!period) return { type: 'daily', reports: 0, written: 0, existing: 0, notifications: 0, itemsRead: reads };
  const counts = strip(await producePeriod(tenantId, 'daily', day, at, period));
  return { ...counts, itemsRead: counts.itemsRead + reads };
}

/**
 * POST /analysis/reports: a finished week's analysis, or a finished day's dispatch inside an
 * active sensitive period, now. Answers the county report (stored before, or written now).
 */
export async function generateReport(ctxIn: TenantContext, input: ReportGenerateInput, deps: Pick<ServiceDeps, 'clock'> = defaultDeps()): Promise<Report> {
  const ctx = requireTenant(ctxIn);
  const at = isoNow(deps.clock);
  const { timeZone } = await countySetting(ctx.tenantId);
  let produced: Awaited<ReturnType<typeof producePeriod>>;
  if (input.type === 'weekly') {
    if (!periodFinished(reportPeriod('weekly', input.week, timeZone), at)) throw invalidField('week', `${input.week} 尚未结束，只能对已结束的周进行研判 / only a finished week can be analysed`);
    produced = await producePeriod(ctx.tenantId, 'weekly', input.week, at);
  } else {
    if (!periodFinished(reportPeriod('daily', input.date, timeZone), at)) throw invalidField('date', `${input.date} 尚未结束，只能对已结束的日期生成日调度 / only a finished day can be dispatched`);
    const { period } = await coveringPeriod(ctx.tenantId, input.date);
    if (!period) throw invalidField('date', `${input.date} 不在生效的敏感时期内，不生成日调度 / the date lies in no active sensitive period`);
    produced = await producePeriod(ctx.tenantId, 'daily', input.date, at, period);
  }
  const id = reportId(input.type, input.type === 'weekly' ? input.week : input.date, ctx.tenantId);
  return produced.reportsById.get(id) ?? (await getReportRecord(ctx.tenantId, id))!;
}
