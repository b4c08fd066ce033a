import type { ComplianceStatus } from '../duty/labels';
import type { IntelType } from '../intel/labels';
import type { MatterKind, MatterStatus } from '../matters/kinds';
import type { AnalysisRules, VillageName } from './hot-spots';
import type { ReportScope, ReportTrendPoint, ReportType } from './reports';

/**
 * What a report of one scope is computed from: the records of the period the service read once
 * for the county and partitioned by station, reduced to the fields a report uses. Zod-free.
 */

/** A matter taken in during the period. */
export interface PeriodMatter {
  id: string;
  title: string;
  kind: MatterKind;
  categoryId: string;
  categoryName: string;
  status: MatterStatus;
  linkage: boolean;
  villageId: string;
  villageName: string;
  stationId: string;
}

/** The dispute record of a matter taken in during the period. */
export interface PeriodDispute {
  matterId: string;
  riskLevel: string;
  disputeType: string;
}

/** A matter with a running deadline (assigned or accepted), whenever it was taken in. */
export interface RunningMatter {
  id: string;
  title: string;
  villageId: string;
  villageName: string;
  stationId: string;
  holderName: string;
  /** The running deadline (ISO UTC). */
  deadline: string;
  escalationLevel: number;
}

/** An officer-week's stored compliance (weekly reports). */
export interface PeriodCompliance {
  officerId: string;
  officerName: string;
  role: string;
  status: ComplianceStatus;
  reasons: string[];
  stationId?: string;
}

/** A visit checked in during the period. */
export interface PeriodVisit {
  id: string;
  officerId: string;
  villageId: string;
  stationId: string;
  householdsVisited: number;
}

export interface PeriodIntel {
  type: IntelType;
  stationId: string;
}

export interface ReportInput {
  tenantId: string;
  type: ReportType;
  period: string;
  /** [start, end) of the period, ms UTC. */
  start: number;
  end: number;
  timeZone: string;
  scope: ReportScope;
  sensitivePeriod?: { id: string; name: string };
  rules: AnalysisRules;
  matters: PeriodMatter[];
  /** The period before: its total and its per-village counts (from its report, or recounted). */
  previous: { total: number; villageCounts: Record<string, number> };
  disputes: PeriodDispute[];
  running: RunningMatter[];
  /** Weekly: the week's compliance records. Daily: absent (the day's visits stand for duty). */
  compliance?: PeriodCompliance[];
  visits: PeriodVisit[];
  intel: PeriodIntel[];
  householdsRegistered: number;
  /** The scope's active villages (names for the ranking, and which villages went unvisited). */
  villages: VillageName[];
  /** Earlier trend points, oldest first; periods without a stored report are left out. */
  earlierTrend: ReportTrendPoint[];
  generatedAt: string;
}
