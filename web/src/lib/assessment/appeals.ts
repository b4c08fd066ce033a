import { APPEAL_STATUSES, type Appeal, type AppealStatus } from '@beatlink/shared/assessment/views';

/** 申诉处理: the status tabs, the decision's checks and body. */

export function pickAppealStatus(value: string | null | undefined): AppealStatus {
  return (APPEAL_STATUSES as readonly string[]).includes(value ?? '') ? (value as AppealStatus) : 'open';
}

export interface DecisionDraft {
  decision: 'accept' | 'reject';
  points?: number | null;
  reason: string;
}

export type DecisionErrors = Partial<Record<'points' | 'reason', string>>;

/** As the API checks it: accepting needs non-zero points (−100…100), a rejection none; a reason always. */
export function validateDecision(draft: DecisionDraft): DecisionErrors {
  const errors: DecisionErrors = {};
  if (draft.decision === 'accept') {
    if (draft.points === undefined || draft.points === null || draft.points === 0) errors.points = '采纳申诉须填写调整分值（非 0）';
    else if (draft.points < -100 || draft.points > 100) errors.points = '调整分值在 -100 到 100 之间';
  }
  if (!draft.reason.trim()) errors.reason = '请填写理由';
  else if (draft.reason.trim().length > 1000) errors.reason = '理由不超过 1000 字';
  return errors;
}

/** The body of POST /assessment/appeals/{id}/decide. */
export function decisionBody(draft: DecisionDraft, version: number) {
  return draft.decision === 'accept' && typeof draft.points === 'number'
    ? { version, decision: 'accept' as const, points: draft.points, reason: draft.reason.trim() }
    : { version, decision: draft.decision, reason: draft.reason.trim() };
}

/** A field of the decision form named by an API detail path, if any. */
export function decisionFieldOfPath(path: string): keyof DecisionErrors | undefined {
  return path === 'points' || path === 'reason' ? path : undefined;
}

export const appealHref = (id: string) => `/assessment/appeals?id=${encodeURIComponent(id)}`;

/** An appeal's outcome in a line: 采纳 +6.25 分 / 驳回 / 待处理. */
export function outcomeText(appeal: Pick<Appeal, 'status' | 'decision'>): string {
  if (appeal.status === 'open') return '待处理';
  if (appeal.status === 'rejected') return '已驳回';
  const points = appeal.decision?.points ?? 0;
  return `已采纳（${points > 0 ? '+' : ''}${Number(points.toFixed(2))} 分）`;
}
