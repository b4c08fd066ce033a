import type { MatterConfig, SlaEntry } from '@beatlink/shared/matters/config';
import type { Severity } from '@beatlink/shared/matters/kinds';
import { zoneOffsetMinutes } from '@beatlink/shared/time-zone';

const HOUR = 3_600_000;

export interface DeadlinePreview {
  acceptHours: number;
  feedbackHours: number;
  /** UTC ISO instants, counted from `from` (the moment of assignment). */
  acceptBy: string;
  feedbackBy: string;
}

/**
 * The deadlines an assignment made at `from` gets from the SLA table (category × severity), as the
 * API computes them (wall-clock hours from assignment); undefined when the table has no entry.
 */
export function slaPreview(sla: MatterConfig['sla'] | undefined, categoryId: string, severity: Severity, from: string): DeadlinePreview | undefined {
  const entry: SlaEntry | undefined = sla?.[categoryId]?.[severity];
  if (!entry) return undefined;
  const start = Date.parse(from);
  if (Number.isNaN(start)) return undefined;
  return {
    acceptHours: entry.acceptHours,
    feedbackHours: entry.feedbackHours,
    acceptBy: new Date(start + entry.acceptHours * HOUR).toISOString(),
    feedbackBy: new Date(start + entry.feedbackHours * HOUR).toISOString(),
  };
}

/** A UTC instant as the value of an `<input type="datetime-local">` in the county's zone. */
export function toZonedInput(iso: string, timeZone = 'Asia/Shanghai'): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return new Date(ms + zoneOffsetMinutes(timeZone, ms) * 60_000).toISOString().slice(0, 16);
}

/** The value of an `<input type="datetime-local">` (county wall time) as a UTC ISO instant. */
export function fromZonedInput(value: string, timeZone = 'Asia/Shanghai'): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number | undefined];
  const wall = Date.UTC(y, mo - 1, d, h, mi, Number.isNaN(s) || s === undefined ? 0 : s);
  if (Number.isNaN(wall)) return undefined;
  // Two passes settle instants near an offset change (daylight saving elsewhere).
  let ms = wall - zoneOffsetMinutes(timeZone, wall) * 60_000;
  ms = wall - zoneOffsetMinutes(timeZone, ms) * 60_000;
  return new Date(ms).toISOString();
}

/**
 * The deadline overrides to send: only a value the user changed from the preview (to the
 * minute); an untouched field is left to the API, which computes it at the same SLA.
 */
export function deadlineOverrides(
  preview: Pick<DeadlinePreview, 'acceptBy' | 'feedbackBy'> | undefined,
  inputs: { acceptBy?: string; feedbackBy?: string },
  timeZone = 'Asia/Shanghai',
): { acceptBy?: string; feedbackBy?: string } {
  const out: { acceptBy?: string; feedbackBy?: string } = {};
  for (const field of ['acceptBy', 'feedbackBy'] as const) {
    const value = inputs[field];
    if (!value) continue;
    if (preview && toZonedInput(preview[field], timeZone) === value) continue;
    const iso = fromZonedInput(value, timeZone);
    if (iso) out[field] = iso;
  }
  return out;
}
