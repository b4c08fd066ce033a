import {
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_CATEGORY_LABELS,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_CHANNEL_LABELS,
  NOTIFICATION_REASON_LABELS,
  type CategoryChoices,
  type InboxItem,
  type NotificationCategory,
  type NotificationChannel,
  type NotificationPreferences,
  type NotificationReason,
} from '@beatlink/shared/notifications/notifications';
import { matterHref as fieldMatterHref } from '../field/matters';
import { matterHref as officeMatterHref } from '../matters/links';

/** The notification centre for both portals: links, labels, read marks and the preferences body. Zod-free. */

export function reasonLabel(reason: NotificationReason): string {
  return NOTIFICATION_REASON_LABELS[reason]?.zh ?? reason;
}

export function categoryLabel(category: NotificationCategory): string {
  return NOTIFICATION_CATEGORY_LABELS[category]?.zh ?? category;
}

export function channelLabel(channel: NotificationChannel): string {
  return NOTIFICATION_CHANNEL_LABELS[channel]?.zh ?? channel;
}

const ISO_WEEK = /^\d{4}-W\d{2}$/;

/**
 * Where a notification leads in the office portal: the matter, the report, the absences desk, the
 * officer's week (his own, from the board's officer page; the phone's 本周 without an officer id).
 */
export function officeHref(item: Pick<InboxItem, 'subject'>, officerId?: string): string | undefined {
  const subject = item.subject;
  if (!subject) return undefined;
  switch (subject.type) {
    case 'matter':
      return officeMatterHref(subject.id);
    case 'report':
      return `/reports/view?id=${encodeURIComponent(subject.id)}`;
    case 'absence':
      return '/duty/absences';
    case 'week': {
      const week = ISO_WEEK.test(subject.id) ? subject.id : undefined;
      if (officerId && week) return `/duty/officer?officerId=${encodeURIComponent(officerId)}&week=${week}`;
      return week ? `/m/duty?week=${week}` : '/m/duty';
    }
    case 'score':
      return `/assessment/scores?period=${encodeURIComponent(subject.id)}`;
    case 'appeal':
      return `/assessment/appeals?id=${encodeURIComponent(subject.id)}`;
    case 'spot_check':
      return `/assessment/spot-checks?month=${encodeURIComponent(subject.id)}`;
  }
}

/** Where a notification leads on the phone, where there is such a page (reports are office pages). */
export function fieldHref(item: Pick<InboxItem, 'subject'>): string | undefined {
  const subject = item.subject;
  if (!subject) return undefined;
  switch (subject.type) {
    case 'matter':
      return fieldMatterHref(subject.id);
    case 'absence':
      return '/m/absence';
    case 'week':
      return ISO_WEEK.test(subject.id) ? `/m/duty?week=${subject.id}` : '/m/duty';
    case 'score':
      return `/m/scores?period=${encodeURIComponent(subject.id)}`;
    case 'appeal':
      return '/m/scores';
    case 'report':
    case 'spot_check':
      return undefined;
  }
}

/** POST /notifications/{id}/read: read (the API can also mark unread again with `read: false`). */
export const MARK_READ_BODY = { read: true } as const;

/**
 * POST /notifications/read-all: what the user has seen — everything created up to the newest
 * item his list shows, not what arrived after he looked. Undefined when the list is empty.
 */
export function readAllBody(shown: ReadonlyArray<Pick<InboxItem, 'createdAt'>>): { upTo: string } | undefined {
  const newest = shown.reduce<string | undefined>((max, item) => (!max || item.createdAt > max ? item.createdAt : max), undefined);
  return newest ? { upTo: new Date(newest).toISOString() } : undefined;
}

/** The list after one item was marked read (kept in place, greyed). */
export function markedRead(items: readonly InboxItem[], id: string, at: string): InboxItem[] {
  return items.map((item) => (item.id === id && !item.readAt ? { ...item, readAt: at } : item));
}

/** The list after "全部已读". */
export function allMarkedRead(items: readonly InboxItem[], at: string): InboxItem[] {
  return items.map((item) => (item.readAt ? item : { ...item, readAt: at }));
}

/** The badge's text: up to 99, then 99+. */
export function badgeText(unread: number): string {
  return unread > 99 ? '99+' : String(unread);
}

/** PUT /notifications/preferences: every category's choices, with the version read. */
export function preferencesBody(preferences: Pick<NotificationPreferences, 'version'>, categories: CategoryChoices): Record<string, unknown> {
  return { version: preferences.version, categories };
}

/** The choices with one switch flipped. */
export function withChoice(categories: CategoryChoices, category: NotificationCategory, channel: NotificationChannel, on: boolean): CategoryChoices {
  return { ...categories, [category]: { ...categories[category], [channel]: on } };
}

export const PREFERENCE_ROWS = NOTIFICATION_CATEGORIES.map((category) => ({ category, label: categoryLabel(category) }));
export const PREFERENCE_CHANNELS = NOTIFICATION_CHANNELS.map((channel) => ({ channel, label: channelLabel(channel) }));
