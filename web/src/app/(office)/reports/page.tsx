import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ReportsDesk } from '../../../components/office/analysis/ReportsDesk';

export const metadata: Metadata = { title: '研判报告' };

export default function ReportsPage() {
  // The filters are query parameters (?type=weekly|daily&scope=county|<station id>).
  return (
    <Suspense>
      <ReportsDesk />
    </Suspense>
  );
}
