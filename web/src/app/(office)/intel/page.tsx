import type { Metadata } from 'next';
import { Suspense } from 'react';
import { IntelDesk } from '../../../components/office/intel/IntelDesk';

export const metadata: Metadata = { title: '信息采集' };

/** /intel?villageId=&type=&tag=&verification=: the filters are query parameters, read on the client. */
export default function IntelPage() {
  return (
    <Suspense>
      <IntelDesk />
    </Suspense>
  );
}
