import type { SpotCheck, SpotCheckItem, SpotCheckItemKind, SpotCheckResult } from '@beatlink/shared/assessment/spot-check';

/** 月抽查: the month to show, the counts of a check, the result body. */

export const SPOT_CHECK_KIND_LABELS: Record<SpotCheckItemKind, string> = { visit: '走访', household: '入户' };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month before the one `today` (YYYY-MM-DD) is in: the last finished month, which the job samples. */
export function lastFinishedMonth(today: string): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** `?month=` when valid, else the last finished month. */
export function pickMonth(requested: string | null | undefined, today: string): string {
  return requested && MONTH.test(requested) ? requested : lastFinishedMonth(today);
}

/** The month of a spot-check id (`spc_2026-10_ofr_…`). */
export function monthOfSpotCheckId(id: string): string | undefined {
  return /^spc_(\d{4}-\d{2})_/.exec(id)?.[1];
}

/** How far the call-backs are: recorded / sampled. */
export function progressText(check: Pick<SpotCheck, 'items'>): string {
  const done = check.items.filter((i) => i.result).length;
  return `${done}/${check.items.length}`;
}

/** The share that passed, of those reached (无法联系 not counted), as the score counts it. */
export function passRateText(check: Pick<SpotCheck, 'passed' | 'failed'>): string {
  const reached = check.passed + check.failed;
  return reached === 0 ? '—' : `${Number(((check.passed / reached) * 100).toFixed(1))}%`;
}

/** The body of POST /assessment/spot-checks/{id}/results. */
export function resultBody(version: number, item: Pick<SpotCheckItem, 'itemId'>, result: SpotCheckResult, note: string) {
  const text = note.trim();
  return text ? { version, itemId: item.itemId, result, note: text } : { version, itemId: item.itemId, result };
}
