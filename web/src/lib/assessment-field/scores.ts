import type { ErrorDetail, Me } from '@beatlink/shared';
import { INDICATOR_DEFS, type IndicatorId } from '@beatlink/shared/assessment/indicators';
import { assessmentPeriodLabel, isAssessmentPeriod, periodDates } from '@beatlink/shared/assessment/periods';
import type { ScoreItem } from '@beatlink/shared/assessment/scoring';
import { APPEAL_STATUS_LABELS, type Appeal, type SubjectScore } from '@beatlink/shared/assessment/views';

/**
 * 我的考核 on the phone: an officer's published scores, one score's items, his appeals (申诉).
 * Pure, so the wording is tested without a page.
 */

/** Whether the user is an assessed officer (reads his own scores and may appeal): 我的考核 is his. */
export function hasOwnScores(me: Pick<Me, 'permissions'>): boolean {
  return me.permissions?.['assessment.read'] === 'own' && me.permissions?.['assessment.appeal'] !== undefined;
}

/** `?period=2026-10` → the period, else undefined. */
export function periodFromSearch(search: string): string | undefined {
  const period = new URLSearchParams(search).get('period');
  return period && isAssessmentPeriod(period) ? period : undefined;
}

/** Newest period first (by its last day; a quarter before the month that closes it). */
export function newestFirst<T extends { period: string }>(scores: readonly T[]): T[] {
  const key = (p: string) => (isAssessmentPeriod(p) ? periodDates(p).last : p);
  return [...scores].sort((a, b) => key(b.period).localeCompare(key(a.period)) || (b.period.includes('Q') ? 1 : 0) - (a.period.includes('Q') ? 1 : 0));
}

/** One score per period (the latest run version, should a list carry older ones), newest first. */
export function ownScores<T extends { period: string; runVersion: number }>(scores: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const score of scores) {
    const seen = latest.get(score.period);
    if (!seen || score.runVersion > seen.runVersion) latest.set(score.period, score);
  }
  return newestFirst([...latest.values()]);
}

export const periodLabel = assessmentPeriodLabel;

export const indicatorName = (id: IndicatorId): string => INDICATOR_DEFS[id]?.zh ?? id;

/** `名次 3 / 12`, or nothing when the rank is not known. */
export function rankText(score: Pick<SubjectScore, 'rank' | 'groupSize'>): string | undefined {
  if (score.rank === undefined) return undefined;
  return score.groupSize ? `第 ${score.rank} 名 / 共 ${score.groupSize} 人` : `第 ${score.rank} 名`;
}

const points = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, ''));
const percent = (rate: number) => `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;

export interface ItemView {
  indicator: IndicatorId;
  label: string;
  basis: string;
  /** The raw value as read: a rate with its n/m, a count with the full-marks target, violations. */
  raw: string;
  /** `得分 / 权重`, or the deduction. */
  score: string;
  applicable: boolean;
  deduction: boolean;
}

/** One item of a score as the officer reads it. */
export function itemView(item: ScoreItem): ItemView {
  const def = INDICATOR_DEFS[item.indicator];
  const base = { indicator: item.indicator, label: def.zh, basis: def.basis, applicable: item.applicable, deduction: item.kind === 'deduction' };
  if (item.kind === 'deduction') {
    const rule = [item.perUnit !== undefined ? `每次扣 ${points(item.perUnit)} 分` : '', item.cap !== undefined ? `最多扣 ${points(item.cap)} 分` : ''].filter(Boolean).join('，');
    return { ...base, raw: `${item.raw ?? 0} 次${rule ? `（${rule}）` : ''}`, score: item.points === 0 ? '不扣分' : `${points(item.points)} 分` };
  }
  if (!item.applicable) return { ...base, raw: '本期无可计数据', score: `不适用 / ${points(item.weight)}` };
  const score = `${points(item.points)} / ${points(item.weight)}`;
  if (item.kind === 'rate') {
    const target = item.target !== undefined && item.target < 1 ? `，达 ${percent(item.target)} 得满分` : '';
    return { ...base, raw: `${percent(item.raw ?? 0)}（${item.numerator ?? 0}/${item.denominator ?? 0}${target}）`, score };
  }
  return { ...base, raw: `${item.raw ?? 0}${item.target !== undefined ? `（满分标准 ${points(item.target)}）` : ''}`, score };
}

/** The lines under the items: how the total is made up. */
export function totalLines(score: Pick<SubjectScore, 'earned' | 'deductions' | 'adjusted' | 'total' | 'scale'>): Array<{ label: string; value: string }> {
  const lines = [{ label: score.scale !== 1 ? `得分（不适用项按比例折算 ×${score.scale}）` : '得分', value: points(score.earned) }];
  if (score.deductions !== 0) lines.push({ label: '扣分', value: points(score.deductions) });
  if (score.adjusted !== 0) lines.push({ label: '申诉调整', value: `${score.adjusted > 0 ? '+' : ''}${points(score.adjusted)}` });
  lines.push({ label: '总分', value: points(score.total) });
  return lines;
}

export function formatPoints(n: number): string {
  return points(n);
}

/** `待处理`, `已采纳（+2.5 分）`, `已驳回`. */
export function appealStatusText(appeal: Pick<Appeal, 'status' | 'decision'>): string {
  const label = APPEAL_STATUS_LABELS[appeal.status];
  if (appeal.status === 'accepted' && appeal.decision?.points !== undefined) {
    const p = appeal.decision.points;
    return `${label}（${p > 0 ? '+' : ''}${points(p)} 分）`;
  }
  return label;
}

/** Whether the officer has an open appeal on this item of this period (the API refuses a second). */
export function openAppealOn(appeals: readonly Pick<Appeal, 'period' | 'indicator' | 'status'>[], period: string, indicator: IndicatorId): boolean {
  return appeals.some((a) => a.period === period && a.indicator === indicator && a.status === 'open');
}

/** The API's complaint about the reason (400), in Chinese, for the field; else undefined. */
export function reasonError(details: readonly ErrorDetail[]): string | undefined {
  const detail = details.find((d) => d.path === 'reason' || d.path.endsWith('.reason') || d.path === '/reason');
  if (!detail) return undefined;
  const [zh] = detail.message.split(' / ');
  return (zh ?? detail.message).trim();
}

/** What the field says before sending: a reason is required (at most 1000 characters). */
export function checkReason(reason: string): string | undefined {
  if (!reason.trim()) return '请填写申诉理由';
  if (reason.length > 1000) return '申诉理由不能超过 1000 字';
  return undefined;
}
