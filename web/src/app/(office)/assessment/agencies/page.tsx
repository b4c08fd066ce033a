import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AgencyScoresDesk } from '../../../../components/office/assessment/AgencyScoresDesk';

export const metadata: Metadata = { title: '成员单位考核' };

export default function AgencyScoresPage() {
  return (
    <Suspense>
      <AgencyScoresDesk />
    </Suspense>
  );
}
