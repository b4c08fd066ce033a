import type { Metadata } from 'next';
import { Suspense } from 'react';
import { MattersDesk } from '../../../components/office/matters/MattersDesk';

export const metadata: Metadata = { title: '事项办理' };

export default function MattersPage() {
  // The inbox is a query parameter (?inbox=…): read on the client, under Suspense.
  return (
    <Suspense>
      <MattersDesk />
    </Suspense>
  );
}
