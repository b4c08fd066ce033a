import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AbsencesDesk } from '../../../../components/office/duty/AbsencesDesk';

export const metadata: Metadata = { title: '报备审批' };

export default function AbsencesPage() {
  // The tab and the week are query parameters (?status=…&week=…): read on the client, under Suspense.
  return (
    <Suspense>
      <AbsencesDesk />
    </Suspense>
  );
}
