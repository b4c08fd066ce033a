/**
 * The injectable clock. Services take a `Clock` so tests can set "Tuesday 14:00"; everything is
 * stored as ISO-8601 UTC strings.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at `iso` (tests, `npm run job -- --at`). */
export function fixedClock(iso: string): Clock {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new Error(`Invalid time: ${iso}`);
  return { now: () => new Date(at.getTime()) };
}

export function isoNow(clock: Clock = systemClock): string {
  return clock.now().toISOString();
}
