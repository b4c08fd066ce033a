import type { OfficerRole } from '../roles';
import type { AssessmentPeriodType } from './periods';
import type { IndicatorId } from './indicators';
import type { PeerGroup } from './peer-groups';
import type { RuleSet, ScoreRules } from './rules';
import type { ScoreAdjustment, ScoreBreakdown } from './scoring';

/** What the assessment API answers (网上得分、网上考核、网上排名). */

export interface ScoreSubject {
  kind: 'officer' | 'agency';
  id: string;
  name: string;
  role?: OfficerRole;
  policeNumber?: string;
  stationId?: string;
  stationName?: string;
  /** Office, workstation or department name (agencies: none). */
  unitName?: string;
}

/** One subject's published score of a period, in one run version. */
export interface SubjectScore extends ScoreBreakdown {
  tenantId: string;
  period: string;
  periodType: AssessmentPeriodType;
  runVersion: number;
  rulesVersion: number;
  subject: ScoreSubject;
  set: RuleSet;
  group: Pick<PeerGroup, 'key' | 'label'>;
  adjustments: ScoreAdjustment[];
  computedAt: string;
  /** Rank within the group and its size (from the group's ranking, read with the score). */
  rank?: number;
  groupSize?: number;
  version: number;
}

export interface RankingRow {
  subjectId: string;
  name: string;
  policeNumber?: string;
  stationName?: string;
  unitName?: string;
  total: number;
  rank: number;
}

/** One peer group's ranking in a run version; rewritten (versioned) when an appeal changes a total. */
export interface GroupRanking {
  period: string;
  runVersion: number;
  group: Pick<PeerGroup, 'key' | 'label'>;
  set: RuleSet;
  rows: RankingRow[];
  version: number;
  updatedAt: string;
}

/** `computing`: a version claimed by a run still writing its scores (nobody reads them yet). */
export const RUN_STATUSES = ['computing', 'published', 'superseded'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** A scoring run: a period computed with a rules version; a recomputation is a new version with its reason. */
export interface ScoreRun {
  tenantId: string;
  period: string;
  periodType: AssessmentPeriodType;
  version: number;
  rulesVersion: number;
  /** Why it was (re)computed: 月度自动考核 / the office's reason. */
  reason: string;
  status: RunStatus;
  officers: number;
  agencies: number;
  groups: Array<Pick<PeerGroup, 'key' | 'label' | 'set'> & { size: number }>;
  computedAt: string;
  computedBy: string;
  computedByName: string;
  /** When (real time) the computing run claimed the version: a claim left by a crash expires. */
  claimedAt?: string;
  supersededAt?: string;
}

export interface RankingsView {
  run: ScoreRun;
  groups: GroupRanking[];
}

/** GET /assessment/rules: the version in force and the history. */
export interface ScoreRulesView {
  current: { version: number; rules: ScoreRules; note: string; publishedAt?: string; publishedByName?: string };
  versions: Array<{ version: number; note: string; publishedAt?: string; publishedByName?: string }>;
  hasDraft: boolean;
}

/** "What if": a past period recomputed with the draft, beside the published scores. */
export interface RulePreview {
  period: string;
  draftBasedOn: number;
  publishedRulesVersion?: number;
  rows: Array<{
    subjectId: string;
    name: string;
    set: RuleSet;
    group: Pick<PeerGroup, 'key' | 'label'>;
    currentTotal?: number;
    currentRank?: number;
    draftTotal: number;
    draftRank: number;
  }>;
}

// ---- Appeals 申诉 ----

export const APPEAL_STATUSES = ['open', 'accepted', 'rejected'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
export const APPEAL_STATUS_LABELS: Record<AppealStatus, string> = { open: '待处理', accepted: '已采纳', rejected: '已驳回' };

export interface Appeal {
  id: string;
  tenantId: string;
  period: string;
  runVersion: number;
  officerId: string;
  officerName: string;
  indicator: IndicatorId;
  reason: string;
  status: AppealStatus;
  /** Points of the item when filed. */
  itemPoints: number;
  decision?: { points?: number; reason: string; at: string; by: string; byName: string };
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

// ---- Agency assessment 成员单位考核 ----

export interface AgencyScoreRow {
  agencyId: string;
  name: string;
  total: number;
  rank: number;
  score: SubjectScore;
}
