import type { CheckInInput, CheckOutInput, Fix } from '@beatlink/shared';

/**
 * The check-in / check-out forms of the phone (入村签到 / 签退): drafts, their checks and the
 * bodies of POST /visits and POST /visits/{id}/check-out, with the limits of
 * shared/src/duty/visits.ts (zod-free here: the field budget).
 */

export const VISIT_LIMITS = { note: 500, notes: 2000, households: 500, people: 2000, matters: 50 } as const;

const chars = (s: string) => Array.from(s).length;

export interface CheckInDraft {
  villageId: string;
  note: string;
  makeUp: boolean;
}

export type CheckInErrors = Partial<Record<'village' | 'note', string>>;

export function validateCheckIn(draft: CheckInDraft): CheckInErrors {
  const errors: CheckInErrors = {};
  if (!draft.villageId) errors.village = '请选择村（社区）';
  if (chars(draft.note.trim()) > VISIT_LIMITS.note) errors.note = `备注不能超过 ${VISIT_LIMITS.note} 字`;
  return errors;
}

/** A browser fix as the API takes it (accuracy clamped into the schema's range). */
export function toFix(coords: { latitude: number; longitude: number; accuracy: number }): Fix {
  const accuracy = Number.isFinite(coords.accuracy) ? Math.min(100_000, Math.max(0, coords.accuracy)) : 100_000;
  return { lat: coords.latitude, lng: coords.longitude, accuracy };
}

/** The body of POST /visits; `at` is the phone's time of the tap, kept when the visit waits in the queue. */
export function checkInBody(draft: CheckInDraft, at: Date, position?: Fix): CheckInInput {
  const note = draft.note.trim();
  return { villageId: draft.villageId, at: at.toISOString(), ...(position ? { position } : {}), ...(note ? { note } : {}), makeUp: draft.makeUp };
}

export interface CheckOutDraft {
  households: string;
  people: string;
  notes: string;
  matterIds: string[];
}

export type CheckOutErrors = Partial<Record<'households' | 'people' | 'notes' | 'matters', string>>;

export const emptyCheckOut = (): CheckOutDraft => ({ households: '', people: '', notes: '', matterIds: [] });

function count(value: string, max: number, what: string): { value?: number; error?: string } {
  const text = value.trim();
  if (text === '') return { value: 0 };
  if (!/^\d+$/.test(text)) return { error: `${what}须为整数` };
  const n = Number(text);
  if (n > max) return { error: `${what}不能超过 ${max}` };
  return { value: n };
}

/** Empty counts mean 0 (a visit to the village committee only); anything else must be a whole number in range. */
export function validateCheckOut(draft: CheckOutDraft): CheckOutErrors {
  const errors: CheckOutErrors = {};
  const households = count(draft.households, VISIT_LIMITS.households, '入户户数');
  if (households.error) errors.households = households.error;
  const people = count(draft.people, VISIT_LIMITS.people, '走访人数');
  if (people.error) errors.people = people.error;
  if (chars(draft.notes.trim()) > VISIT_LIMITS.notes) errors.notes = `走访情况不能超过 ${VISIT_LIMITS.notes} 字`;
  if (draft.matterIds.length > VISIT_LIMITS.matters) errors.matters = `最多关联 ${VISIT_LIMITS.matters} 件事项`;
  return errors;
}

export function checkOutBody(draft: CheckOutDraft, version: number, at: Date, position?: Fix): CheckOutInput {
  const notes = draft.notes.trim();
  return {
    version,
    at: at.toISOString(),
    ...(position ? { position } : {}),
    householdsVisited: count(draft.households, VISIT_LIMITS.households, '').value ?? 0,
    peopleTalkedTo: count(draft.people, VISIT_LIMITS.people, '').value ?? 0,
    ...(notes ? { notes } : {}),
    matterIds: [...new Set(draft.matterIds)],
  };
}

/**
 * The check-out time: now, but after the check-in (the API refuses a check-out not later than its
 * check-in, which a phone clock corrected in between could cause).
 */
export function checkOutTime(checkedInAt: string, now: Date): Date {
  const floor = Date.parse(checkedInAt) + 1000;
  return now.getTime() > floor ? now : new Date(floor);
}

/** `?makeUp=1` presets the 补课走访 box (from 去补课). */
export function makeUpFromSearch(search: string): boolean {
  const value = new URLSearchParams(search).get('makeUp');
  return value === '1' || value === 'true';
}

/** Matters to offer at check-out: those of the visit's village first, newest first within each group. */
export function orderMattersForVisit<T extends { villageId: string; createdAt: string }>(matters: readonly T[], villageId: string): T[] {
  return [...matters].sort((a, b) => Number(b.villageId === villageId) - Number(a.villageId === villageId) || b.createdAt.localeCompare(a.createdAt));
}
