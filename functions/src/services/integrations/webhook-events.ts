import { createHash } from 'node:crypto';
import {
  DEADLINE_OF_STATUS,
  ID_PREFIXES,
  ulid,
  type MatterDeadlines,
  type MatterEvent,
  type PublicMatterView,
  type WebhookEventType,
  type WebhookPayload,
} from '@beatlink/shared';

/**
 * Which webhook events a matter timeline event raises, and their bodies. Pure: the fan-out reads
 * the timeline item from the table's stream and the matter's public view, and this decides.
 * - `created` → matter.created;
 * - a change of status (from ≠ to) → matter.status_changed, with both statuses;
 * - `overdue` → matter.overdue, with the deadline that passed.
 * Every other event (reminders, notes, attachments, urges within a status) raises nothing. A
 * timeline event raises at most one webhook event, so `evt_<timeline event id>` is unique.
 */
export type TimelineEventFields = Pick<MatterEvent, 'id' | 'type' | 'at' | 'from' | 'to' | 'data'>;

export interface WebhookEvent {
  type: WebhookEventType;
  payload: WebhookPayload;
}

export const webhookEventIdOf = (timelineEventId: string): string => `evt_${timelineEventId}`;

/**
 * The delivery of an event to an endpoint: the event's time as a ULID time part and 16 characters
 * drawn from sha256(eventId|webhookId) — the same for a stream record processed twice, so the
 * second fan-out's conditional put writes nothing.
 */
export function webhookDeliveryIdOf(eventId: string, webhookId: string, eventAtMs: number): string {
  const digest = createHash('sha256').update(`${eventId}|${webhookId}`, 'utf8').digest();
  let next = 0;
  return `${ID_PREFIXES.webhookDelivery}_${ulid(eventAtMs, () => digest[next++]! / 256)}`;
}

/** The webhook event type a timeline event raises, if any (checked before anything is loaded). */
export function webhookEventTypeOf(event: Pick<TimelineEventFields, 'type' | 'from' | 'to'>): WebhookEventType | undefined {
  if (event.type === 'created') return 'matter.created';
  if (event.type === 'overdue') return 'matter.overdue';
  if (event.from && event.to && event.from !== event.to) return 'matter.status_changed';
  return undefined;
}

type DeadlineName = keyof MatterDeadlines;
const DEADLINE_NAMES: readonly DeadlineName[] = ['acceptBy', 'feedbackBy'];

/**
 * Which deadline an overdue event is about: the supervision job records the deadline's time, so it
 * is the matter's deadline at that time; failing that, the one the matter's status runs.
 */
function overdueDeadline(event: TimelineEventFields, matter: PublicMatterView, deadlines: Partial<MatterDeadlines>): WebhookPayload['data']['deadline'] {
  const data = event.data ?? {};
  const at = typeof data.deadline === 'string' ? data.deadline : undefined;
  const named = DEADLINE_NAMES.find((name) => data.field === name) ?? DEADLINE_NAMES.find((name) => at !== undefined && deadlines[name] === at) ?? DEADLINE_OF_STATUS[matter.status];
  const when = at ?? (named ? deadlines[named] : undefined);
  return named && when ? { name: named, at: when } : undefined;
}

export function webhookEventsOf(event: TimelineEventFields, matter: PublicMatterView, county: string, deadlines: Partial<MatterDeadlines> = {}): WebhookEvent[] {
  const type = webhookEventTypeOf(event);
  if (!type) return [];
  const data: WebhookPayload['data'] = { matter };
  if (type === 'matter.status_changed' && event.to) data.change = { ...(event.from ? { from: event.from } : {}), to: event.to };
  if (type === 'matter.overdue') {
    const deadline = overdueDeadline(event, matter, deadlines);
    if (deadline) data.deadline = deadline;
  }
  return [{ type, payload: { id: webhookEventIdOf(event.id), type, county, occurredAt: event.at, data } }];
}
