import type { Metadata } from 'next';
import { AgencyWorkbench } from '../../../components/office/matters/AgencyWorkbench';

export const metadata: Metadata = { title: '成员单位工作台' };

export default function AgencyPage() {
  return <AgencyWorkbench />;
}
