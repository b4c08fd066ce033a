import type { CategoryChoices, NotificationPreferences } from '@beatlink/shared';
import { versionConflict } from '../lib/app-error';
import { NotificationPreferencesEntity, notificationPreferencesPartition } from './entities/notification-preferences';
import { getItem, putOp, queryAll, runTransaction, withoutIndexKeys } from './repository';

/** Users' channel choices, versioned: a save must name the version it read (0 for the first). */
export type StoredPreferences = Required<NotificationPreferences> & { tenantId: string };

export async function getPreferencesRecord(tenantId: string, username: string): Promise<StoredPreferences | undefined> {
  const item = await getItem<Record<string, unknown>>(NotificationPreferencesEntity, { tenantId, username });
  return item ? withoutIndexKeys<StoredPreferences>(item) : undefined;
}

/** Every choice saved in the county (one Query): a delivery run reads them once. */
export async function allPreferences(tenantId: string): Promise<Map<string, CategoryChoices>> {
  const items = await queryAll<StoredPreferences>(NotificationPreferencesEntity, { partition: notificationPreferencesPartition(tenantId) });
  return new Map(items.map((p) => [p.username, p.categories]));
}

/** Writes `next` (version = previous + 1) if the stored version is still `previousVersion` (0: none stored). */
export async function savePreferences(next: StoredPreferences, previousVersion: number): Promise<void> {
  const condition = previousVersion === 0 ? { attr: 'username', exists: false } : { attr: 'version', eq: previousVersion };
  await runTransaction([putOp(NotificationPreferencesEntity, next, condition, versionConflict())]);
}
