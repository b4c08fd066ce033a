import type { Metadata } from 'next';
import { Suspense } from 'react';
import { SpotChecksDesk } from '../../../../components/office/assessment/SpotChecksDesk';

export const metadata: Metadata = { title: '月抽查' };

export default function SpotChecksPage() {
  return (
    <Suspense>
      <SpotChecksDesk />
    </Suspense>
  );
}
