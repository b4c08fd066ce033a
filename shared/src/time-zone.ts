/**
 * Calendar days in a tenant's time zone ↔ UTC instants, with Intl only (no time-zone library in
 * the bundles). Rules are evaluated in the tenant's zone; everything is stored in UTC.
 */

/** Offset of `timeZone` from UTC at `ms`, in minutes (Asia/Shanghai → 480). */
export function zoneOffsetMinutes(timeZone: string, ms: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** The UTC instant (ms) at which `date` (YYYY-MM-DD) begins in `timeZone`. */
export function zonedDayStart(date: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  // Two passes settle days on which the offset changes (daylight saving) as well.
  let ms = guess - zoneOffsetMinutes(timeZone, guess) * 60_000;
  ms = guess - zoneOffsetMinutes(timeZone, ms) * 60_000;
  return ms;
}

/** The UTC instant (ms) just before the next day begins: [start, end] covers the whole day. */
export function zonedDayEnd(date: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return zonedDayStart(next, timeZone) - 1;
}

/** The calendar date (YYYY-MM-DD) of the instant in `timeZone`. */
export function zonedDate(iso: string | number, timeZone: string): string {
  const ms = typeof iso === 'number' ? iso : Date.parse(iso);
  return new Date(ms + zoneOffsetMinutes(timeZone, ms) * 60_000).toISOString().slice(0, 10);
}
