import type { Metadata } from 'next';
import { Suspense } from 'react';
import { VillagesList } from '../../../components/office/registry/VillagesList';

export const metadata: Metadata = { title: '村情档案' };

/** /villages?q=<search>: the villages within reach, each linking to its profile. */
export default function VillagesPage() {
  return (
    <Suspense>
      <VillagesList />
    </Suspense>
  );
}
