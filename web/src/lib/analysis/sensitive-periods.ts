import type { SensitivePeriod } from '@beatlink/shared/analysis/sensitive-periods';

/** 敏感时期 for the office page: the form's draft, its checks and the bodies it sends. Zod-free. */

export interface PeriodDraft {
  name: string;
  startDate: string;
  endDate: string;
  note: string;
}

export type PeriodErrors = Partial<Record<keyof PeriodDraft, string>>;

/** A dispatch produced in a period (GET /analysis/sensitive-periods/{id}). */
export interface PeriodDispatch {
  id: string;
  period: string;
}
export type SensitivePeriodDetail = SensitivePeriod & { dispatches: PeriodDispatch[] };

export const NAME_MAX = 40;
export const NOTE_MAX = 500;
const DAY = 86_400_000;

export function emptyDraft(): PeriodDraft {
  return { name: '', startDate: '', endDate: '', note: '' };
}

export function draftOf(period: Pick<SensitivePeriod, 'name' | 'startDate' | 'endDate' | 'note'>): PeriodDraft {
  return { name: period.name, startDate: period.startDate, endDate: period.endDate, note: period.note ?? '' };
}

/** The same checks as the API (name, a range of at most a year, end not before start). */
export function validatePeriod(draft: PeriodDraft): PeriodErrors {
  const errors: PeriodErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = '请填写名称';
  else if (name.length > NAME_MAX) errors.name = `名称不超过 ${NAME_MAX} 字`;
  if (!draft.startDate) errors.startDate = '请选择开始日期';
  if (!draft.endDate) errors.endDate = '请选择结束日期';
  if (draft.startDate && draft.endDate) {
    if (draft.endDate < draft.startDate) errors.endDate = '结束日期不能早于开始日期';
    else if (Date.parse(draft.endDate) - Date.parse(draft.startDate) > 366 * DAY) errors.endDate = '敏感时期不能超过一年';
  }
  if (draft.note.trim().length > NOTE_MAX) errors.note = `备注不超过 ${NOTE_MAX} 字`;
  return errors;
}

/** POST body (create); with `version` the PUT body (edit). */
export function periodBody(draft: PeriodDraft, version?: number): Record<string, unknown> {
  const note = draft.note.trim();
  return {
    ...(version !== undefined ? { version } : {}),
    name: draft.name.trim(),
    startDate: draft.startDate,
    endDate: draft.endDate,
    ...(note ? { note } : {}),
  };
}

export function cancelBody(version: number, reason: string): Record<string, unknown> {
  const text = reason.trim();
  return { version, ...(text ? { reason: text } : {}) };
}

/** Which form field an API error path belongs to. */
export function periodFieldOfPath(path: string): keyof PeriodDraft | undefined {
  return (['name', 'startDate', 'endDate', 'note'] as const).find((field) => path === field);
}

/** `2026-09-28 至 2026-10-08（共 11 天）`. */
export function periodRangeText(period: Pick<SensitivePeriod, 'startDate' | 'endDate'>): string {
  const days = Math.round((Date.parse(period.endDate) - Date.parse(period.startDate)) / DAY) + 1;
  return `${period.startDate} 至 ${period.endDate}（共 ${days} 天）`;
}

/** Where a period stands on a date: 进行中, 未开始, 已结束, or 已取消. */
export function periodPhase(period: Pick<SensitivePeriod, 'startDate' | 'endDate' | 'status'>, today: string): 'running' | 'upcoming' | 'ended' | 'cancelled' {
  if (period.status === 'cancelled') return 'cancelled';
  if (today < period.startDate) return 'upcoming';
  return today > period.endDate ? 'ended' : 'running';
}

export const PHASE_LABELS: Record<ReturnType<typeof periodPhase>, string> = {
  running: '进行中',
  upcoming: '未开始',
  ended: '已结束',
  cancelled: '已取消',
};
