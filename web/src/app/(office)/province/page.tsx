import type { Metadata } from 'next';
import { ProvinceDashboard } from '../../../components/office/province/ProvinceDashboard';

export const metadata: Metadata = { title: '全省汇总' };

/** `/province`: the provincial bureau's rollup of its counties (province viewers). */
export default function ProvincePage() {
  return <ProvinceDashboard />;
}
