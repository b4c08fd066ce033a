import type { Metadata } from 'next';
import { Suspense } from 'react';
import { NotificationsCenter } from '../../../components/office/notifications/NotificationsCenter';

export const metadata: Metadata = { title: '通知' };

export default function NotificationsPage() {
  // The tab is a query parameter (?tab=all|unread|preferences).
  return (
    <Suspense>
      <NotificationsCenter />
    </Suspense>
  );
}
