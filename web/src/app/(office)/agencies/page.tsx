import type { Metadata } from 'next';
import { AgenciesTable } from '../../../components/office/AgenciesTable';

export const metadata: Metadata = { title: '综治成员单位' };

export default function AgenciesPage() {
  return <AgenciesTable />;
}
