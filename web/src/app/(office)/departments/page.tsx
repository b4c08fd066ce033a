import type { Metadata } from 'next';
import { DepartmentsTable } from '../../../components/office/DepartmentsTable';

export const metadata: Metadata = { title: '局直单位' };

export default function DepartmentsPage() {
  return <DepartmentsTable />;
}
