import type { Metadata } from 'next';
import { Suspense } from 'react';
import { VillageProfile } from '../../../../components/office/registry/VillageProfile';

export const metadata: Metadata = { title: '村（社区）档案' };

/** /villages/view?id=<id>&tab=<tab>: query parameters, so the portal stays a static export-friendly build. */
export default function VillageProfilePage() {
  return (
    <Suspense>
      <VillageProfile />
    </Suspense>
  );
}
