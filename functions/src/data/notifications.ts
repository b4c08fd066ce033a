import { createHash } from 'node:crypto';
import type { NotificationReason, NotificationSubjectType, Page } from '@beatlink/shared';
import { NotificationEntity } from './entities/notifications';
import { tenantPartition } from './entities/common';
import { getItem, putOp, queryPage, withoutIndexKeys, type PageRequest, type TxOp } from './repository';

/**
 * The notification outbox (`T#<t>#NOTIFICATION`). Items are written once, in the transaction of
 * the step that causes them, under a deterministic id: a put that finds the id already there
 * fails, so a step (or a job) recorded twice never notifies twice. deliver-notifications fans
 * each out to its audience's users (in-app, e-mail, SMS) and takes it off the pending index.
 */
export type { NotificationReason };

/**
 * Who is told. `key` addresses the inbox: `OFFICER#<officerId>`, `UNIT#<unitId>`,
 * `AGENCY#<agencyId>`, or `ROLE#<role>[#<scope id>]` (a station's chief, the county's program
 * office, …).
 */
export interface NotificationAudience {
  kind: 'officer' | 'unit' | 'agency' | 'role';
  key: string;
  roles?: string[];
}

export interface NotificationRecord {
  tenantId: string;
  id: string;
  reason: NotificationReason;
  /** What it is about, for the portal's link. */
  subject?: { type: NotificationSubjectType; id: string };
  /** Short title (the matter's, the report's). */
  title: string;
  /** Chinese text for the recipient. */
  message: string;
  audience: NotificationAudience;
  createdAt: string;
  /** Matter supervision: the matter, the deadline it is about, and the escalation level. */
  matterId?: string;
  deadline?: string;
  level?: number;
  /** Set when deliver-notifications fanned it out, with how many users it reached. */
  deliveredAt?: string;
  recipients?: number;
}

export const notificationInboxPartition = (tenantId: string, audienceKey: string): string => `${tenantPartition(tenantId, 'NOTIFICATION')}#BY#${audienceKey}`;
export const pendingNotificationsPartition = (tenantId: string): string => `${tenantPartition(tenantId, 'NOTIFICATION')}#PENDING`;

/**
 * `ntf_` + 32 hex of a digest of what makes the notification unique (reason, cause, period,
 * audience): the same reason for the same cause always gets the same id, so it is stored once.
 */
export function notificationId(...parts: Array<string | number | undefined>): string {
  return `ntf_${createHash('sha256').update(parts.map((p) => String(p ?? '')).join('|')).digest('hex').slice(0, 32)}`;
}

/** Puts the item, pending delivery, unless its (deterministic) id is already there. */
export function putNotificationOp(record: NotificationRecord, onConditionFailed: TxOp['onConditionFailed']): TxOp {
  const sortKey = `${record.createdAt}#${record.id}`;
  return putOp(
    NotificationEntity,
    {
      ...record,
      gsi1pk: notificationInboxPartition(record.tenantId, record.audience.key),
      gsi1sk: sortKey,
      ...(record.deliveredAt ? {} : { gsi2pk: pendingNotificationsPartition(record.tenantId), gsi2sk: sortKey }),
    },
    { attr: 'id', exists: false },
    onConditionFailed,
  );
}

export async function getNotification(tenantId: string, id: string): Promise<NotificationRecord | undefined> {
  const item = await getItem<Record<string, unknown>>(NotificationEntity, { tenantId, id });
  return item ? withoutIndexKeys<NotificationRecord>(item) : undefined;
}

/** One audience's notifications, newest first. */
export function listNotificationsFor(tenantId: string, audienceKey: string, page: PageRequest): Promise<Page<NotificationRecord>> {
  return queryPage<NotificationRecord>(
    NotificationEntity,
    { partition: tenantPartition(tenantId, 'NOTIFICATION'), index: { name: 'gsi1', partition: notificationInboxPartition(tenantId, audienceKey) }, reverse: true },
    page,
  );
}
