import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ReportPage } from '../../../../components/office/analysis/ReportPage';

export const metadata: Metadata = { title: '研判报告' };

export default function ReportViewPage() {
  return (
    <Suspense>
      <ReportPage />
    </Suspense>
  );
}
