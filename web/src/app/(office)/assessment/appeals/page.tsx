import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AppealsDesk } from '../../../../components/office/assessment/AppealsDesk';

export const metadata: Metadata = { title: '考核申诉' };

export default function AppealsPage() {
  return (
    <Suspense>
      <AppealsDesk />
    </Suspense>
  );
}
