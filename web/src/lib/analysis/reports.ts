import { ACTION_KIND_LABELS, REPORT_TYPE_LABELS, type ActionKind, type Report, type ReportAction, type ReportSummary, type ReportTotals, type ReportType } from '@beatlink/shared/analysis/reports';
import { addDays, addIsoWeeks, dateLabel, weekLabel } from '../duty/weeks';

/**
 * 研判报告 for the office pages: labels, links, the list's query and the generate body. Zod-free
 * (types and labels from @beatlink/shared/analysis/reports only).
 */

export const REPORT_TYPE_OPTIONS = (['weekly', 'daily'] as const).map((type) => ({ value: type, label: reportTypeLabel(type) }));

/** 每周研判 / 日调度: the short names of the list's filter and tags. */
export function reportTypeLabel(type: ReportType): string {
  return type === 'weekly' ? '每周研判' : REPORT_TYPE_LABELS[type]?.zh ?? type;
}

/** The full name of a report's kind, for the detail page's title. */
export function reportTypeTitle(type: ReportType): string {
  return REPORT_TYPE_LABELS[type]?.zh ?? type;
}

export function actionKindLabel(kind: ActionKind): string {
  return ACTION_KIND_LABELS[kind]?.zh ?? kind;
}

/** `2026-W48` → `2026年第48周（11月23日–11月29日）`; `2026-10-02` → `10月2日 周五`. */
export function periodLabel(report: Pick<ReportSummary, 'type' | 'period'>): string {
  return report.type === 'weekly' ? weekLabel(report.period) : `${report.period.slice(0, 4)}年${dateLabel(report.period)}`;
}

export const reportHref = (id: string) => `/reports/view?id=${encodeURIComponent(id)}`;

/** 环比: the matters against the period before, `+3（+25%）`, `−2（−10%）`, `持平`, `+4（上期为 0）`. */
export function changeText(totals: Pick<ReportTotals, 'matters' | 'previous'>): string {
  const diff = totals.matters - totals.previous;
  if (diff === 0) return '持平';
  const sign = diff > 0 ? '+' : '−';
  if (totals.previous === 0) return `${sign}${Math.abs(diff)}（上期为 0）`;
  return `${sign}${Math.abs(diff)}（${sign}${Math.round((Math.abs(diff) / totals.previous) * 100)}%）`;
}

/** Rising, falling or flat, for the colour of the 环比 figure. */
export function changeTrend(totals: Pick<ReportTotals, 'matters' | 'previous'>): 'up' | 'down' | 'flat' {
  return totals.matters > totals.previous ? 'up' : totals.matters < totals.previous ? 'down' : 'flat';
}

export interface ReportListFilters {
  type?: ReportType;
  /** `county` or a station id. */
  scope?: string;
}

/** GET /analysis/reports query: only the filters chosen. */
export function reportListQuery(filters: ReportListFilters, cursor?: string, limit = 30): Record<string, string | number> {
  return { limit, ...(filters.type ? { type: filters.type } : {}), ...(filters.scope ? { scope: filters.scope } : {}), ...(cursor ? { cursor } : {}) };
}

export const pickReportType = (value: string | null | undefined): ReportType | undefined => (value === 'weekly' || value === 'daily' ? value : undefined);

/** What "生成报告" asks the API for: the weekly analysis of a week, or the dispatch of a day. */
export type GenerateDraft = { type: 'weekly'; week: string } | { type: 'daily'; date: string };

/** The default draft of a type: last week's analysis, or yesterday's dispatch (the last finished period). */
export function defaultGenerateDraft(type: ReportType, thisWeek: string, today: string): GenerateDraft {
  return type === 'weekly' ? { type, week: addIsoWeeks(thisWeek, -1) } : { type, date: addDays(today, -1) };
}

/** Why the draft cannot be sent (a week not yet finished, a day still to come), else undefined. */
export function generateProblem(draft: GenerateDraft, thisWeek: string, today: string): string | undefined {
  if (draft.type === 'weekly') {
    if (!/^\d{4}-W\d{2}$/.test(draft.week)) return '请选择周次';
    return draft.week >= thisWeek ? '只能生成已结束周次的研判报告' : undefined;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) return '请选择日期';
  return draft.date >= today ? '只能生成已结束日期的日调度' : undefined;
}

/** An action item can become a matter when it names a village and has not become one yet. */
export function assignable(action: Pick<ReportAction, 'villageId' | 'assignedMatterId'>): boolean {
  return !!action.villageId && !action.assignedMatterId;
}

/** The report with one action item replaced (as the API answers it after 转为交办). */
export function withAction(report: Report, action: ReportAction): Report {
  return { ...report, actions: report.actions.map((a) => (a.id === action.id ? action : a)) };
}

/** Counts by a string key, highest first (the duty statuses of the report). */
export function sortedCounts(counts: Record<string, number>): Array<[string, number]> {
  return Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The figure cards of a report's header, in order. */
export function totalCards(report: Pick<Report, 'totals'>): Array<{ key: keyof ReportTotals | 'change'; label: string; value: string | number }> {
  const t = report.totals;
  return [
    { key: 'matters', label: '事项', value: t.matters },
    { key: 'change', label: '环比', value: changeText(t) },
    { key: 'hotSpots', label: '热点村', value: t.hotSpots },
    { key: 'highRiskDisputes', label: '高风险纠纷', value: t.highRiskDisputes },
    { key: 'overdue', label: '超期事项', value: t.overdue },
    { key: 'linkage', label: '综治联动', value: t.linkage },
    { key: 'visits', label: '入村走访', value: t.visits },
    { key: 'householdsVisited', label: '走访户数', value: t.householdsVisited },
    { key: 'intelCollected', label: '采集信息', value: t.intelCollected },
    { key: 'householdsRegistered', label: '登记住户', value: t.householdsRegistered },
  ];
}
