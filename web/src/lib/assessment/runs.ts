import { ASSESSMENT_PERIOD_PATTERN, assessmentPeriodLabel, type AssessmentPeriodType } from '@beatlink/shared/assessment/periods';
import type { ScoreRun } from '@beatlink/shared/assessment/views';

/** The scoring runs of the 考核排名 page: periods with their current and superseded versions. */

export interface PeriodRuns {
  period: string;
  periodType: AssessmentPeriodType;
  label: string;
  /** The published version (absent if every version was superseded, which should not happen). */
  current?: ScoreRun;
  /** Every version, newest first. */
  versions: ScoreRun[];
}

/** Runs grouped by period, newest period first; each period's versions newest first. */
export function periodsOfRuns(runs: readonly ScoreRun[]): PeriodRuns[] {
  const byPeriod = new Map<string, ScoreRun[]>();
  for (const run of runs) byPeriod.set(run.period, [...(byPeriod.get(run.period) ?? []), run]);
  return [...byPeriod.entries()]
    .map(([period, versions]) => {
      const sorted = [...versions].sort((a, b) => b.version - a.version);
      return {
        period,
        periodType: sorted[0]!.periodType,
        label: assessmentPeriodLabel(period),
        current: sorted.find((r) => r.status === 'published') ?? sorted[0],
        versions: sorted,
      };
    })
    .sort((a, b) => (a.period < b.period ? 1 : a.period > b.period ? -1 : 0));
}

/** The period type of a period id (`2026-Q4` → quarter), undefined when it is not one. */
export function periodTypeOf(period: string | null | undefined): AssessmentPeriodType | undefined {
  if (!period) return undefined;
  const m = ASSESSMENT_PERIOD_PATTERN.exec(period);
  if (!m) return undefined;
  return m[3] ? 'quarter' : 'month';
}

/** The period to show: the one asked for (`?period=`) when it is valid, else the newest computed one of the type. */
export function pickPeriod(periods: readonly PeriodRuns[], requested: string | null | undefined, type: AssessmentPeriodType): string | undefined {
  if (requested && periodTypeOf(requested)) return requested;
  return periods.find((p) => p.periodType === type)?.period;
}

/** The superseded versions of a period (计算记录 beyond the current one). */
export function supersededOf(entry: PeriodRuns | undefined): ScoreRun[] {
  return entry ? entry.versions.filter((v) => v !== entry.current) : [];
}

/** A finished month or quarter before `today` (YYYY-MM-DD) to offer for 计算: the previous month / quarter. */
export function previousPeriod(today: string, type: AssessmentPeriodType): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (type === 'month') return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
  const quarter = Math.floor((month - 1) / 3) + 1;
  return quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
}

/** What a (re)computation needs: a valid period; a reason when the period already has a run. */
export function runProblems(period: string, reason: string, periods: readonly PeriodRuns[]): { period?: string; reason?: string } {
  const problems: { period?: string; reason?: string } = {};
  if (!periodTypeOf(period.trim())) problems.period = '须为月份（2026-10）或季度（2026-Q4）';
  else if (periods.some((p) => p.period === period.trim()) && !reason.trim()) problems.reason = '该期已有考核结果，重新计算须填写原因';
  if (reason.trim().length > 500) problems.reason = '原因不超过 500 字';
  return problems;
}

/** The body of POST /assessment/runs. */
export function runBody(period: string, reason: string): { period: string; reason?: string } {
  const text = reason.trim();
  return text ? { period: period.trim(), reason: text } : { period: period.trim() };
}

export const scoresHref = (period: string) => `/assessment/scores?period=${encodeURIComponent(period)}`;
