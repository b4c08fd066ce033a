import type { Metadata } from 'next';
import { Households } from '../../../../components/field/Households';

export const metadata: Metadata = { title: '住户登记' };

export default function HouseholdsPage() {
  return <Households />;
}
