import { CATEGORY_OF_REASON, DEFAULT_NOTIFICATION_CHOICES, NOTIFICATION_CHANNELS, NOTIFICATION_REASON_LABELS, type CategoryChoices, type NotificationChannel } from '@beatlink/shared';
import { claimDelivery, finishDelivery, markNotificationDelivered, pendingNotifications, type DeliveryKey } from '../../data/deliveries';
import { putInboxItem } from '../../data/inbox';
import { allPreferences } from '../../data/notification-preferences';
import type { NotificationRecord } from '../../data/notifications';
import { logger } from '../../lib/logger';
import { channelErrorOf } from './channels/channel';
import { messageChannels, type MessageChannels } from './channels';
import { loadCountyDirectory, type CountyDirectory, type Recipient } from './recipients';

/**
 * deliver-notifications: fans the outbox out. For each pending notification (oldest first, at
 * most MAX_PER_RUN a run) and each user of its audience:
 * 1. the inbox item — a put that must find none, so in-app is exactly once;
 * 2. each channel his preferences turn on for the reason's category and for which he has an
 *    address: the delivery log item is claimed (`sending`) BEFORE the channel is called, so no
 *    re-run or concurrent run can send it again (at most once); then marked `sent` or `failed`.
 *    A transient failure is claimed again by a later run, up to MAX_ATTEMPTS in all;
 * 3. once nothing is left to retry, the notification leaves the pending index with deliveredAt
 *    and the number of users it reached.
 */
export const MAX_ATTEMPTS = 3;
const PAGE = 50;
const MAX_PER_RUN = 500;

export interface DeliveryCounts {
  /** Notifications taken off the pending index. */
  delivered: number;
  /** Inbox items written (users reached in-app). */
  recipients: number;
  sent: number;
  failed: number;
}

export interface DeliveryDeps {
  channels?: MessageChannels;
}

type Addressable = { email?: string; mobile?: string };
const addressOf = (r: Addressable, channel: NotificationChannel) => (channel === 'email' ? r.email : r.mobile);

/** The channels beside in-app that a user's choices turn on for a reason (defaults until he saves his). */
export function channelsFor(choices: CategoryChoices | undefined, notification: Pick<NotificationRecord, 'reason'>): NotificationChannel[] {
  const category = CATEGORY_OF_REASON[notification.reason];
  const choice = choices?.[category] ?? DEFAULT_NOTIFICATION_CHOICES[category];
  return NOTIFICATION_CHANNELS.filter((c) => choice[c]);
}

interface Run {
  tenantId: string;
  at: string;
  channels: MessageChannels;
  directory: CountyDirectory;
  preferences: Map<string, CategoryChoices>;
  counts: DeliveryCounts;
}

/** One channel to one user: claim, send, record. True when a later run may retry it. */
async function sendOnce(run: Run, n: NotificationRecord, user: Recipient, channel: NotificationChannel, to: string): Promise<boolean> {
  const key: DeliveryKey = { tenantId: run.tenantId, notificationId: n.id, username: user.username, channel };
  const attempt = await claimDelivery(key, run.at, MAX_ATTEMPTS);
  if (attempt === undefined) return false;
  const subject = `${NOTIFICATION_REASON_LABELS[n.reason].zh}：${n.title}`;
  try {
    const { messageId } = await run.channels[channel].send({ tenantId: run.tenantId, to, username: user.username, notificationId: n.id, subject, body: n.message, at: run.at });
    await finishDelivery(key, { status: 'sent', messageId }, run.at);
    run.counts.sent += 1;
    return false;
  } catch (error) {
    const failure = channelErrorOf(error);
    await finishDelivery(key, { status: 'failed', failure: failure.failure, error: failure.message }, run.at);
    run.counts.failed += 1;
    logger.warn('notification not sent', { notificationId: n.id, username: user.username, channel, attempt, failure: failure.failure, error: failure.message });
    return failure.failure === 'transient' && attempt < MAX_ATTEMPTS;
  }
}

/** Fans one notification out; true when it is done (nothing left to retry). */
async function deliverOne(run: Run, n: NotificationRecord): Promise<boolean> {
  const users = run.directory.resolve(n.audience);
  let retry = false;
  for (const user of users) {
    const written = await putInboxItem({
      tenantId: run.tenantId,
      username: user.username,
      id: n.id,
      reason: n.reason,
      category: CATEGORY_OF_REASON[n.reason],
      title: n.title,
      message: n.message,
      ...(n.subject ? { subject: n.subject } : {}),
      createdAt: n.createdAt,
    });
    if (written) run.counts.recipients += 1;
    for (const channel of channelsFor(run.preferences.get(user.username), n)) {
      const to = addressOf(user, channel);
      if (to && (await sendOnce(run, n, user, channel, to))) retry = true;
    }
  }
  if (retry) return false;
  await markNotificationDelivered(run.tenantId, n.id, run.at, users.length);
  run.counts.delivered += 1;
  return true;
}

/**
 * Delivers the county's pending notifications created at or before `at`. Safe to run again and
 * concurrently: nothing reaches an inbox twice and nothing is sent twice.
 */
export async function deliverPendingNotifications(tenantId: string, at: string, deps: DeliveryDeps = {}): Promise<DeliveryCounts> {
  const counts: DeliveryCounts = { delivered: 0, recipients: 0, sent: 0, failed: 0 };
  let page = await pendingNotifications(tenantId, at, { limit: PAGE });
  if (page.items.length === 0) return counts;
  // Read once per run, not per notification.
  const [directory, preferences] = await Promise.all([loadCountyDirectory(tenantId), allPreferences(tenantId)]);
  const run: Run = { tenantId, at, channels: deps.channels ?? messageChannels(), directory, preferences, counts };
  let seen = 0;
  for (;;) {
    for (const n of page.items) await deliverOne(run, n);
    seen += page.items.length;
    if (!page.nextCursor || seen >= MAX_PER_RUN) break;
    // Items kept pending for a retry stay ahead of the cursor: the next run sees them first.
    page = await pendingNotifications(tenantId, at, { limit: PAGE, cursor: page.nextCursor });
  }
  return counts;
}
