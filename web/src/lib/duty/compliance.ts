import type { ComplianceRecord, MakeUpState } from '@beatlink/shared/duty/compliance';
import { COMPLIANCE_STATUSES, type ComplianceStatus } from '@beatlink/shared/duty/labels';
import type { ComplianceBoard } from '@beatlink/shared/duty/week';
import { amountText, complianceLabel, COMPLIANCE_STATUS_COLORS, makeUpStatusLabel, unitLabel } from './labels';

/** 履职考核: the county's board of officer-weeks (GET /duty/compliance) and one officer's week. */

export interface CountCard {
  key: ComplianceStatus | 'notEvaluated';
  label: string;
  count: number;
  color: string;
}

/** 达标 / 不足 / 已报备 / 违规, then 未评估: the board's counts (over the station, before the status filter). */
export function countCards(board: Pick<ComplianceBoard, 'counts' | 'notEvaluated'> | undefined): CountCard[] {
  const cards: CountCard[] = COMPLIANCE_STATUSES.map((status) => ({
    key: status,
    label: complianceLabel(status),
    count: board?.counts?.[status] ?? 0,
    color: COMPLIANCE_STATUS_COLORS[status],
  }));
  cards.push({ key: 'notEvaluated', label: '未评估', count: board?.notEvaluated ?? 0, color: 'default' });
  return cards;
}

/** Officers evaluated (every status) out of the officers with duty. */
export function boardTotals(board: Pick<ComplianceBoard, 'counts' | 'notEvaluated'> | undefined): { evaluated: number; total: number } {
  const evaluated = COMPLIANCE_STATUSES.reduce((sum, s) => sum + (board?.counts?.[s] ?? 0), 0);
  return { evaluated, total: evaluated + (board?.notEvaluated ?? 0) };
}

/** What the officer did in the rule's unit: days in his villages, or session hours. */
export function doneAmount(record: Pick<ComplianceRecord, 'unit' | 'daysInVillages' | 'sessionHours'>): number {
  return (record.unit === 'days' ? record.daysInVillages : record.sessionHours) ?? 0;
}

/** `1 / 2 天`, `2.5 / 3 小时`. */
export function doneText(record: Pick<ComplianceRecord, 'unit' | 'daysInVillages' | 'sessionHours' | 'required'>): string {
  return `${amountText(doneAmount(record))} / ${amountText(record.required)} ${unitLabel(record.unit)}`;
}

/** Whether the done amount reaches what the rule asks. */
export function reachesRequired(record: Pick<ComplianceRecord, 'unit' | 'daysInVillages' | 'sessionHours' | 'required'>): boolean {
  return doneAmount(record) >= record.required;
}

/** `已补 1 / 3 小时 · 待补课 · 截止 2026-05-26`; '' without an obligation. */
export function makeUpProgressText(makeUp: Pick<MakeUpState, 'covered' | 'amount' | 'unit' | 'status' | 'dueDate'> | undefined): string {
  if (!makeUp) return '';
  return `已补 ${amountText(makeUp.covered)} / ${amountText(makeUp.amount)} ${unitLabel(makeUp.unit)} · ${makeUpStatusLabel(makeUp.status)} · 截止 ${makeUp.dueDate}`;
}

/** 0–100, for a progress bar. */
export function makeUpPercent(makeUp: Pick<MakeUpState, 'covered' | 'amount'>): number {
  if (!(makeUp.amount > 0)) return 100;
  return Math.max(0, Math.min(100, Math.round((makeUp.covered / makeUp.amount) * 100)));
}

/** The first reason (the main finding), for a one-line cell. */
export function firstReason(record: Pick<ComplianceRecord, 'reasons'>): string {
  return record.reasons?.[0] ?? '';
}

/** Where a row of the board leads. */
export function officerWeekHref(officerId: string, week: string): string {
  return `/duty/officer?officerId=${encodeURIComponent(officerId)}&week=${encodeURIComponent(week)}`;
}

/** The board's query: the week, and the filters only when chosen. */
export function boardQuery(week: string, filters: { status?: ComplianceStatus; stationId?: string }): Record<string, string> {
  const query: Record<string, string> = { week };
  if (filters.status) query.status = filters.status;
  if (filters.stationId) query.stationId = filters.stationId;
  return query;
}

const ORDER: Record<ComplianceStatus, number> = { violation: 0, short: 1, excused: 2, met: 3 };

/** Worst first (违规, 不足, 已报备, 达标), then by name: the office reads the problems first. */
export function sortEntries<T extends { status: ComplianceStatus; officerName: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.officerName.localeCompare(b.officerName, 'zh-CN'));
}

/** `已评估 2026-W20：120 名民警，读取 840 条记录`. */
export function evaluationMessage(result: { week: string; officers: number; itemsRead: number }): string {
  return `已重新评估 ${result.week}：${result.officers} 名民警，读取 ${result.itemsRead} 条记录`;
}
