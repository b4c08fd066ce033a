import type { Metadata } from 'next';
import { WebhooksDesk } from '../../../../components/office/integrations/WebhooksDesk';

export const metadata: Metadata = { title: '事件推送' };

export default function WebhooksPage() {
  return <WebhooksDesk />;
}
