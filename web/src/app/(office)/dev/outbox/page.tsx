import type { Metadata } from 'next';
import { OutboxView } from '../../../../components/office/notifications/OutboxView';

export const metadata: Metadata = { title: '开发发件箱' };

export default function OutboxPage() {
  return <OutboxView />;
}
