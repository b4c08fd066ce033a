import type { Metadata } from 'next';
import { SensitivePeriodsDesk } from '../../../components/office/analysis/SensitivePeriodsDesk';

export const metadata: Metadata = { title: '敏感时期' };

export default function SensitivePeriodsPage() {
  return <SensitivePeriodsDesk />;
}
