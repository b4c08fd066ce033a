import type { IndicatorId } from './indicators';

/**
 * Score rules (考核细则) of a county, versioned: one rule per indicator of each rule set, the
 * peer groups, and the spot-check sample sizes. Version 0 is the shipped default below; the
 * program office edits a draft, previews it and publishes it as version n + 1. Every score names
 * the version it was computed with.
 */
export interface IndicatorRule {
  indicator: IndicatorId;
  /** Points the indicator is worth (positive kinds); weights of a set add up to 100. */
  weight: number;
  /** rate: the share that earns full points (0–1]; count: the number per month that does. */
  target?: number;
  /** deduction: points off per violation, and the most it may take off. */
  perUnit?: number;
  cap?: number;
}

export const RULE_SETS = ['community', 'contact', 'agency'] as const;
export type RuleSet = (typeof RULE_SETS)[number];

export const RULE_SET_LABELS: Record<RuleSet, string> = {
  community: '社区民警',
  contact: '包村民警',
  agency: '综治成员单位',
};

export interface PeerGroupRules {
  /** Community officers are ranked within their grade (分级). */
  communityByGrade: boolean;
  /** …and within their category (分类: urban community / rural village). */
  communityByCategory: boolean;
}

export interface SpotCheckRules {
  /** Visits and households drawn per contact officer each month (月抽查). */
  visits: number;
  households: number;
}

export interface ScoreRules {
  community: IndicatorRule[];
  contact: IndicatorRule[];
  agency: IndicatorRule[];
  peerGroups: PeerGroupRules;
  spotCheck: SpotCheckRules;
}

export const DEFAULT_SCORE_RULES: ScoreRules = {
  community: [
    { indicator: 'duty_compliance', weight: 25, target: 1 },
    { indicator: 'households_visited', weight: 15, target: 40 },
    { indicator: 'matters_taken_in', weight: 10, target: 6 },
    { indicator: 'closed_on_time', weight: 15, target: 1 },
    { indicator: 'satisfaction', weight: 15, target: 0.95 },
    { indicator: 'disputes_resolved_village', weight: 10, target: 0.9 },
    { indicator: 'intel_collected', weight: 5, target: 8 },
    { indicator: 'intel_verified', weight: 5, target: 0.8 },
    { indicator: 'violations', weight: 0, perUnit: 5, cap: 20 },
  ],
  contact: [
    { indicator: 'duty_compliance', weight: 30, target: 1 },
    { indicator: 'households_visited', weight: 15, target: 12 },
    { indicator: 'matters_taken_in', weight: 10, target: 3 },
    { indicator: 'satisfaction', weight: 10, target: 0.95 },
    { indicator: 'intel_collected', weight: 5, target: 4 },
    { indicator: 'intel_verified', weight: 5, target: 0.8 },
    { indicator: 'spot_check_pass', weight: 25, target: 0.9 },
    { indicator: 'violations', weight: 0, perUnit: 5, cap: 20 },
  ],
  agency: [
    { indicator: 'agency_accept_on_time', weight: 30, target: 1 },
    { indicator: 'agency_feedback_on_time', weight: 30, target: 1 },
    { indicator: 'agency_satisfaction', weight: 40, target: 0.95 },
    { indicator: 'agency_returns', weight: 0, perUnit: 5, cap: 20 },
  ],
  peerGroups: { communityByGrade: true, communityByCategory: true },
  spotCheck: { visits: 3, households: 3 },
};

/** A published version of a county's rules (version 0: the defaults, never stored). */
export interface ScoreRuleVersion {
  version: number;
  rules: ScoreRules;
  note: string;
  publishedAt?: string;
  publishedBy?: string;
  publishedByName?: string;
}

/** The program office's working copy; `basedOn` is the published version it started from. */
export interface ScoreRuleDraft {
  rules: ScoreRules;
  basedOn: number;
  version: number;
  updatedAt: string;
  updatedBy: string;
  updatedByName: string;
}

export const DEFAULT_RULE_VERSION: ScoreRuleVersion = { version: 0, rules: DEFAULT_SCORE_RULES, note: '系统默认考核细则' };
