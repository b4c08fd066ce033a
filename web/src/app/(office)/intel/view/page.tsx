import type { Metadata } from 'next';
import { Suspense } from 'react';
import { IntelRecordView } from '../../../../components/office/intel/IntelRecordView';

export const metadata: Metadata = { title: '信息记录' };

/** /intel/view?id=<id>: a query parameter, so the portal stays a static export-friendly build. */
export default function IntelRecordPage() {
  return (
    <Suspense>
      <IntelRecordView />
    </Suspense>
  );
}
