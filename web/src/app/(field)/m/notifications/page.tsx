import type { Metadata } from 'next';
import { NotificationsInbox } from '../../../../components/field/NotificationsInbox';

export const metadata: Metadata = { title: '通知' };

/** `/m/notifications`: the officer's reminders and notices on the phone. */
export default function FieldNotificationsPage() {
  return <NotificationsInbox />;
}
