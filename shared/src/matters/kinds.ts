/**
 * The vocabulary of matters (事项) and their labels. Zod-free on purpose: the portal imports these
 * constants without pulling in schemas.
 */
type Label = { zh: string; en: string };

export const MATTER_KINDS = ['demand', 'dispute', 'tip', 'hazard', 'service'] as const;
export type MatterKind = (typeof MATTER_KINDS)[number];
export const MATTER_KIND_LABELS: Record<MatterKind, Label> = {
  demand: { zh: '群众诉求', en: 'Demand' },
  dispute: { zh: '矛盾纠纷', en: 'Dispute' },
  tip: { zh: '线索/情报', en: 'Tip' },
  hazard: { zh: '隐患', en: 'Hazard' },
  service: { zh: '便民服务', en: 'Service' },
};

/** Severity of a matter; for disputes the same scale is the risk level (风险等级). */
export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Record<Severity, Label> = {
  high: { zh: '高', en: 'High' },
  medium: { zh: '中', en: 'Medium' },
  low: { zh: '低', en: 'Low' },
};
export const RISK_LEVELS = SEVERITIES;
export type RiskLevel = Severity;
export const RISK_LEVEL_LABELS: Record<RiskLevel, Label> = {
  high: { zh: '高风险', en: 'High risk' },
  medium: { zh: '中风险', en: 'Medium risk' },
  low: { zh: '低风险', en: 'Low risk' },
};

/** What the assignee reports in its feedback (反馈), and what the office closes a matter with. */
export const MATTER_OUTCOMES = ['resolved', 'partially_resolved', 'unresolved', 'not_responsible'] as const;
export type MatterOutcome = (typeof MATTER_OUTCOMES)[number];
export const MATTER_OUTCOME_LABELS: Record<MatterOutcome, Label> = {
  resolved: { zh: '已解决', en: 'Resolved' },
  partially_resolved: { zh: '部分解决', en: 'Partially resolved' },
  unresolved: { zh: '未解决', en: 'Unresolved' },
  not_responsible: { zh: '非本单位职责', en: 'Not our responsibility' },
};

/**
 * The statuses of a matter. `closed_resolved` and `closed_unresolved` are distinct terminal
 * statuses: resolved and closed-unresolved are never counted together (DOMAIN.md). Overdue is not
 * a status — it is a supervision state computed from the deadline (see deadlines.ts).
 */
export const MATTER_STATUSES = [
  'triage',
  'assigned',
  'accepted',
  'feedback_given',
  'verified',
  'reopened',
  'closed_resolved',
  'closed_unresolved',
  'merged',
] as const;
export type MatterStatus = (typeof MATTER_STATUSES)[number];
export const MATTER_STATUS_LABELS: Record<MatterStatus, Label> = {
  triage: { zh: '待研判', en: 'To triage' },
  assigned: { zh: '已交办', en: 'Assigned' },
  accepted: { zh: '办理中', en: 'In progress' },
  feedback_given: { zh: '已反馈', en: 'Feedback given' },
  verified: { zh: '已核实', en: 'Verified' },
  reopened: { zh: '重新办理', en: 'Reopened' },
  closed_resolved: { zh: '已办结（已解决）', en: 'Closed (resolved)' },
  closed_unresolved: { zh: '已办结（未解决）', en: 'Closed (unresolved)' },
  merged: { zh: '已合并', en: 'Merged' },
};

/** Statuses a matter never leaves. */
export const TERMINAL_STATUSES = ['closed_resolved', 'closed_unresolved', 'merged'] as const satisfies readonly MatterStatus[];
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];
/** Every other status: the matter is still open and shows in inboxes and supervision. */
export const OPEN_STATUSES = MATTER_STATUSES.filter(
  (s): s is Exclude<MatterStatus, TerminalStatus> => !(TERMINAL_STATUSES as readonly string[]).includes(s),
);
export type OpenStatus = Exclude<MatterStatus, TerminalStatus>;

export function isOpenStatus(status: MatterStatus): status is OpenStatus {
  return !(TERMINAL_STATUSES as readonly string[]).includes(status);
}

/**
 * The terminal status for the outcome a matter is closed with. Only `resolved` counts as
 * resolved; partially resolved, unresolved and not-responsible all close as unresolved (the
 * outcome itself stays on the matter for finer figures).
 */
export function closedStatusFor(outcome: MatterOutcome): 'closed_resolved' | 'closed_unresolved' {
  return outcome === 'resolved' ? 'closed_resolved' : 'closed_unresolved';
}

/** Where the matter came from. */
export const MATTER_SOURCES = ['resident', 'officer', 'hotline', 'office'] as const;
export type MatterSource = (typeof MATTER_SOURCES)[number];
export const MATTER_SOURCE_LABELS: Record<MatterSource, Label> = {
  resident: { zh: '群众反映', en: 'Resident' },
  officer: { zh: '民警发现', en: 'Found by officer' },
  hotline: { zh: '热线/平台转入', en: 'Hotline / platform' },
  office: { zh: '机关录入', en: 'Office' },
};

// ---- Disputes 矛盾纠纷 ----

export const DISPUTE_TYPES = ['neighbour', 'family', 'land', 'labour', 'debt', 'other'] as const;
export type DisputeType = (typeof DISPUTE_TYPES)[number];
export const DISPUTE_TYPE_LABELS: Record<DisputeType, Label> = {
  neighbour: { zh: '邻里纠纷', en: 'Neighbours' },
  family: { zh: '婚姻家庭纠纷', en: 'Marriage / family' },
  land: { zh: '土地山林纠纷', en: 'Land / forest' },
  labour: { zh: '劳资纠纷', en: 'Labour' },
  debt: { zh: '债务纠纷', en: 'Debt' },
  other: { zh: '其他纠纷', en: 'Other' },
};

/** When the dispute was found: 事前化解 / 事中离解 / 事后调解. */
export const DISPUTE_STAGES = ['before', 'during', 'after'] as const;
export type DisputeStage = (typeof DISPUTE_STAGES)[number];
export const DISPUTE_STAGE_LABELS: Record<DisputeStage, Label> = {
  before: { zh: '事前化解', en: 'Before (prevented)' },
  during: { zh: '事中离解', en: 'During (defused)' },
  after: { zh: '事后调解', en: 'After (mediated)' },
};

export const PARTY_ROLES = ['applicant', 'respondent', 'third_party'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];
export const PARTY_ROLE_LABELS: Record<PartyRole, Label> = {
  applicant: { zh: '申请方', en: 'Applicant' },
  respondent: { zh: '被申请方', en: 'Respondent' },
  third_party: { zh: '第三方', en: 'Third party' },
};

export const MEDIATION_RESULTS = ['agreement', 'partial_agreement', 'no_agreement', 'continuing'] as const;
export type MediationResult = (typeof MEDIATION_RESULTS)[number];
export const MEDIATION_RESULT_LABELS: Record<MediationResult, Label> = {
  agreement: { zh: '达成协议', en: 'Agreement' },
  partial_agreement: { zh: '部分达成', en: 'Partial agreement' },
  no_agreement: { zh: '未达成', en: 'No agreement' },
  continuing: { zh: '继续调解', en: 'Continuing' },
};

export const VERIFY_METHODS = ['phone', 'visit', 'other'] as const;
export type VerifyMethod = (typeof VERIFY_METHODS)[number];
export const VERIFY_METHOD_LABELS: Record<VerifyMethod, Label> = {
  phone: { zh: '电话回访', en: 'Call-back' },
  visit: { zh: '上门回访', en: 'Visit' },
  other: { zh: '其他', en: 'Other' },
};
