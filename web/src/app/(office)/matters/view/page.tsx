import type { Metadata } from 'next';
import { Suspense } from 'react';
import { MatterDetailPage } from '../../../../components/office/matters/MatterDetailPage';

export const metadata: Metadata = { title: '事项详情' };

/** /matters/view?id=<id>: a query parameter, so the portal stays a static export-friendly build. */
export default function MatterViewPage() {
  return (
    <Suspense>
      <MatterDetailPage />
    </Suspense>
  );
}
