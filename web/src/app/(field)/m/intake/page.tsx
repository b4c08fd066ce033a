import type { Metadata } from 'next';
import { IntakeForm } from '../../../../components/field/IntakeForm';

export const metadata: Metadata = { title: '录入事项' };

export default function IntakePage() {
  return <IntakeForm />;
}
