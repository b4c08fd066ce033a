import type { Page } from '@beatlink/shared';
import type { NOTIFICATION_REASONS } from './entities/notifications';
import { NotificationEntity } from './entities/notifications';
import { tenantPartition } from './entities/common';
import { getItem, putOp, queryPage, withoutIndexKeys, type PageRequest, type TxOp } from './repository';

/**
 * The notification outbox (`T#<t>#NOTIFICATION`). Items are written once, in the transaction of
 * the step that causes them, under a deterministic id: a put that finds the id already there
 * fails, so a step recorded twice never notifies twice. The notification centre of a later issue
 * delivers them (in-app, e-mail, SMS) and reads an audience's inbox through gsi1.
 */
export type NotificationReason = (typeof NOTIFICATION_REASONS)[number];

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
  matterId: string;
  title: string;
  /** The deadline the notification is about. */
  deadline: string;
  /** Escalation level: the matter's level when reminded/overdue, the new level when escalated. */
  level: number;
  audience: NotificationAudience;
  createdAt: string;
  /** Chinese text for the recipient. */
  message: string;
}

export const notificationInboxPartition = (tenantId: string, audienceKey: string): string => `${tenantPartition(tenantId, 'NOTIFICATION')}#BY#${audienceKey}`;

/** Puts the item unless its (deterministic) id is already there. */
export function putNotificationOp(record: NotificationRecord, onConditionFailed: TxOp['onConditionFailed']): TxOp {
  return putOp(
    NotificationEntity,
    { ...record, gsi1pk: notificationInboxPartition(record.tenantId, record.audience.key), gsi1sk: `${record.createdAt}#${record.id}` },
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
