import * as z from 'zod';
import { listQuerySchema, withExample } from '../fields';
import { NOTIFICATION_CATEGORIES, NOTIFICATION_CHANNELS } from './notifications';

/** The API's input for the notification centre. */

export const notificationIdSchema = z.string().regex(/^ntf_[0-9a-f]{32}$/, { message: '须为有效的通知编号 / must be a notification id' });
export const notificationParamsSchema = z.strictObject({ id: notificationIdSchema });

/** Read or unread again (标为未读). */
export const notificationReadSchema = withExample(z.strictObject({ read: z.boolean() }), { read: true });
export type NotificationReadInput = z.infer<typeof notificationReadSchema>;

/**
 * Marks read what the user has seen: everything created up to `upTo` (the newest item his list
 * showed), not what arrived after he looked.
 */
export const notificationsReadAllSchema = withExample(z.strictObject({ upTo: z.iso.datetime({ message: '须为 UTC ISO 时间 / must be a UTC ISO time' }) }), {
  upTo: '2026-11-23T01:00:00.000Z',
});
export type NotificationsReadAllInput = z.infer<typeof notificationsReadAllSchema>;

export const inboxQuerySchema = listQuerySchema.extend({
  unread: z.enum(['true', 'false']).optional(),
});
export type InboxQuery = z.infer<typeof inboxQuerySchema>;

const channelChoice = z.strictObject(Object.fromEntries(NOTIFICATION_CHANNELS.map((c) => [c, z.boolean()])) as Record<(typeof NOTIFICATION_CHANNELS)[number], z.ZodBoolean>);

export const preferencesUpdateSchema = withExample(
  z.strictObject({
    /** The version last read; 0 when saving for the first time. */
    version: z.number().int().min(0),
    categories: z.strictObject(
      Object.fromEntries(NOTIFICATION_CATEGORIES.map((c) => [c, channelChoice.optional()])) as Record<(typeof NOTIFICATION_CATEGORIES)[number], z.ZodOptional<typeof channelChoice>>,
    ),
  }),
  { version: 0, categories: { duty: { email: false, sms: false } } },
);
export type PreferencesUpdateInput = z.infer<typeof preferencesUpdateSchema>;

export const outboxQuerySchema = listQuerySchema;
