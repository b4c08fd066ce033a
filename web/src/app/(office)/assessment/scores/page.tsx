import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ScoresDesk } from '../../../../components/office/assessment/ScoresDesk';

export const metadata: Metadata = { title: '考核排名' };

export default function ScoresPage() {
  return (
    <Suspense>
      <ScoresDesk />
    </Suspense>
  );
}
