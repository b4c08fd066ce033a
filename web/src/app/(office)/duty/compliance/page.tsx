import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ComplianceBoardView } from '../../../../components/office/duty/ComplianceBoardView';

export const metadata: Metadata = { title: '履职考核' };

export default function CompliancePage() {
  // The week and the filters are query parameters (?week=…&status=…&stationId=…).
  return (
    <Suspense>
      <ComplianceBoardView />
    </Suspense>
  );
}
