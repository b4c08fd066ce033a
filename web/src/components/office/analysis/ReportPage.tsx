'use client';

import { useSearchParams } from 'next/navigation';
import { Notice } from '../Notice';
import { ReportView } from './ReportView';

/** /reports/view?id=…: one report. */
export function ReportPage() {
  const id = useSearchParams().get('id');
  return id ? (
    <ReportView key={id} id={id} />
  ) : (
    <Notice kind="warning" title="未指定报告">
      请从研判报告列表打开一份报告。
    </Notice>
  );
}
