import type { Metadata } from 'next';
import { DisputesOverview } from '../../../components/office/matters/DisputesOverview';

export const metadata: Metadata = { title: '矛盾纠纷' };

export default function DisputesPage() {
  return <DisputesOverview />;
}
