import type { Metadata } from 'next';
import { Suspense } from 'react';
import { RulesDesk } from '../../../../components/office/assessment/RulesDesk';

export const metadata: Metadata = { title: '考核细则' };

export default function RulesPage() {
  return (
    <Suspense>
      <RulesDesk />
    </Suspense>
  );
}
