import type { Metadata } from 'next';
import { OfficersTable } from '../../../components/office/OfficersTable';

export const metadata: Metadata = { title: '民警管理' };

export default function OfficersPage() {
  return <OfficersTable />;
}
