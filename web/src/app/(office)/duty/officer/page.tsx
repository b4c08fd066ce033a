import type { Metadata } from 'next';
import { Suspense } from 'react';
import { OfficerWeekView } from '../../../../components/office/duty/OfficerWeekView';

export const metadata: Metadata = { title: '民警周履职' };

/** /duty/officer?officerId=<id>&week=<YYYY-Www>: query parameters, so the portal stays a static export-friendly build. */
export default function OfficerWeekPage() {
  return (
    <Suspense>
      <OfficerWeekView />
    </Suspense>
  );
}
