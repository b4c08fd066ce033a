import { Entity } from 'dynamodb-toolbox/entity';
import { any } from 'dynamodb-toolbox/schema/any';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { table } from '../client';
import { tenantPartition } from './common';

/**
 * A user's channel choices per category: `T#<t>#NOTIFY_PREFS` / `<username>`, versioned. One
 * partition per county, so a delivery run reads every choice made in the county with one Query.
 */
export const NotificationPreferencesEntity = new Entity({
  name: 'notificationPreferences',
  table,
  timestamps: false,
  schema: item({
    tenantId: string().key(),
    username: string().key(),
    /** CategoryChoices: { matters: { email, sms }, … }. */
    categories: any(),
    version: number(),
    updatedAt: string(),
  }),
  computeKey: ({ tenantId, username }) => ({ pk: notificationPreferencesPartition(tenantId), sk: username }),
});

export const notificationPreferencesPartition = (tenantId: string): string => tenantPartition(tenantId, 'NOTIFY_PREFS');
