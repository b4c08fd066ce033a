import type { Visit } from '@beatlink/shared/duty/visits';
import { formatDateTime } from '../format';
import { flagReasonLabel } from './labels';

/** 民警周履职: one officer's week (GET /duty/week) as rows for the page. */

/** `185` → `3 小时 5 分`, `45` → `45 分`, `120` → `2 小时`. */
export function durationText(minutes: number | undefined): string {
  if (minutes === undefined || !Number.isFinite(minutes) || minutes < 0) return '—';
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  if (h === 0) return `${m} 分`;
  return m === 0 ? `${h} 小时` : `${h} 小时 ${m} 分`;
}

export interface VisitRow {
  id: string;
  village: string;
  checkedIn: string;
  checkedOut: string;
  duration: string;
  open: boolean;
  makeUp: boolean;
  /** The flag's reason when the check-in was flagged, else ''. */
  flag: string;
}

/** Time of day when it is the same local day as the check-in, else the full date and time. */
function outText(visit: Pick<Visit, 'checkedInAt' | 'checkedOutAt'>, timeZone: string): string {
  if (!visit.checkedOutAt) return '未签退';
  const inText = formatDateTime(visit.checkedInAt, timeZone);
  const out = formatDateTime(visit.checkedOutAt, timeZone);
  return inText.slice(0, 10) === out.slice(0, 10) ? out.slice(11) : out;
}

export function visitRow(visit: Visit, timeZone: string): VisitRow {
  const open = !visit.checkedOutAt;
  return {
    id: visit.id,
    village: visit.villageName,
    checkedIn: formatDateTime(visit.checkedInAt, timeZone),
    checkedOut: outText(visit, timeZone),
    duration: open ? '进行中' : durationText(visit.minutes),
    open,
    makeUp: !!visit.makeUp,
    flag: visit.checkInFlag?.flagged ? flagReasonLabel(visit.checkInFlag.reason) : '',
  };
}

/** Regular visits count towards the week, make-up visits (补课) only against obligations. */
export function visitTotals(visits: readonly Pick<Visit, 'makeUp' | 'minutes' | 'checkInFlag'>[]): { regular: number; makeUp: number; flagged: number; minutes: number } {
  return {
    regular: visits.filter((v) => !v.makeUp).length,
    makeUp: visits.filter((v) => v.makeUp).length,
    flagged: visits.filter((v) => v.checkInFlag?.flagged).length,
    minutes: visits.reduce((sum, v) => sum + (v.minutes ?? 0), 0),
  };
}
