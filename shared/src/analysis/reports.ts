/**
 * The reports of 研判讲评: the weekly analysis (每周一研判讲评) and, in a sensitive period, the
 * daily dispatch (日调度). Zod-free on purpose: the portal renders reports with these types and
 * labels without the schemas (analysis/schemas.ts).
 *
 * A report is computed once for one period and one scope and stored under a stable id built from
 * them, so running the job again for the same period finds it instead of writing a second one.
 */
type Label = { zh: string; en: string };

export const REPORT_TYPES = ['weekly', 'daily'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];
export const REPORT_TYPE_LABELS: Record<ReportType, Label> = {
  weekly: { zh: '每周研判讲评', en: 'Weekly analysis' },
  daily: { zh: '日调度', en: 'Daily dispatch' },
};

/** The whole county, or one police station and what lies under it. */
export const REPORT_SCOPE_KINDS = ['county', 'station'] as const;
export type ReportScopeKind = (typeof REPORT_SCOPE_KINDS)[number];
export interface ReportScope {
  kind: ReportScopeKind;
  /** The county code for `county`, the station id for `station`. */
  id: string;
  name: string;
}

/**
 * `rpt_<w|d>_<period>_<scope id>`: `rpt_w_2026-W48_370283`, `rpt_d_2026-10-02_stn_01J…`. Stable,
 * so a re-run for the same period and scope addresses the same report.
 */
export const REPORT_ID_PATTERN = /^rpt_(w_\d{4}-W\d{2}|d_\d{4}-\d{2}-\d{2})_(\d{6}|stn_[0-9A-HJKMNP-TV-Z]{26})$/;

export function reportId(type: ReportType, period: string, scopeId: string): string {
  return `rpt_${type === 'weekly' ? 'w' : 'd'}_${period}_${scopeId}`;
}

/** A count by some key (kind, category, intel type), with its label. */
export interface CountRow {
  key: string;
  name: string;
  count: number;
}

/** A village's matters in the period against the period before. */
export interface VillageRow {
  villageId: string;
  villageName: string;
  stationId: string;
  count: number;
  previous: number;
  /** count − previous. */
  change: number;
  /** 热点: the count rose sharply (the county's `analysis` rules). */
  hot: boolean;
}

export interface ReportDisputeRow {
  matterId: string;
  title: string;
  villageName: string;
  riskLevel: string;
  status: string;
  disputeType: string;
}

export interface ReportOverdueRow {
  matterId: string;
  title: string;
  villageName: string;
  holderName: string;
  deadline: string;
  /** Whole hours past the deadline at the end of the period. */
  overdueHours: number;
  escalationLevel: number;
}

export interface ReportDutyRow {
  officerId: string;
  officerName: string;
  role: string;
  status: string;
  reasons: string[];
}

export interface ReportTotals {
  /** Matters taken in during the period. */
  matters: number;
  /** The same count for the period before. */
  previous: number;
  linkage: number;
  highRiskDisputes: number;
  /** Matters past a running deadline at the end of the period. */
  overdue: number;
  visits: number;
  householdsVisited: number;
  intelCollected: number;
  householdsRegistered: number;
  hotSpots: number;
}

/** Duty compliance of the week (weekly) or the visits of the day (daily). */
export interface ReportDuty {
  /** Compliance records counted (weekly); officers who visited (daily). */
  evaluated: number;
  byStatus: Record<string, number>;
  /** Violations and shortfalls, worst first. */
  problems: ReportDutyRow[];
}

/** What an action item is about. */
export const ACTION_KINDS = ['hot_spot', 'high_risk_dispute', 'overdue', 'duty_violation', 'uncovered_village'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];
export const ACTION_KIND_LABELS: Record<ActionKind, Label> = {
  hot_spot: { zh: '热点村排查', en: 'Hot spot' },
  high_risk_dispute: { zh: '高风险纠纷化解', en: 'High-risk dispute' },
  overdue: { zh: '超期督办', en: 'Overdue matter' },
  duty_violation: { zh: '履职问题', en: 'Duty problem' },
  uncovered_village: { zh: '走访空白村', en: 'Village not visited' },
};

/**
 * A task the report proposes (研判结论 → 交办). Those tied to a village can be turned into an
 * assigned matter once; the matter's id is then recorded here.
 */
export interface ReportAction {
  /** `act_<n>`, stable within the report. */
  id: string;
  kind: ActionKind;
  title: string;
  detail: string;
  villageId?: string;
  villageName?: string;
  /** The existing matter it is about (a dispute, an overdue matter). */
  matterId?: string;
  officerId?: string;
  /** Set once the action was turned into a matter. */
  assignedMatterId?: string;
  assignedAt?: string;
  assignedBy?: string;
}

export interface ReportTrendPoint {
  period: string;
  matters: number;
}

export interface Report {
  tenantId: string;
  id: string;
  type: ReportType;
  /** `2026-W48` (weekly) or `2026-11-27` (daily), in the county's time zone. */
  period: string;
  /** The period's first instant and the instant after its last, ISO UTC. */
  periodStart: string;
  periodEnd: string;
  timeZone: string;
  scope: ReportScope;
  /** The sensitive period a daily dispatch belongs to. */
  sensitivePeriod?: { id: string; name: string };
  totals: ReportTotals;
  byKind: CountRow[];
  byCategory: CountRow[];
  /** Villages ranked by matters in the period (top of the ranking). */
  byVillage: VillageRow[];
  hotSpots: VillageRow[];
  /** This period and the ones before it, oldest first. */
  trend: ReportTrendPoint[];
  highRiskDisputes: ReportDisputeRow[];
  overdue: ReportOverdueRow[];
  duty: ReportDuty;
  intelByType: CountRow[];
  /** The generated summary (Chinese), one paragraph per entry. */
  summary: string[];
  actions: ReportAction[];
  /** Every village with matters in the period → count: what the next period compares against. */
  villageCounts: Record<string, number>;
  generatedAt: string;
  version: number;
}

/** What a list of reports shows. */
export type ReportSummary = Pick<Report, 'id' | 'type' | 'period' | 'periodStart' | 'periodEnd' | 'scope' | 'sensitivePeriod' | 'totals' | 'generatedAt'>;
