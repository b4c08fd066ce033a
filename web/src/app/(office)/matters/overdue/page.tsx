import type { Metadata } from 'next';
import { OverdueBoard } from '../../../../components/office/matters/OverdueBoard';

export const metadata: Metadata = { title: '超期督办' };

export default function OverduePage() {
  return <OverdueBoard />;
}
