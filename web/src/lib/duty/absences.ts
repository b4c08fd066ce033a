import type { Absence, AbsenceDecision, AbsenceMakeUp, AbsenceStatus } from '@beatlink/shared/duty/absence-rules';
import { amountWithUnit, makeUpStatusLabel } from './labels';

/**
 * 报备审批: the program office approves or rejects absence reports (GET /absences,
 * POST /absences/{id}/decide). Pure helpers for the page and its dialog.
 */

/** The tab → the list query (`status`), and the week filter when one is chosen. */
export function absenceQuery(status: AbsenceStatus, week: string | undefined, limit = 50): { status: AbsenceStatus; week?: string; limit: number } {
  return week ? { status, week, limit } : { status, limit };
}

/** The make-up an approval will create: the very rule the API applies. */
export { makeUpForAbsence as makeUpPreview } from '@beatlink/shared/duty/absence-rules';

/** `补课 3 小时，须在 2026-05-26 前完成`. */
export function makeUpText(makeUp: Pick<AbsenceMakeUp, 'unit' | 'amount' | 'dueDate'>): string {
  return `补课 ${amountWithUnit(makeUp.amount, makeUp.unit)}，须在 ${makeUp.dueDate} 前完成`;
}

/** `补课 3 小时 · 截止 2026-05-26 · 待补课` for an approved row. */
export function makeUpSummary(makeUp: AbsenceMakeUp): string {
  return `补课 ${amountWithUnit(makeUp.amount, makeUp.unit)} · 截止 ${makeUp.dueDate} · ${makeUpStatusLabel(makeUp.status)}`;
}

export const REJECT_NOTE_REQUIRED = '驳回须填写理由';
export const NOTE_MAX = 500;

export type DecisionBody = { version: number; decision: AbsenceDecision; note?: string };

/** The body of POST /absences/{id}/decide, or the message for the note field. */
export function decisionBody(absence: Pick<Absence, 'version'>, decision: AbsenceDecision, note: string | undefined): { body: DecisionBody } | { error: string } {
  const text = note?.trim() ?? '';
  if (decision === 'reject' && !text) return { error: REJECT_NOTE_REQUIRED };
  if (text.length > NOTE_MAX) return { error: `最多 ${NOTE_MAX} 个字符` };
  return { body: text ? { version: absence.version, decision, note: text } : { version: absence.version, decision } };
}

/** What the office is told when the report changed under it (409): it was decided or edited meanwhile. */
export const DECIDE_CONFLICT_MESSAGE = '该报备已被他人处理或已更新，已重新加载，请核对后再操作';

/** Appends a page, skipping rows already shown (a row can move between pages while paging). */
export function appendAbsences(shown: readonly Absence[], next: readonly Absence[]): Absence[] {
  const seen = new Set(shown.map((a) => a.id));
  return [...shown, ...next.filter((a) => !seen.has(a.id))];
}
